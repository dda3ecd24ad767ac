import type { Tx } from '../db/database';
import { acceptTotpStep } from './auth.store';
import { totpStepOf } from './totp';

export type CodeCheck = 'accepted' | 'wrong' | 'reused';

/**
 * An authenticator code, checked at `at` and accepted once: a code already used for a sign-in or a signature
 * (its time step, or a later one, was accepted) is refused as reused (RFC 6238 §5.2).
 */
export async function checkAuthenticatorCode(
  tx: Tx,
  user: { id: string; mfaSecret: string },
  code: string,
  at: Date,
): Promise<CodeCheck> {
  const step = totpStepOf(user.mfaSecret, code, at);
  if (step === null) return 'wrong';
  return (await acceptTotpStep(tx, user.id, step)) ? 'accepted' : 'reused';
}
