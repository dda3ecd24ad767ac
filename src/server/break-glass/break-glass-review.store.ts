import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { auditLog, auditSeal, breakGlassGrants, sites, users } from '../platform/db/platform.table';

export type GrantStatus = 'unreviewed' | 'reviewed' | 'all';

export type GrantFilter = {
  organizationId: string;
  status: GrantStatus;
  /** Program directors see their sites' grants; undefined: every site (the system administrator). */
  siteIds?: string[];
  grantId?: string;
};

const reviewer = sql<
  string | null
>`(select u.email from users u where u.id = ${breakGlassGrants.reviewedBy})`;
// Only the record number: the review is about who opened the chart and why, not what it holds.
const patientMrn = sql<
  string | null
>`(select p.mrn from patients p where p.id = ${breakGlassGrants.patientId})`;

/** One page of grants, newest first, with the total (window count): one statement. */
export async function listGrants(tx: Tx, f: GrantFilter, page: number, pageSize: number) {
  const rows = await tx
    .select({
      grant: breakGlassGrants,
      userEmail: users.email,
      userName: users.displayName,
      siteName: sites.name,
      patientMrn,
      reviewerEmail: reviewer,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(breakGlassGrants)
    .innerJoin(users, eq(users.id, breakGlassGrants.userId))
    .innerJoin(sites, eq(sites.id, breakGlassGrants.siteId))
    .where(
      and(
        eq(breakGlassGrants.organizationId, f.organizationId),
        f.grantId ? eq(breakGlassGrants.id, f.grantId) : undefined,
        f.siteIds
          ? f.siteIds.length > 0
            ? inArray(breakGlassGrants.siteId, f.siteIds)
            : sql`false`
          : undefined,
        f.status === 'unreviewed' ? isNull(breakGlassGrants.reviewedAt) : undefined,
        f.status === 'reviewed' ? isNotNull(breakGlassGrants.reviewedAt) : undefined,
      ),
    )
    .orderBy(desc(breakGlassGrants.createdAt), desc(breakGlassGrants.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: rows[0]?.total ?? 0 };
}

/**
 * Every audit row made under the grants (the row of the grant itself, then each access carrying its id), in
 * one statement for the whole page, oldest first.
 */
export async function accessesUnder(tx: Tx, grantIds: string[]) {
  if (grantIds.length === 0) return [];
  return (
    tx
      .select({
        grantId: sql<string>`coalesce(${auditLog.detail}->>'breakGlassGrantId', ${auditLog.entityId})`,
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        outcome: auditLog.outcome,
      })
      .from(auditLog)
      .leftJoin(auditSeal, eq(auditSeal.auditId, auditLog.id))
      .where(
        or(
          and(
            sql`${auditLog.detail} ? 'breakGlassGrantId'`,
            inArray(sql`${auditLog.detail}->>'breakGlassGrantId'`, grantIds),
          ),
          and(eq(auditLog.action, 'patient.break_glass'), inArray(auditLog.entityId, grantIds)),
        ),
      )
      // Rows of one instant in the order they committed (their seal), the few not sealed yet last.
      .orderBy(asc(auditLog.at), sql`${auditSeal.seq} asc nulls last`, asc(auditLog.id))
  );
}

export async function findGrant(tx: Tx, organizationId: string, grantId: string) {
  const [row] = await tx
    .select()
    .from(breakGlassGrants)
    .where(and(eq(breakGlassGrants.organizationId, organizationId), eq(breakGlassGrants.id, grantId)));
  return row;
}

/** Records the review once: undefined when someone else recorded one first. */
export async function recordReview(
  tx: Tx,
  grantId: string,
  review: { reviewedBy: string; reviewedAt: Date; outcome: string; note: string | null },
) {
  const [row] = await tx
    .update(breakGlassGrants)
    .set({
      reviewedBy: review.reviewedBy,
      reviewedAt: review.reviewedAt,
      reviewOutcome: review.outcome,
      reviewNote: review.note,
    })
    .where(and(eq(breakGlassGrants.id, grantId), isNull(breakGlassGrants.reviewedAt)))
    .returning();
  return row;
}
