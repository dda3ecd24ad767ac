import type { Context } from 'hono';
import { appendAudit } from '../platform/audit/audit';
import { findUserById, setPassword } from '../platform/auth/auth.store';
import { hashPassword, sha256 } from '../platform/auth/secrets';
import { AppError } from '../platform/errors';
import type { AppEnv, Deps } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { startSession } from '../platform/http/start-session';
import { consumeStaffInvitation, findOpenStaffInvitation } from './staff.store';

const invalidInvitation = () =>
  new AppError(
    404,
    'invitation_invalid',
    'This invitation link is not valid any more. Ask your administrator for a new one.',
  );

/** The open invitation a link names, or 404 invitation_invalid (used, revoked, expired or unknown alike). */
export async function openStaffInvitation(deps: Pick<Deps, 'db' | 'now'>, token: string) {
  const found = await deps.db.tx((tx) => findOpenStaffInvitation(tx, sha256(token), deps.now()));
  if (!found) throw invalidInvitation();
  return found;
}

/**
 * The staff member chooses a password with their link (used once) and is signed in; the session's next step
 * is enrolling an authenticator, as at any first sign-in. argon2 runs before the transaction, never inside it.
 */
export async function acceptStaffInvitation(c: Context<AppEnv>, token: string, password: string) {
  const { db, now } = c.var.deps;
  const passwordHash = await hashPassword(password);
  return db.tx(async (tx) => {
    const at = now();
    const found = await findOpenStaffInvitation(tx, sha256(token), at);
    if (!found || !(await consumeStaffInvitation(tx, found.invitation.id, at))) throw invalidInvitation();
    await setPassword(tx, found.user.id, passwordHash, at);
    const user = await findUserById(tx, found.user.id);
    if (!user) throw invalidInvitation();
    const started = await startSession(c, tx, user);
    await appendAudit(
      tx,
      {
        ...auditActor(c),
        organizationId: user.organizationId,
        actorId: user.id,
        actorEmail: user.email,
        actorRole: user.role,
      },
      [
        {
          action: 'staff.invitation_accepted',
          entity: 'user',
          entityId: user.id,
          detail: { invitationId: found.invitation.id },
        },
      ],
      at,
    );
    return { next: started.next, csrfToken: started.session.csrfToken };
  });
}
