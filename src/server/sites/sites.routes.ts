import { z } from '@hono/zod-openapi';
import { listSitesByIds } from '../platform/auth/auth.store';
import type { App } from '../platform/http/app-env';

import { userRoutes } from '../platform/http/route-builder';

const SiteList = z
  .object({ items: z.array(z.object({ id: z.string(), name: z.string(), timeZone: z.string() })) })
  .openapi('SiteList');

export function registerSiteRoutes(app: App) {
  const users = userRoutes(app, { tags: ['Sites'] });

  users.get(
    '/api/sites',
    {
      permission: 'site.list',
      summary: 'The sites the signed-in staff member belongs to',
      ok: [SiteList, 'Sites'],
    },
    async ({ tx, actor }) => ({ items: await listSitesByIds(tx, actor.siteIds) }),
  );
}
