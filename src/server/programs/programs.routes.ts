import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonResponse, SiteParams, UuidParam } from '../platform/http/common.schema';
import { defineSiteRoute } from '../platform/http/route-wrappers';
import { listSitePrograms, listSiteStaff } from './programs.store';

const tags = ['Programs'];

const ProgramList = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        /** Intake rule-out thresholds: CIWA-Ar above, COWS at or above. */
        ciwaArAbove: z.number(),
        cowsAtLeast: z.number(),
        /** Default days from plan creation to its review. */
        planReviewDays: z.number(),
      }),
    ),
  })
  .openapi('ProgramList');

const StaffList = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        displayName: z.string(),
        role: z.string(),
        /** As shown on a roster (LPC, LCSW, MD). */
        credentials: z.string().nullable(),
        /** May facilitate group therapy. */
        licensed: z.boolean(),
      }),
    ),
  })
  .openapi('StaffList');

export function registerProgramRoutes(app: App) {
  defineSiteRoute(
    app,
    {
      permission: 'site.programs',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/programs',
        tags,
        summary: "The site's programs with their intake thresholds and plan review interval",
        request: { params: SiteParams },
        responses: { 200: jsonResponse(ProgramList, 'Programs'), ...errorResponses },
      }),
    },
    async ({ tx, site }) => ({ items: await listSitePrograms(tx, site.id) }),
  );

  defineSiteRoute(
    app,
    {
      permission: 'site.programs',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/staff',
        tags,
        summary: "The site's active staff (for primary clinician, care team and responsible staff pickers)",
        request: {
          params: SiteParams,
          query: z.strictObject({ role: z.string().max(40).optional() }),
        },
        responses: { 200: jsonResponse(StaffList, 'Staff'), ...errorResponses },
      }),
    },
    async ({ tx, site }, { query }) => ({
      items: await listSiteStaff(tx, site.id, query.role ? query.role.split(',') : undefined),
    }),
  );
}
