import { createRoute, z } from '@hono/zod-openapi';
import { listSitesByIds } from '../platform/auth/auth.store';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonResponse } from '../platform/http/common.schema';
import { defineUserRoute } from '../platform/http/route-wrappers';

const SiteList = z
  .object({ items: z.array(z.object({ id: z.string(), name: z.string(), timeZone: z.string() })) })
  .openapi('SiteList');

export function registerSiteRoutes(app: App) {
  defineUserRoute(
    app,
    {
      permission: 'site.list',
      route: createRoute({
        method: 'get',
        path: '/api/sites',
        tags: ['Sites'],
        summary: 'The sites the signed-in staff member belongs to',
        responses: { 200: jsonResponse(SiteList, 'Sites'), ...errorResponses },
      }),
    },
    async ({ tx, actor }) => ({ items: await listSitesByIds(tx, actor.siteIds) }),
  );
}
