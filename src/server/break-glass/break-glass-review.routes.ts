import { createRoute, z } from '@hono/zod-openapi';
import { appendAudit } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse, PageQuery } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import {
  accessesUnder,
  findGrant,
  type GrantFilter,
  listGrants,
  recordReview,
} from './break-glass-review.store';

const tags = ['Break-glass review'];

const GrantsQuery = PageQuery.extend({
  status: z
    .enum(['unreviewed', 'reviewed', 'all'], { message: 'Use unreviewed, reviewed or all.' })
    .default('unreviewed'),
}).strict();

const GrantParams = z.object({ grantId: z.uuid('Must be a UUID.') });

const ReviewRequest = z
  .object({
    outcome: z.enum(['reviewed', 'follow_up'], {
      message: 'Use reviewed (the access was justified) or follow_up (it needs more).',
    }),
    note: z.string().trim().max(2000, 'At most 2000 characters.').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'follow_up' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say what needs to follow up.' });
  })
  .openapi('BreakGlassReviewRequest');

const Access = z
  .object({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    outcome: z.string(),
  })
  .openapi('BreakGlassAccess');

const GrantForReview = z
  .object({
    id: z.string(),
    reason: z.string(),
    grantedAt: z.string(),
    expiresAt: z.string(),
    /** The window is still open. */
    live: z.boolean(),
    user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
    patient: z.object({ id: z.string(), mrn: z.string().nullable() }),
    site: z.object({ id: z.string(), name: z.string() }),
    review: z
      .object({
        outcome: z.enum(['reviewed', 'follow_up']),
        note: z.string().nullable(),
        reviewedAt: z.string(),
        reviewedBy: z.string().nullable(),
      })
      .nullable(),
    /** Every audit row made under the grant, oldest first: the grant itself, then each access. */
    accesses: z.array(Access),
  })
  .openapi('BreakGlassGrantForReview');

type GrantRow = Awaited<ReturnType<typeof listGrants>>['rows'][number];
type AccessRow = Awaited<ReturnType<typeof accessesUnder>>[number];

function grantJson(
  { grant: g, ...r }: GrantRow,
  accesses: AccessRow[],
  at: Date,
): z.infer<typeof GrantForReview> {
  return {
    id: g.id,
    reason: g.reason,
    grantedAt: g.createdAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    live: g.expiresAt > at,
    user: { id: g.userId, email: r.userEmail, displayName: r.userName },
    patient: { id: g.patientId, mrn: r.patientMrn },
    site: { id: g.siteId, name: r.siteName },
    review: g.reviewedAt
      ? {
          outcome: g.reviewOutcome === 'follow_up' ? 'follow_up' : 'reviewed',
          note: g.reviewNote,
          reviewedAt: g.reviewedAt.toISOString(),
          reviewedBy: r.reviewerEmail,
        }
      : null,
    accesses: accesses
      .filter((a) => a.grantId === g.id)
      .map(({ grantId: _g, ...a }) => ({ ...a, at: a.at.toISOString() })),
  };
}

/** A page of grants with every access under each: two statements whatever the page holds. */
async function loadGrants(tx: Tx, filter: GrantFilter, page: number, pageSize: number, at: Date) {
  const { rows, total } = await listGrants(tx, filter, page, pageSize);
  const accesses = await accessesUnder(
    tx,
    rows.map((r) => r.grant.id),
  );
  return { items: rows.map((r) => grantJson(r, accesses, at)), total };
}

/**
 * The review queue of emergency access (HIPAA 164.308(a)(1)(ii)(D): regular review of information system
 * activity; 164.312(a)(2)(ii): emergency access procedure). System administrators see every site's grants,
 * program directors their own sites'. Reading the queue and recording a review are both audited.
 */
export function registerBreakGlassReviewRoutes(app: App) {
  defineRoute(
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
    async (c) => {
      const q = c.req.valid('query');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const at = now();
      const result = await db.tx(async (tx) => {
        const found = await loadGrants(
          tx,
          {
            organizationId: p.organizationId,
            status: q.status,
            siteIds: p.role === 'admin' ? undefined : p.siteIds,
          },
          q.page,
          q.pageSize,
          at,
        );
        await appendAudit(
          tx,
          auditActor(c),
          [{ action: 'break_glass.review_list', entity: 'break_glass_grant', detail: { filters: { ...q } } }],
          at,
        );
        return found;
      });
      return c.json({ ...result, page: q.page, pageSize: q.pageSize }, 200);
    },
  );

  defineRoute(
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
    async (c) => {
      const { grantId } = c.req.valid('param');
      const input = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const at = now();
      const saved = await db.tx(async (tx) => {
        const grant = await findGrant(tx, p.organizationId, grantId);
        // Another site's grant is not a director's to see: the same answer as an unknown one.
        if (!grant || (p.role !== 'admin' && !p.siteIds.includes(grant.siteId)))
          throw AppError.notFound('The grant', [
            { path: 'grantId', message: 'No such grant at your sites.' },
          ]);
        if (grant.userId === p.userId)
          throw AppError.forbidden('Someone else reviews your own emergency access.', 'own_grant');
        const reviewed = await recordReview(tx, grant.id, {
          reviewedBy: p.userId,
          reviewedAt: at,
          outcome: input.outcome,
          note: input.note || null,
        });
        if (!reviewed) throw AppError.conflict('This grant was already reviewed.', 'already_reviewed');
        await appendAudit(
          tx,
          auditActor(c),
          [
            {
              action: 'break_glass.review',
              entity: 'break_glass_grant',
              entityId: grant.id,
              patientId: grant.patientId,
              siteId: grant.siteId,
              detail: { outcome: input.outcome, grantUserId: grant.userId },
            },
          ],
          at,
        );
        const loaded = await loadGrants(
          tx,
          { organizationId: p.organizationId, status: 'all', grantId: reviewed.id },
          1,
          1,
          at,
        );
        return loaded.items[0]!;
      });
      return c.json(saved, 200);
    },
  );
}
