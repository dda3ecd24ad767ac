import { z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { userRoutes } from '../platform/http/route-builder';
import { GrantForReview, GrantParams, GrantsQuery, ReviewRequest } from './break-glass-review.schema';
import { loadGrants } from './grant-json';
import { reviewGrant } from './review-grant';

const tags = ['Break-glass review'];

/**
 * The review queue of emergency access (HIPAA 164.308(a)(1)(ii)(D): regular review of information system
 * activity; 164.312(a)(2)(ii): emergency access procedure). System administrators see every site's grants,
 * program directors their own sites'. Reading the queue and recording a review are both audited.
 */
export function registerBreakGlassReviewRoutes(app: App) {
  const users = userRoutes(app, { tags });

  users.get(
    '/api/break-glass/grants',
    {
      permission: 'break_glass.review',
      summary:
        'Break-glass grants to review (default: unreviewed), newest first: reason, window, user, patient and every access made under each',
      query: GrantsQuery,
      ok: [
        z
          .object({
            items: z.array(GrantForReview),
            page: z.number(),
            pageSize: z.number(),
            total: z.number(),
          })
          .openapi('BreakGlassGrantPage'),
        'Grants',
      ],
    },
    async ({ tx, actor: p, now, audit }, { query: q }) => {
      const siteIds = p.role === 'admin' ? undefined : p.siteIds;
      const filter = { organizationId: p.organizationId, status: q.status, siteIds };
      const found = await loadGrants(tx, filter, q.page, q.pageSize, now);
      await audit('break_glass.review_list', 'break_glass_grant', null, { filters: { ...q } });
      return { ...found, page: q.page, pageSize: q.pageSize };
    },
  );

  users.post(
    '/api/break-glass/grants/{grantId}/review',
    {
      permission: 'break_glass.review',
      summary:
        'Record the review of one grant: reviewed (justified) or follow_up (with a note). Once per grant; not of your own grant',
      params: GrantParams,
      body: ReviewRequest,
      ok: [GrantForReview, 'The grant, reviewed'],
    },
    async ({ tx, actor, now, auditEach }, { param, json }) =>
      reviewGrant(tx, { reviewer: actor, grantId: param.grantId, review: json, now, auditEach }),
  );
}
