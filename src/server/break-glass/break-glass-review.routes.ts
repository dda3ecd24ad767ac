import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse } from '../platform/http/common.schema';
import { defineUserRoute } from '../platform/http/route-wrappers';
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
  defineUserRoute(
    app,
    {
      permission: 'break_glass.review',
      route: createRoute({
        method: 'get',
        path: '/api/break-glass/grants',
        tags,
        summary:
          'Break-glass grants to review (default: unreviewed), newest first: reason, window, user, patient and every access made under each',
        request: { query: GrantsQuery },
        responses: {
          200: jsonResponse(
            z
              .object({
                items: z.array(GrantForReview),
                page: z.number(),
                pageSize: z.number(),
                total: z.number(),
              })
              .openapi('BreakGlassGrantPage'),
            'Grants',
          ),
          ...errorResponses,
        },
      }),
    },
    async ({ tx, actor: p, now, audit }, { query: q }) => {
      const siteIds = p.role === 'admin' ? undefined : p.siteIds;
      const filter = { organizationId: p.organizationId, status: q.status, siteIds };
      const found = await loadGrants(tx, filter, q.page, q.pageSize, now);
      await audit('break_glass.review_list', 'break_glass_grant', null, { filters: { ...q } });
      return { ...found, page: q.page, pageSize: q.pageSize };
    },
  );

  defineUserRoute(
    app,
    {
      permission: 'break_glass.review',
      route: createRoute({
        method: 'post',
        path: '/api/break-glass/grants/{grantId}/review',
        tags,
        summary:
          'Record the review of one grant: reviewed (justified) or follow_up (with a note). Once per grant; not of your own grant',
        request: { params: GrantParams, body: jsonBody(ReviewRequest) },
        responses: { 200: jsonResponse(GrantForReview, 'The grant, reviewed'), ...errorResponses },
      }),
    },
    async ({ tx, actor, now, auditEach }, { param, json }) =>
      reviewGrant(tx, { reviewer: actor, grantId: param.grantId, review: json, now, auditEach }),
  );
}
