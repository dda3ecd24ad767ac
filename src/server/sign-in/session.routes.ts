import { createRoute } from '@hono/zod-openapi';
import { permissionsOf } from '../platform/access/permissions';
import { listSitesByIds, revokeAllSessions, revokeSession } from '../platform/auth/auth.store';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { userRoutes } from '../platform/http/route-builder';
import { clearSessionCookie, nextStepFor } from '../platform/http/start-session';
import { changePassword } from './change-password';
import { ChangePasswordRequest, MeResponse } from './sign-in.schema';
import { signedInPrincipal } from './sign-in-errors';

const tags = ['Authentication'];
/** The caller's own session, reachable before the second factor (to finish signing in or to sign out). */
const beforeSecondFactor = { permission: 'session.self', allowPendingMfa: true } as const;

/** The signed-in session: who it is, signing out of it or everywhere, and changing the password. */
export function registerSessionRoutes(app: App) {
  const users = userRoutes(app, { tags });

  users.get(
    '/api/auth/me',
    {
      ...beforeSecondFactor,
      summary: 'The signed-in user, their sites, CSRF token and session timeouts',
      ok: [MeResponse, 'The session'],
    },
    async ({ tx, actor: p, deps }) => ({
      kind: p.role === 'patient' ? ('patient' as const) : ('staff' as const),
      csrfToken: p.csrfToken,
      user: { id: p.userId, email: p.email, displayName: p.displayName, role: p.role },
      sites: p.role === 'patient' ? [] : await listSitesByIds(tx, p.siteIds),
      patientId: p.patientId,
      session: {
        idleTimeoutSeconds: deps.config.sessionIdleSeconds,
        idleExpiresAt: p.idleExpiresAt.toISOString(),
        expiresAt: p.expiresAt.toISOString(),
      },
      next: nextStepFor({ role: p.role, mfaEnabled: p.mfaEnabled }, p.mfaVerified),
      permissions: permissionsOf(p.role),
    }),
  );

  users.post(
    '/api/auth/logout',
    {
      ...beforeSecondFactor,
      summary: 'Sign out of this session',
      responses: { 204: { description: 'Signed out' } },
    },
    async ({ c, tx, actor, now, audit }) => {
      await revokeSession(tx, actor.sessionId, now);
      await audit('auth.logout', 'session', actor.sessionId);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  users.post(
    '/api/auth/logout-all',
    {
      permission: 'session.self',
      summary: 'Sign out everywhere: ends every session of this user',
      responses: { 204: { description: 'Signed out everywhere' } },
    },
    async ({ c, tx, actor, now, audit }) => {
      await revokeAllSessions(tx, actor.userId, now);
      await audit('auth.logout_all', 'user', actor.userId);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  // argon2 runs outside any transaction here: the use case opens its own short ones around it.
  defineRoute(
    app,
    {
      permission: 'session.self',
      route: createRoute({
        method: 'post',
        path: '/api/auth/password',
        tags,
        summary: 'Change password; every session of the user ends',
        request: { body: jsonBody(ChangePasswordRequest) },
        responses: { 204: { description: 'Changed; sign in again' }, ...errorResponses },
      }),
    },
    async (c) => {
      await changePassword(c, signedInPrincipal(c), c.req.valid('json'));
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
}
