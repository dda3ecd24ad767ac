import type { z } from '@hono/zod-openapi';
import type { Tx } from '../platform/db/database';
import type { GrantForReview } from './break-glass-review.schema';
import { accessesUnder, type GrantFilter, listGrants } from './break-glass-review.store';

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
export async function loadGrants(tx: Tx, filter: GrantFilter, page: number, pageSize: number, at: Date) {
  const { rows, total } = await listGrants(tx, filter, page, pageSize);
  const accesses = await accessesUnder(
    tx,
    rows.map((r) => r.grant.id),
  );
  return { items: rows.map((r) => grantJson(r, accesses, at)), total };
}
