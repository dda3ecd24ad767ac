import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { authorize, type Guarded } from '../access/guard';
import type { App, AppEnv } from './app-env';

/** Routes registered through defineRoute, with their permission: the access-matrix test reads this. */
export const PERMISSION_EXTENSION = 'x-permission';

/**
 * The only way a feature adds a route: it must name its permission (or 'public'); the guard runs before
 * validation and the handler, and the permission is published in the OpenAPI document.
 */
export function defineRoute<R extends RouteConfig>(
  app: App,
  spec: Guarded & { route: R },
  handler: RouteHandler<R, AppEnv>,
) {
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    await authorize(c, spec);
    await next();
  };
  const route = { ...spec.route, middleware: [guard], [PERMISSION_EXTENSION]: spec.permission } as R;
  // biome-ignore lint/suspicious/noExplicitAny: RouteHandler's response union is checked by the caller's types.
  app.openapi(route, handler as any);
}
