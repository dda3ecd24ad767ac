import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { App, AppEnv } from './app-env';
import { authorize, type Guarded } from './guard';

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

const DOC_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Routes that serve the API's own documentation, not data; they need no permission. */
export const DOCUMENTATION_ROUTES = [
  'GET /api/openapi.json',
  'GET /api/docs',
  'GET /api/docs/assets/openiop-docs-init.js',
];

export type RouteEntry = { key: string; method: string; path: string; permission: string | undefined };

/** Every API operation in the OpenAPI document, with the permission it declares. */
export function documentedRoutes(app: App): RouteEntry[] {
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'OpenIOP', version: '0' } });
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    DOC_METHODS.filter((m) => item?.[m]).map((m) => ({
      key: `${m.toUpperCase()} ${path}`,
      method: m.toUpperCase(),
      path,
      permission: (item![m] as Record<string, unknown>)[PERMISSION_EXTENSION] as string | undefined,
    })),
  );
}

/** Handlers registered on /api/* that bypassed defineRoute, or declare no permission: each is a hole. */
export function routesWithoutPermission(app: App): string[] {
  const documented = new Map(documentedRoutes(app).map((r) => [r.key, r.permission]));
  return app.routes
    .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*'))
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
    .filter((key, i, all) => all.indexOf(key) === i)
    .filter((key) => !DOCUMENTATION_ROUTES.includes(key) && !documented.get(key));
}
