import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findSessionByTokenHash, revokeSession, touchSession } from '../auth/auth.store';
import { safeEqual, sha256 } from '../auth/secrets';
import { AppError } from '../errors';
import type { AppEnv } from './app-env';

export const SESSION_COOKIE = 'openiop_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A patient's address: its patient is scoped in the session's own statement (see the access guard). */
const PATIENT_PATH =
  /^\/api\/patients\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

/**
 * Resolves the session cookie to a principal. Idle and absolute timeouts end a session (HIPAA automatic
 * log-off); a state-changing request must echo the session's CSRF token in X-CSRF-Token.
 */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('principal', null);
  c.set('sessionProblem', null);
  c.set('patientAccess', null);
  c.set('prefetchedScope', undefined);
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return next();
  const { db, config, now } = c.var.deps;
  const at = now();
  const idleMs = config.sessionIdleSeconds * 1000;
  const patientId = PATIENT_PATH.exec(c.req.path)?.[1]?.toLowerCase();
  // Single statements, each committing on its own: a read here needs no BEGIN/COMMIT round trips.
  const found = await db.autocommit(async (tx) => {
    const row = await findSessionByTokenHash(
      tx,
      sha256(token),
      patientId ? { patientId, now: at } : undefined,
    );
    if (!row) return { row: undefined, problem: null };
    if (row.session.revokedAt || !row.user.active)
      return { row: undefined, problem: 'session_ended' as const };
    const idleEnd = row.session.lastSeenAt.getTime() + idleMs;
    if (at.getTime() >= idleEnd || at >= row.session.expiresAt) {
      await revokeSession(tx, row.session.id, at);
      return { row: undefined, problem: 'session_expired' as const };
    }
    // Extending the idle window on every request would be one write per read; a few seconds' slack is fine.
    if (at.getTime() - row.session.lastSeenAt.getTime() >= Math.min(30_000, idleMs / 10)) {
      await touchSession(tx, row.session.id, at);
      row.session.lastSeenAt = at;
    }
    return { row, problem: null };
  });
  if (!found.row) {
    c.set('sessionProblem', found.problem);
    return next();
  }
  const { session, user, siteIds, patientScope } = found.row;
  if (patientId) c.set('prefetchedScope', { patientId, scope: patientScope });
  if (UNSAFE.has(c.req.method)) {
    const sent = c.req.header('x-csrf-token') ?? '';
    if (!safeEqual(sent, session.csrfToken)) {
      throw new AppError(
        403,
        'csrf_failed',
        'The request is missing its X-CSRF-Token header; reload the page.',
        [{ path: 'header.X-CSRF-Token', message: 'Missing or does not match the session.' }],
      );
    }
  }
  const idleExpiresAt = new Date(
    Math.min(session.lastSeenAt.getTime() + idleMs, session.expiresAt.getTime()),
  );
  c.set('principal', {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    patientId: user.patientId,
    siteIds,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    mfaEnabled: user.mfaEnabled,
    mfaVerified: session.mfaVerified,
    idleExpiresAt,
    expiresAt: session.expiresAt,
  });
  return next();
};
