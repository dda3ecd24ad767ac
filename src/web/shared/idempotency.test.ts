import { describe, expect, it } from 'vitest';
import { closeAction, idempotencyKeyFor } from './idempotency';

let n = 0;
const counter = () => `key-${++n}`;

describe('idempotencyKeyFor', () => {
  it('keeps one key across retries of one action and starts a new one after it is answered', () => {
    const body = { givenName: 'Riley', familyName: 'Walk' };
    const first = idempotencyKeyFor('/api/sites/s/patients', body, counter);
    expect(idempotencyKeyFor('/api/sites/s/patients', { ...body }, counter)).toBe(first);
    closeAction('/api/sites/s/patients', body);
    expect(idempotencyKeyFor('/api/sites/s/patients', body, counter)).not.toBe(first);
  });

  it('gives another action (another body or path) its own key', () => {
    const a = idempotencyKeyFor('/api/patients/p/notes', { text: 'a' }, counter);
    expect(idempotencyKeyFor('/api/patients/p/notes', { text: 'b' }, counter)).not.toBe(a);
    expect(idempotencyKeyFor('/api/patients/q/notes', { text: 'a' }, counter)).not.toBe(a);
  });
});
