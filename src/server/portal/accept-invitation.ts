import type { Context } from 'hono';
import { appendAudit } from '../platform/audit/audit';
import { findUserByEmail } from '../platform/auth/auth.store';
import { hashPassword, sha256 } from '../platform/auth/secrets';
import { AppError } from '../platform/errors';
import type { AppEnv, Deps } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { startSession } from '../platform/http/start-session';
import { consumeInvitation, findOpenInvitation, findPortalAccount, insertPortalUser } from './portal.store';

const invalidInvitation = () =>
  new AppError(
    404,
    'invitation_invalid',
    'This invitation link is not valid any more. Ask the clinic for a new one.',
  );

/** The open invitation a link names, or 404 invitation_invalid (used, revoked, expired or unknown alike). */
export async function openInvitation(deps: Pick<Deps, 'db' | 'now'>, token: string) {
  const found = await deps.db.tx((tx) => findOpenInvitation(tx, sha256(token), deps.now()));
  if (!found) throw invalidInvitation();
  return found;
}

/**
 * Accepts a portal invitation: the link is used once, the patient chooses an email and password, and the
 * new account is signed in. argon2 runs before the transaction, never inside it. Answers the CSRF token.
 */
export async function acceptInvitation(
  c: Context<AppEnv>,
  token: string,
  account: { email: string; password: string },
): Promise<string> {
  const { email } = account;
  const { db, now } = c.var.deps;
  const passwordHash = await hashPassword(account.password);
  return db.tx(async (tx) => {
    const at = now();
    const found = await findOpenInvitation(tx, sha256(token), at);
    if (!found || !(await consumeInvitation(tx, found.invitation.id, at))) throw invalidInvitation();
    if (await findUserByEmail(tx, email)) {
      throw AppError.conflict('An account with this email already exists.', 'email_taken', {
        fields: [{ path: 'email', message: 'Already in use; use another email or sign in.' }],
      });
    }
    if (await findPortalAccount(tx, found.invitation.patientId)) {
      throw AppError.conflict('This patient already has a portal account.', 'portal_account_exists');
    }
    const inv = found.invitation;
    const user = await insertPortalUser(tx, {
      organizationId: inv.organizationId,
      email,
      displayName: found.givenName,
      role: 'patient',
      patientId: inv.patientId,
      passwordHash,
      createdAt: at,
      passwordChangedAt: at,
    });
    const started = await startSession(c, tx, user);
    await appendAudit(
      tx,
      {
        ...auditActor(c),
        organizationId: user.organizationId,
        actorId: user.id,
        actorEmail: user.email,
        actorRole: 'patient',
      },
      [
        {
          action: 'portal.account_created',
          entity: 'user',
          entityId: user.id,
          patientId: inv.patientId,
          siteId: inv.siteId,
        },
      ],
      at,
    );
    return started.session.csrfToken;
  });
}
