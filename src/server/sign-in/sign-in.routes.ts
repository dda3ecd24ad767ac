import { createRoute } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { addressLimitOf } from './address-limit';
import { registerSecondFactorEnrolmentRoutes } from './second-factor-enrolment.routes';
import { registerSessionRoutes } from './session.routes';
import { CodeRequest, LoginRequest, LoginResponse } from './sign-in.schema';
import { signedInPrincipal } from './sign-in-errors';
import { signInWithPassword } from './sign-in-with-password';
import { verifySecondFactor } from './verify-second-factor';

const tags = ['Authentication'];

/** Signing in (password, then the second factor), enrolment of a second factor, and the session. */
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
    async (c) => c.json(await signInWithPassword(c, addressLimitOf(app, c), c.req.valid('json')), 200),
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
      await verifySecondFactor(c, addressLimitOf(app, c), signedInPrincipal(c), c.req.valid('json').code);
      return c.json({ next: 'done' as const }, 200);
    },
  );

  registerSecondFactorEnrolmentRoutes(app);
  registerSessionRoutes(app);
}
