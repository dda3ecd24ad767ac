/**
 * Failed sign-ins per source address, over all accounts: password spraying tries a few passwords on many
 * accounts, which no per-account lockout sees (NIST SP 800-63B §5.2.2 asks verifiers to limit failed attempts;
 * OWASP's credential-stuffing guidance adds per-source limits). A fixed window per address, in memory, with a
 * bounded number of addresses (the oldest is forgotten first), so a flood of addresses cannot exhaust memory.
 */
export class FailedSignInLimit {
  private readonly windows = new Map<string, { failures: number; startedAt: number }>();

  constructor(private readonly opts: { maxFailures: number; windowMs: number; maxAddresses?: number }) {}

  /** Seconds until this address may try again, or null while it is under the limit. */
  retryAfterSeconds(address: string, nowMs: number): number | null {
    const window = this.current(address, nowMs);
    if (!window || window.failures < this.opts.maxFailures) return null;
    return Math.max(1, Math.ceil((window.startedAt + this.opts.windowMs - nowMs) / 1000));
  }

  recordFailure(address: string, nowMs: number): void {
    const window = this.current(address, nowMs);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= (this.opts.maxAddresses ?? 10_000)) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    this.windows.set(address, { failures: 1, startedAt: nowMs });
  }

  /** How many addresses are remembered (for the bound's test). */
  get size(): number {
    return this.windows.size;
  }

  private current(address: string, nowMs: number) {
    const window = this.windows.get(address);
    if (window && nowMs - window.startedAt >= this.opts.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }
}

/** Loopback, or an in-process request with no socket at all (tests). */
export function isLocalAddress(address: string | null): boolean {
  return address === null || address === '::1' || /^(::ffff:)?127\./.test(address);
}
