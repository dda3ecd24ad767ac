import { z } from '@hono/zod-openapi';
import { PageQuery } from '../platform/http/common.schema';

export const GrantsQuery = PageQuery.extend({
  status: z
    .enum(['unreviewed', 'reviewed', 'all'], { message: 'Use unreviewed, reviewed or all.' })
    .default('unreviewed'),
}).strict();

export const GrantParams = z.object({ grantId: z.uuid('Must be a UUID.') });

export const ReviewRequest = z
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

export const GrantForReview = z
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
