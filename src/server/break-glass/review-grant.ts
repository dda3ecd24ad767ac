import type { z } from '@hono/zod-openapi';
import type { AuditEvent } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { Principal } from '../platform/http/app-env';
import type { ReviewRequest } from './break-glass-review.schema';
import { findGrant, recordReview } from './break-glass-review.store';
import { loadGrants } from './grant-json';

/**
 * Records the review of one emergency access: reviewed (justified) or follow_up with a note, once per grant,
 * never by the user who broke the glass. A director reviews only their own sites' grants.
 */
export async function reviewGrant(
  tx: Tx,
  input: {
    reviewer: Principal;
    grantId: string;
    review: z.infer<typeof ReviewRequest>;
    now: Date;
    auditEach: (events: AuditEvent[]) => Promise<void>;
  },
) {
  const { reviewer: p, review, now } = input;
  const grant = await findGrant(tx, p.organizationId, input.grantId);
  // Another site's grant is not a director's to see: the same answer as an unknown one.
  if (!grant || (p.role !== 'admin' && !p.siteIds.includes(grant.siteId))) {
    throw AppError.notFound('The grant', [{ path: 'grantId', message: 'No such grant at your sites.' }]);
  }
  if (grant.userId === p.userId) {
    throw AppError.forbidden('Someone else reviews your own emergency access.', 'own_grant');
  }
  const reviewed = await recordReview(tx, grant.id, {
    reviewedBy: p.userId,
    reviewedAt: now,
    outcome: review.outcome,
    note: review.note || null,
  });
  if (!reviewed) throw AppError.conflict('This grant was already reviewed.', 'already_reviewed');
  await input.auditEach([
    {
      action: 'break_glass.review',
      entity: 'break_glass_grant',
      entityId: grant.id,
      patientId: grant.patientId,
      siteId: grant.siteId,
      detail: { outcome: review.outcome, grantUserId: grant.userId },
    },
  ]);
  const filter = { organizationId: p.organizationId, status: 'all' as const, grantId: reviewed.id };
  const [loaded] = (await loadGrants(tx, filter, 1, 1, now)).items;
  if (!loaded) throw AppError.notFound('The grant');
  return loaded;
}
