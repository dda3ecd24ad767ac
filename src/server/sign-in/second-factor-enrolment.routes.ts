import { enableMfa, findUserById, markSessionMfaVerified, setMfaSecret } from '../platform/auth/auth.store';
import { checkAuthenticatorCode } from '../platform/auth/second-factor';
import { sha256 } from '../platform/auth/secrets';
import { newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, totpEnrolment } from '../platform/auth/totp';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { userRoutes } from '../platform/http/route-builder';
import { CodeRequest, EnrolmentResponse, RecoveryCodesResponse } from './sign-in.schema';

const tags = ['Authentication'];
/** The caller's own session, reachable before the second factor (to finish signing in or to sign out). */
const beforeSecondFactor = { permission: 'session.self', allowPendingMfa: true } as const;

/** Setting up an authenticator: a new secret, then a first code confirms it and answers the recovery codes. */
export function registerSecondFactorEnrolmentRoutes(app: App) {
  const users = userRoutes(app, { tags });

  users.post(
    '/api/auth/mfa/enrol/start',
    {
      ...beforeSecondFactor,
      summary: 'Start authenticator enrolment: a new secret and its QR code',
      ok: [EnrolmentResponse, 'Scan the QR code, then confirm a code'],
    },
    async ({ tx, actor }) => {
      if (actor.mfaEnabled) {
        throw AppError.conflict(
          'An authenticator is already set up for this account.',
          'mfa_already_enrolled',
        );
      }
      const secret = newTotpSecret();
      await setMfaSecret(tx, actor.userId, secret);
      return totpEnrolment(secret, actor.email);
    },
  );

  users.post(
    '/api/auth/mfa/enrol/confirm',
    {
      ...beforeSecondFactor,
      summary: 'Confirm enrolment with a code; answers the one-time recovery codes once',
      body: CodeRequest,
      ok: [RecoveryCodesResponse, 'Enrolled'],
    },
    async ({ tx, actor, now, audit }, { json }) => {
      const user = await findUserById(tx, actor.userId);
      if (!user?.mfaSecret || user.mfaEnabled) {
        throw AppError.conflict('Start enrolment first.', 'mfa_enrolment_not_started');
      }
      const check = await checkAuthenticatorCode(
        tx,
        { id: user.id, mfaSecret: user.mfaSecret },
        json.code,
        now,
      );
      if (check !== 'accepted') {
        throw new AppError(422, 'invalid_code', 'That code is not right; check the time on your phone.', [
          {
            path: 'code',
            message:
              check === 'reused'
                ? 'That code was used already; wait for the next one.'
                : 'Not the current code.',
          },
        ]);
      }
      const recoveryCodes = newRecoveryCodes();
      await enableMfa(
        tx,
        user.id,
        recoveryCodes.map((r) => sha256(normalizeRecoveryCode(r))),
      );
      await markSessionMfaVerified(tx, actor.sessionId);
      await audit('auth.mfa_enrol', 'user', user.id);
      return { recoveryCodes };
    },
  );
}
