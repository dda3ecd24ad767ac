import type { z } from '@hono/zod-openapi';
import { recordLoginFailure } from '../platform/auth/auth.store';
import { checkAuthenticatorCode } from '../platform/auth/second-factor';
import { verifyPassword } from '../platform/auth/secrets';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { PatientContext } from '../platform/http/route-wrappers';
import type { SignRequest } from './notes.schema';
import { findSigner } from './notes.store';

export type Signer = {
  userId: string;
  name: string;
  credential: string | null;
  method: 'password' | 'totp';
  supervisorUserId: string | null;
};

/**
 * A signature is the signer proving again, at that moment, that they are who the session says (21 CFR 11-style
 * re-authentication): the account password or a current authenticator code, checked with the sign-in code.
 */
export async function reauthenticate(
  tx: Tx,
  userId: string,
  proof: z.infer<typeof SignRequest>,
  now: Date,
): Promise<Signer> {
  const given = [proof.password !== undefined, proof.totpCode !== undefined].filter(Boolean).length;
  if (given !== 1) {
    const message = 'Give your password or a current authenticator code (one of them) to sign.';
    throw AppError.validation(
      [
        { path: 'password', message },
        { path: 'totpCode', message },
      ],
      message,
    );
  }
  const user = await findSigner(tx, userId);
  if (!user) throw AppError.unauthenticated();
  // Wrong passwords and codes at signing count toward the sign-in lockout, so signing cannot be used to guess.
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(423, 'account_locked', 'Too many wrong passwords or codes; try again later.', [], {
      lockedUntil: user.lockedUntil.toISOString(),
    });
  }
  let ok: boolean;
  if (proof.totpCode !== undefined) {
    if (!user.mfaEnabled || !user.mfaSecret) {
      throw new AppError(
        422,
        'reauthentication_failed',
        'You have no authenticator set up; use your password.',
        [{ path: 'totpCode', message: 'No authenticator is set up for your account.' }],
      );
    }
    const check = await checkAuthenticatorCode(
      tx,
      { id: user.id, mfaSecret: user.mfaSecret },
      proof.totpCode,
      now,
    );
    if (check === 'reused') {
      throw new AppError(
        422,
        'reauthentication_failed',
        'That code was used already; the note was not signed.',
        [
          {
            path: 'totpCode',
            message: 'That code was used already. Wait for the next code from your authenticator.',
          },
        ],
      );
    }
    ok = check === 'accepted';
  } else {
    ok = await verifyPassword(user.passwordHash, proof.password!);
  }
  if (!ok) {
    const path = proof.totpCode !== undefined ? 'totpCode' : 'password';
    throw new AppError(422, 'reauthentication_failed', 'That did not match; the note was not signed.', [
      { path, message: path === 'password' ? 'Wrong password.' : 'Wrong or expired code.' },
    ]);
  }
  return {
    userId: user.id,
    name: user.displayName,
    credential: user.credentials,
    method: proof.totpCode !== undefined ? 'totp' : 'password',
    supervisorUserId: user.supervisorUserId,
  };
}

export function signatureColumns(signer: Signer, at: Date) {
  return {
    signedBy: signer.userId,
    signedName: signer.name,
    signedCredential: signer.credential,
    signedAt: at,
    signedMethod: signer.method,
  };
}

export function cosignatureColumns(signer: Signer, at: Date) {
  return {
    cosignedBy: signer.userId,
    cosignedName: signer.name,
    cosignedCredential: signer.credential,
    cosignedAt: at,
    cosignedMethod: signer.method,
  };
}

/** What a route's `afterRollback` gets, whatever its version: enough to write the refusal. */
export type RollbackContext = Pick<PatientContext, 'c' | 'tx' | 'actor' | 'deps' | 'now' | 'audit'>;

/**
 * A wrong password or code at signing, recorded after the request's own transaction rolled back (a failed
 * signature must leave a trace, like a failed sign-in) and counted toward the sign-in lockout. Runs as the
 * route's `afterRollback`; any other failure leaves nothing.
 */
export async function auditRefusedSignature(
  ctx: RollbackContext,
  target: { entity: 'note' | 'group_note'; entityId: string },
  error: unknown,
) {
  if (!(error instanceof AppError && error.code === 'reauthentication_failed')) return;
  const { config } = ctx.deps;
  await recordLoginFailure(
    ctx.tx,
    ctx.actor.userId,
    config.loginMaxFailures,
    new Date(ctx.now.getTime() + config.loginLockSeconds * 1000),
  );
  await ctx.audit(
    `${target.entity}.signature_refused`,
    target.entity,
    target.entityId,
    { code: error.code },
    'denied',
  );
}
