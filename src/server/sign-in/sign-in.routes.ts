import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { permissionsOf } from '../platform/access/permissions';
import { appendAudit } from '../platform/audit/audit';
import { FailedSignInLimit, isLocalAddress } from '../platform/auth/address-limit';
import {
  clearAttempts,
  consumeRecoveryCode,
  enableMfa,
  findUserByEmail,
  findUserById,
  listSitesByIds,
  markSessionMfaVerified,
  reserveAttempt,
  revokeAllSessions,
  revokeSession,
  setMfaSecret,
  setPassword,
} from '../platform/auth/auth.store';
import { checkAuthenticatorCode } from '../platform/auth/second-factor';
import { decoyPasswordHash, hashPassword, sha256, verifyPassword } from '../platform/auth/secrets';
import { newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, totpEnrolment } from '../platform/auth/totp';
import { AppError } from '../platform/errors';
import type { App, AppEnv } from '../platform/http/app-env';
import { auditActor, sourceAddress } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { clearSessionCookie, nextStepFor, startSession } from '../platform/http/start-session';
import {
  ChangePasswordRequest,
  CodeRequest,
  EnrolmentResponse,
  LoginRequest,
  LoginResponse,
  MeResponse,
  RecoveryCodesResponse,
} from './sign-in.schema';

const tags = ['Authentication'];

const invalidCredentials = () =>
  AppError.unauthenticated('The email or password is not right.', 'invalid_credentials');

const locked = (until: Date) =>
  new AppError(
    423,
    'account_locked',
    `Too many failed attempts. The account is locked until ${until.toISOString()}.`,
  );

const reusedCode = () =>
  AppError.unauthenticated(
    'That code was used already. Wait for the next code from your authenticator.',
    'code_reused',
  );

function principalOf(c: Context<AppEnv>) {
  const p = c.var.principal;
  if (!p) throw AppError.unauthenticated();
  return p;
}

/** One limit per app: failed sign-ins per source address, over all accounts. */
const addressLimits = new WeakMap<App, FailedSignInLimit>();

function addressLimitOf(app: App, c: Context<AppEnv>) {
  const { config } = c.var.deps;
  let limit = addressLimits.get(app);
  if (!limit) {
    limit = new FailedSignInLimit({
      maxFailures: config.loginAddressMaxFailures,
      windowMs: config.loginAddressWindowSeconds * 1000,
    });
    addressLimits.set(app, limit);
  }
  const address = sourceAddress(c);
  const exempt = config.loginAddressLimitSkipLoopback && isLocalAddress(address);
  const key = address ?? 'in-process';
  const nowMs = c.var.deps.now().getTime();
  return {
    /** 429 with Retry-After while this address is over its limit. */
    check() {
      const retryAfter = exempt ? null : limit.retryAfterSeconds(key, nowMs);
      if (retryAfter !== null) {
        c.header('Retry-After', String(retryAfter));
        throw new AppError(
          429,
          'too_many_attempts',
          `Too many failed sign-ins from this address. Try again in ${retryAfter} seconds.`,
        );
      }
    },
    failed() {
      if (!exempt) limit.recordFailure(key, nowMs);
    },
  };
}

export function registerAuthRoutes(app: App) {
  defineRoute(
    app,
    {
      permission: 'public',
      route: createRoute({
        method: 'post',
        path: '/api/auth/login',
        tags,
        summary: 'Sign in with email and password',
        request: { body: jsonBody(LoginRequest) },
        responses: {
          200: jsonResponse(LoginResponse, 'Signed in; `next` says what remains'),
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { db, config, now } = c.var.deps;
      const limit = addressLimitOf(app, c);
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
      const { next, csrfToken } = await db.tx(async (tx) => {
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
      return c.json({ next, csrfToken }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'session.self',
      allowPendingMfa: true,
      route: createRoute({
        method: 'post',
        path: '/api/auth/mfa/verify',
        tags,
        summary: 'Finish signing in with a TOTP code or a one-time recovery code',
        request: { body: jsonBody(CodeRequest) },
        responses: { 200: jsonResponse(LoginResponse.pick({ next: true }), 'Signed in'), ...errorResponses },
      }),
    },
    async (c) => {
      const p = principalOf(c);
      const { code } = c.req.valid('json');
      const { db, config, now } = c.var.deps;
      const limit = addressLimitOf(app, c);
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
      if (outcome === 'accepted') return c.json({ next: 'done' as const }, 200);
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
      if (reservation.lockedByThisAttempt)
        throw locked(new Date(at.getTime() + config.loginLockSeconds * 1000));
      throw outcome === 'reused'
        ? reusedCode()
        : AppError.unauthenticated('That code is not right.', 'invalid_code');
    },
  );

  defineRoute(
    app,
    {
      permission: 'session.self',
      allowPendingMfa: true,
      route: createRoute({
        method: 'post',
        path: '/api/auth/mfa/enrol/start',
        tags,
        summary: 'Start authenticator enrolment: a new secret and its QR code',
        responses: {
          200: jsonResponse(EnrolmentResponse, 'Scan the QR code, then confirm a code'),
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const p = principalOf(c);
      if (p.mfaEnabled)
        throw AppError.conflict(
          'An authenticator is already set up for this account.',
          'mfa_already_enrolled',
        );
      const secret = newTotpSecret();
      await c.var.deps.db.tx((tx) => setMfaSecret(tx, p.userId, secret));
      return c.json(await totpEnrolment(secret, p.email), 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'session.self',
      allowPendingMfa: true,
      route: createRoute({
        method: 'post',
        path: '/api/auth/mfa/enrol/confirm',
        tags,
        summary: 'Confirm enrolment with a code; answers the one-time recovery codes once',
        request: { body: jsonBody(CodeRequest) },
        responses: { 200: jsonResponse(RecoveryCodesResponse, 'Enrolled'), ...errorResponses },
      }),
    },
    async (c) => {
      const p = principalOf(c);
      const { code } = c.req.valid('json');
      const { db, now } = c.var.deps;
      const user = await db.tx((tx) => findUserById(tx, p.userId));
      if (!user?.mfaSecret || user.mfaEnabled)
        throw AppError.conflict('Start enrolment first.', 'mfa_enrolment_not_started');
      const secret = user.mfaSecret;
      const check = await db.tx((tx) =>
        checkAuthenticatorCode(tx, { id: user.id, mfaSecret: secret }, code, now()),
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
      await db.tx(async (tx) => {
        await enableMfa(
          tx,
          user.id,
          recoveryCodes.map((r) => sha256(normalizeRecoveryCode(r))),
        );
        await markSessionMfaVerified(tx, p.sessionId);
        await appendAudit(
          tx,
          auditActor(c),
          [{ action: 'auth.mfa_enrol', entity: 'user', entityId: user.id }],
          now(),
        );
      });
      return c.json({ recoveryCodes }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'session.self',
      allowPendingMfa: true,
      route: createRoute({
        method: 'get',
        path: '/api/auth/me',
        tags,
        summary: 'The signed-in user, their sites, CSRF token and session timeouts',
        responses: { 200: jsonResponse(MeResponse, 'The session'), ...errorResponses },
      }),
    },
    async (c) => {
      const p = principalOf(c);
      const sites = p.role === 'patient' ? [] : await c.var.deps.db.tx((tx) => listSitesByIds(tx, p.siteIds));
      return c.json(
        {
          kind: p.role === 'patient' ? ('patient' as const) : ('staff' as const),
          csrfToken: p.csrfToken,
          user: { id: p.userId, email: p.email, displayName: p.displayName, role: p.role },
          sites,
          patientId: p.patientId,
          session: {
            idleTimeoutSeconds: c.var.deps.config.sessionIdleSeconds,
            idleExpiresAt: p.idleExpiresAt.toISOString(),
            expiresAt: p.expiresAt.toISOString(),
          },
          next: nextStepFor({ role: p.role, mfaEnabled: p.mfaEnabled }, p.mfaVerified),
          permissions: permissionsOf(p.role),
        },
        200,
      );
    },
  );

  defineRoute(
    app,
    {
      permission: 'session.self',
      allowPendingMfa: true,
      route: createRoute({
        method: 'post',
        path: '/api/auth/logout',
        tags,
        summary: 'Sign out of this session',
        responses: { 204: { description: 'Signed out' }, ...errorResponses },
      }),
    },
    async (c) => {
      const p = principalOf(c);
      const { db, now } = c.var.deps;
      await db.tx(async (tx) => {
        await revokeSession(tx, p.sessionId, now());
        await appendAudit(
          tx,
          auditActor(c),
          [{ action: 'auth.logout', entity: 'session', entityId: p.sessionId }],
          now(),
        );
      });
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      permission: 'session.self',
      route: createRoute({
        method: 'post',
        path: '/api/auth/logout-all',
        tags,
        summary: 'Sign out everywhere: ends every session of this user',
        responses: { 204: { description: 'Signed out everywhere' }, ...errorResponses },
      }),
    },
    async (c) => {
      const p = principalOf(c);
      const { db, now } = c.var.deps;
      await db.tx(async (tx) => {
        await revokeAllSessions(tx, p.userId, now());
        await appendAudit(
          tx,
          auditActor(c),
          [{ action: 'auth.logout_all', entity: 'user', entityId: p.userId }],
          now(),
        );
      });
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

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
      const p = principalOf(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const { db, now } = c.var.deps;
      const user = await db.tx((tx) => findUserById(tx, p.userId));
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new AppError(422, 'invalid_credentials', 'The current password is not right.', [
          { path: 'currentPassword', message: 'Not your current password.' },
        ]);
      }
      const passwordHash = await hashPassword(newPassword);
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
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
}
