import { and, asc, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { episodes } from '../episodes';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { programs, sites } from '../platform/db/platform.table';
import { updateAtVersion } from '../platform/db/update-at-version';
import { treatmentPlanRevisions, treatmentPlans } from './treatment-plans.table';

export type PlanRow = typeof treatmentPlans.$inferSelect;
export type RevisionRow = typeof treatmentPlanRevisions.$inferSelect;

export async function getPlanOfEpisode(tx: Tx, patientId: string, episodeId: string) {
  const [row] = await tx
    .select()
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.episodeId, episodeId)));
  return row;
}

/** The plan the patient sees in the portal: the newest plan of their newest open episode, else the newest. */
export async function getPortalPlan(tx: Tx, patientId: string) {
  const [row] = await tx
    .select({ plan: treatmentPlans })
    .from(treatmentPlans)
    .innerJoin(episodes, eq(episodes.id, treatmentPlans.episodeId))
    .where(eq(treatmentPlans.patientId, patientId))
    .orderBy(sql`(${episodes.status} = 'discharged')`, desc(episodes.createdAt))
    .limit(1);
  return row?.plan;
}

export async function insertPlan(tx: Tx, values: typeof treatmentPlans.$inferInsert) {
  const [row] = await tx.insert(treatmentPlans).values(values).onConflictDoNothing().returning();
  return row;
}

/** Applies a change only to the version the client read; undefined when the version moved on. */
export async function updatePlan(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof treatmentPlans.$inferInsert>,
  now: Date,
) {
  return updateAtVersion(tx, treatmentPlans, id, version, changes, now);
}

export async function insertRevision(tx: Tx, values: typeof treatmentPlanRevisions.$inferInsert) {
  await tx.insert(treatmentPlanRevisions).values(values);
}

export async function listRevisions(tx: Tx, planId: string) {
  return tx
    .select()
    .from(treatmentPlanRevisions)
    .where(eq(treatmentPlanRevisions.planId, planId))
    .orderBy(desc(treatmentPlanRevisions.revision))
    .limit(200);
}

/**
 * Plans past their review date, of open episodes the user is primary clinician or care-team member of, at the
 * user's sites. "Past" is by each site's own calendar day.
 */
export async function listOverdueReviews(tx: Tx, userId: string, siteIds: string[], now: Date) {
  if (siteIds.length === 0) return [];
  return tx
    .select({
      planId: treatmentPlans.id,
      episodeId: treatmentPlans.episodeId,
      patientId: treatmentPlans.patientId,
      siteId: treatmentPlans.siteId,
      givenName: patients.givenName,
      familyName: patients.familyName,
      mrn: patients.mrn,
      programName: programs.name,
      reviewDate: treatmentPlans.reviewDate,
    })
    .from(treatmentPlans)
    .innerJoin(episodes, eq(episodes.id, treatmentPlans.episodeId))
    .innerJoin(patients, eq(patients.id, treatmentPlans.patientId))
    .innerJoin(programs, eq(programs.id, episodes.programId))
    .innerJoin(sites, eq(sites.id, treatmentPlans.siteId))
    .where(
      and(
        inArray(treatmentPlans.siteId, siteIds),
        ne(episodes.status, 'discharged'),
        or(
          eq(episodes.primaryClinicianId, userId),
          sql`${episodes.careTeam} @> ${JSON.stringify([userId])}::jsonb`,
        ),
        lt(
          treatmentPlans.reviewDate,
          sql`(${now.toISOString()}::timestamptz at time zone ${sites.timeZone})::date`,
        ),
      ),
    )
    .orderBy(asc(treatmentPlans.reviewDate), asc(treatmentPlans.id))
    .limit(200);
}

export async function programReviewDays(tx: Tx, programId: string) {
  const [row] = await tx
    .select({ days: programs.planReviewDays })
    .from(programs)
    .where(eq(programs.id, programId));
  return row?.days ?? 30;
}
