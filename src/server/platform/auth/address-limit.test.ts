import { describe, expect, it } from 'vitest';
import { FailedSignInLimit, isLocalAddress } from './address-limit';

describe('FailedSignInLimit', () => {
  it('refuses an address after the limit until its window ends', () => {
    const limit = new FailedSignInLimit({ maxFailures: 3, windowMs: 60_000 });
    for (let i = 0; i < 2; i++) limit.recordFailure('203.0.113.9', 1_000);
    expect(limit.retryAfterSeconds('203.0.113.9', 1_000)).toBeNull();
    limit.recordFailure('203.0.113.9', 1_000);
    expect(limit.retryAfterSeconds('203.0.113.9', 1_000)).toBe(60);
    expect(limit.retryAfterSeconds('203.0.113.9', 31_000)).toBe(30);
    expect(limit.retryAfterSeconds('198.51.100.4', 31_000)).toBeNull();
    expect(limit.retryAfterSeconds('203.0.113.9', 61_000)).toBeNull();
  });

  it('remembers a bounded number of addresses, forgetting the oldest', () => {
    const limit = new FailedSignInLimit({ maxFailures: 1, windowMs: 60_000, maxAddresses: 100 });
    for (let i = 0; i < 1_000; i++) limit.recordFailure(`10.0.${i >> 8}.${i & 255}`, 1_000);
    expect(limit.size).toBe(100);
    expect(limit.retryAfterSeconds('10.0.0.0', 1_000)).toBeNull();
    expect(limit.retryAfterSeconds('10.0.3.231', 1_000)).toBe(60);
  });
});

describe('isLocalAddress', () => {
  it.each([
    [null, true],
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['203.0.113.9', false],
    ['::ffff:203.0.113.9', false],
  ])('%s → %s', (address, local) => {
    expect(isLocalAddress(address)).toBe(local);
  });
});
