import type { Context } from 'hono';
import { appendAudit } from '../platform/audit/audit';
import { clearAttempts, findUserByEmail, reserveAttempt } from '../platform/auth/auth.store';
import { decoyPasswordHash, verifyPassword } from '../platform/auth/secrets';
import type { AppEnv } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { startSession } from '../platform/http/start-session';
import type { AddressLimit } from './address-limit';
import { invalidCredentials } from './sign-in-errors';

/**
 * The password step of signing in. Each step runs in its own short transaction, so a failure is recorded even
 * though the request fails, and no transaction waits on argon2: the attempt is reserved before the password
 * is checked (so parallel guesses cannot pass the lockout), and the session starts only after.
 */
export async function signInWithPassword(
  c: Context<AppEnv>,
  limit: AddressLimit,
  credentials: { email: string; password: string },
) {
  const { email, password } = credentials;
  const { db, config, now } = c.var.deps;
  limit.check();
  const at = now();
  const refuse = async (userId: string | null, reason: string) => {
    await db.tx((tx) =>
      appendAudit(
        tx,
        auditActor(c),
        [
          {
            action: 'auth.login',
            entity: 'user',
            ...(userId ? { entityId: userId } : {}),
            outcome: 'failure',
            detail: { reason },
          },
        ],
        at,
      ),
    );
    limit.failed();
    // An unknown email, a locked account and a wrong password answer alike (status, body, one argon2
    // verification's time), so the answer tells nobody which accounts exist or are locked.
    return invalidCredentials();
  };
  const user = await db.tx((tx) => findUserByEmail(tx, email));
  if (!user?.active) {
    await verifyPassword(await decoyPasswordHash(), password);
    throw await refuse(null, 'unknown email');
  }
  const reservation = await db.tx((tx) =>
    reserveAttempt(tx, user.id, 'password', {
      maxFailures: config.loginMaxFailures,
      now: at,
      lockUntil: new Date(at.getTime() + config.loginLockSeconds * 1000),
    }),
  );
  if (!reservation.allowed) {
    await verifyPassword(await decoyPasswordHash(), password);
    throw await refuse(user.id, 'locked');
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw await refuse(
      user.id,
      reservation.lockedByThisAttempt ? 'wrong password; account locked' : 'wrong password',
    );
  }
  return db.tx(async (tx) => {
    await clearAttempts(tx, user.id, 'password', reservation.lockedByThisAttempt);
    const started = await startSession(c, tx, user);
    const actor = {
      ...auditActor(c),
      organizationId: user.organizationId,
      actorId: user.id,
      actorEmail: user.email,
      actorRole: user.role,
    };
    await appendAudit(
      tx,
      actor,
      [{ action: 'auth.login', entity: 'user', entityId: user.id, detail: { next: started.next } }],
      now(),
    );
    return { next: started.next, csrfToken: started.session.csrfToken };
  });
}
