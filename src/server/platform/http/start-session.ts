import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { createSession, type UserRow } from '../auth/auth.store';
import { randomToken, sha256 } from '../auth/secrets';
import type { Tx } from '../db/database';
import type { AppEnv } from './app-env';
import { sourceAddress } from './audit-actor';
import { SESSION_COOKIE } from './session-middleware';

export type NextStep = 'mfa' | 'enrol-mfa' | 'done';

/**
 * Staff must pass TOTP before the session is usable. A portal account is done after the password unless the
 * patient chose to enrol an authenticator: then it is asked for, as for staff.
 */
export function nextStepFor(user: Pick<UserRow, 'role' | 'mfaEnabled'>, mfaVerified: boolean): NextStep {
  if (mfaVerified) return 'done';
  if (user.role === 'patient') return user.mfaEnabled ? 'mfa' : 'done';
  return user.mfaEnabled ? 'mfa' : 'enrol-mfa';
}

function isHttps(c: Context<AppEnv>): boolean {
  const publicUrl = c.var.deps.config.publicUrl;
  return publicUrl
    ? publicUrl.startsWith('https:')
    : c.req.header('x-forwarded-proto') === 'https' || c.req.url.startsWith('https:');
}

export async function startSession(c: Context<AppEnv>, tx: Tx, user: UserRow) {
  const { config, now } = c.var.deps;
  const at = now();
  const token = randomToken();
  const mfaVerified = user.role === 'patient' && !user.mfaEnabled;
  const session = await createSession(tx, {
    userId: user.id,
    tokenHash: sha256(token),
    csrfToken: randomToken(24),
    mfaVerified,
    expiresAt: new Date(at.getTime() + config.sessionAbsoluteSeconds * 1000),
    now: at,
    sourceAddress: sourceAddress(c),
  });
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c) });
  return { session, next: nextStepFor(user, mfaVerified) };
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
