import { describe, expect, it } from 'vitest';
import { serverClock } from './clock';

describe('serverClock', () => {
  it('is the machine clock when no start is set', () => {
    let machine = Date.parse('2026-12-02T09:00:00Z');
    const now = serverClock(undefined, () => machine);
    expect(now().toISOString()).toBe('2026-12-02T09:00:00.000Z');
    machine += 1_500;
    expect(now().toISOString()).toBe('2026-12-02T09:00:01.500Z');
  });

  it('starts at the given instant and runs on at the machine’s pace', () => {
    let machine = Date.parse('2026-12-02T09:00:00Z');
    const now = serverClock(new Date('2026-12-02T00:30:00Z'), () => machine);
    expect(now().toISOString()).toBe('2026-12-02T00:30:00.000Z');
    machine += 90_000;
    expect(now().toISOString()).toBe('2026-12-02T00:31:30.000Z');
  });
});
