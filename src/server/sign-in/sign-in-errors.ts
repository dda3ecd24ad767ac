import type { Context } from 'hono';
import { AppError } from '../platform/errors';
import type { AppEnv } from '../platform/http/app-env';

export const invalidCredentials = () =>
  AppError.unauthenticated('The email or password is not right.', 'invalid_credentials');

export const locked = (until: Date) =>
  new AppError(
    423,
    'account_locked',
    `Too many failed attempts. The account is locked until ${until.toISOString()}.`,
  );

export const reusedCode = () =>
  AppError.unauthenticated(
    'That code was used already. Wait for the next code from your authenticator.',
    'code_reused',
  );

/** The signed-in caller (the guard let a session.self route through only with one). */
export function signedInPrincipal(c: Context<AppEnv>) {
  const p = c.var.principal;
  if (!p) throw AppError.unauthenticated();
  return p;
}
