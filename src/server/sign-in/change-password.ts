import type { Context } from 'hono';
import { appendAudit } from '../platform/audit/audit';
import { findUserById, revokeAllSessions, setPassword } from '../platform/auth/auth.store';
import { hashPassword, verifyPassword } from '../platform/auth/secrets';
import { AppError } from '../platform/errors';
import type { AppEnv, Principal } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';

/**
 * Changes the password after checking the current one; every session of the user ends. argon2 runs between
 * the two short transactions, never inside one.
 */
export async function changePassword(
  c: Context<AppEnv>,
  p: Principal,
  passwords: { currentPassword: string; newPassword: string },
) {
  const { db, now } = c.var.deps;
  const user = await db.tx((tx) => findUserById(tx, p.userId));
  if (!user || !(await verifyPassword(user.passwordHash, passwords.currentPassword))) {
    throw new AppError(422, 'invalid_credentials', 'The current password is not right.', [
      { path: 'currentPassword', message: 'Not your current password.' },
    ]);
  }
  const passwordHash = await hashPassword(passwords.newPassword);
  await db.tx(async (tx) => {
    await setPassword(tx, user.id, passwordHash, now());
    await revokeAllSessions(tx, user.id, now());
    await appendAudit(
      tx,
      auditActor(c),
      [{ action: 'auth.password_change', entity: 'user', entityId: user.id }],
      now(),
    );
  });
}
