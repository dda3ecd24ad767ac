import { z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { siteRoutes } from '../platform/http/route-builder';
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
  const sites = siteRoutes(app, { tags });

  sites.get(
    '/api/sites/{siteId}/programs',
    {
      permission: 'site.programs',
      summary: "The site's programs with their intake thresholds and plan review interval",
      ok: [ProgramList, 'Programs'],
    },
    async ({ tx, site }) => ({ items: await listSitePrograms(tx, site.id) }),
  );

  sites.get(
    '/api/sites/{siteId}/staff',
    {
      permission: 'site.programs',
      summary: "The site's active staff (for primary clinician, care team and responsible staff pickers)",
      query: z.strictObject({ role: z.string().max(40).optional() }),
      ok: [StaffList, 'Staff'],
    },
    async ({ tx, site }, { query }) => ({
      items: await listSiteStaff(tx, site.id, query.role ? query.role.split(',') : undefined),
    }),
  );
}
