import type { Context } from 'hono';
import { appendAudit } from '../platform/audit/audit';
import {
  clearAttempts,
  consumeRecoveryCode,
  findUserById,
  markSessionMfaVerified,
  reserveAttempt,
} from '../platform/auth/auth.store';
import { checkAuthenticatorCode } from '../platform/auth/second-factor';
import { sha256 } from '../platform/auth/secrets';
import { normalizeRecoveryCode } from '../platform/auth/totp';
import { AppError } from '../platform/errors';
import type { AppEnv, Principal } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import type { AddressLimit } from './address-limit';
import { locked, reusedCode } from './sign-in-errors';

/**
 * The second step of signing in: a TOTP code (accepted once) or a one-time recovery code. Codes are counted
 * on their own and reserved before they are checked, each step in its own transaction (a failure stays
 * recorded although the request fails).
 */
export async function verifySecondFactor(
  c: Context<AppEnv>,
  limit: AddressLimit,
  p: Principal,
  code: string,
) {
  const { db, config, now } = c.var.deps;
  limit.check();
  const at = now();
  const user = await db.tx((tx) => findUserById(tx, p.userId));
  if (!user?.mfaEnabled || !user.mfaSecret)
    throw AppError.conflict('Set up your authenticator first.', 'mfa_not_enrolled');
  const secret = user.mfaSecret;
  // Codes are counted on their own and before they are checked: a right password never resets the count.
  const reservation = await db.tx((tx) =>
    reserveAttempt(tx, user.id, 'code', {
      maxFailures: config.loginMfaMaxFailures,
      now: at,
      lockUntil: new Date(at.getTime() + config.loginLockSeconds * 1000),
    }),
  );
  if (!reservation.allowed) {
    const fresh = await db.tx((tx) => findUserById(tx, user.id));
    throw locked(fresh?.lockedUntil ?? at);
  }
  const outcome = await db.tx(async (tx) => {
    const viaTotp = await checkAuthenticatorCode(tx, { id: user.id, mfaSecret: secret }, code, at);
    const viaRecovery =
      viaTotp === 'wrong' &&
      (await consumeRecoveryCode(tx, user.id, sha256(normalizeRecoveryCode(code)), at));
    if (viaTotp !== 'accepted' && !viaRecovery) return viaTotp;
    await markSessionMfaVerified(tx, p.sessionId);
    await clearAttempts(tx, user.id, 'code', reservation.lockedByThisAttempt);
    await appendAudit(
      tx,
      auditActor(c),
      [
        {
          action: 'auth.mfa',
          entity: 'user',
          entityId: user.id,
          detail: { method: viaTotp === 'accepted' ? 'totp' : 'recovery-code' },
        },
      ],
      at,
    );
    return 'accepted' as const;
  });
  if (outcome === 'accepted') return;
  await db.tx((tx) =>
    appendAudit(
      tx,
      auditActor(c),
      [
        {
          action: 'auth.mfa',
          entity: 'user',
          entityId: user.id,
          outcome: 'failure',
          detail: { reason: outcome },
        },
      ],
      at,
    ),
  );
  limit.failed();
  if (reservation.lockedByThisAttempt) throw locked(new Date(at.getTime() + config.loginLockSeconds * 1000));
  throw outcome === 'reused'
    ? reusedCode()
    : AppError.unauthenticated('That code is not right.', 'invalid_code');
}
