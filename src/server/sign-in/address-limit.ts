import type { Context } from 'hono';
import { FailedSignInLimit, isLocalAddress } from '../platform/auth/address-limit';
import { AppError } from '../platform/errors';
import type { App, AppEnv } from '../platform/http/app-env';
import { sourceAddress } from '../platform/http/audit-actor';

/** One limit per app: failed sign-ins per source address, over all accounts. */
const addressLimits = new WeakMap<App, FailedSignInLimit>();

export type AddressLimit = ReturnType<typeof addressLimitOf>;

export function addressLimitOf(app: App, c: Context<AppEnv>) {
  const { config } = c.var.deps;
  let limit = addressLimits.get(app);
  if (!limit) {
    limit = new FailedSignInLimit({
      maxFailures: config.loginAddressMaxFailures,
      windowMs: config.loginAddressWindowSeconds * 1000,
    });
    addressLimits.set(app, limit);
  }
  const address = sourceAddress(c);
  const exempt = config.loginAddressLimitSkipLoopback && isLocalAddress(address);
  const key = address ?? 'in-process';
  const nowMs = c.var.deps.now().getTime();
  return {
    /** 429 with Retry-After while this address is over its limit. */
    check() {
      const retryAfter = exempt ? null : limit.retryAfterSeconds(key, nowMs);
      if (retryAfter !== null) {
        c.header('Retry-After', String(retryAfter));
        throw new AppError(
          429,
          'too_many_attempts',
          `Too many failed sign-ins from this address. Try again in ${retryAfter} seconds.`,
        );
      }
    },
    failed() {
      if (!exempt) limit.recordFailure(key, nowMs);
    },
  };
}
