import type { z } from '@hono/zod-openapi';
import { findEpisode } from '../episodes';
import { assertStaffOfSite, type StaffReference } from '../platform/access/staff-references';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { staleVersion } from '../platform/http/versioning';
import type { PlanJson } from './plan-json';
import type { SavePlanRequest } from './treatment-plans.schema';
import { getPlanOfEpisode, type PlanRow, updatePlan } from './treatment-plans.store';

/** The review date cannot come before the admission (422 on reviewDate). */
export function checkReviewDate(reviewDate: string | undefined, admittedOn: string | null) {
  // ISO calendar days compare as strings.
  if (reviewDate && admittedOn && reviewDate < admittedOn) {
    throw AppError.validation([
      { path: 'reviewDate', message: `The review date cannot be before the admission (${admittedOn}).` },
    ]);
  }
}

/**
 * The episode of the plan, open, and a review date that does not come before the admission; every
 * intervention's responsible staff member works at the patient's site.
 */
export async function writableEpisode(
  tx: Tx,
  patientId: string,
  episodeId: string,
  reviewDate?: string,
  document?: PlanJson['document'],
) {
  const episode = await findEpisode(tx, patientId, episodeId);
  if (!episode) throw AppError.notFound('The episode');
  if (episode.status === 'discharged') {
    throw AppError.conflict(
      'The episode is discharged; its plan can no longer change.',
      'episode_discharged',
    );
  }
  checkReviewDate(reviewDate, episode.admittedOn);
  if (document) await assertStaffOfSite(tx, episode, responsibleStaff(document), 'site_staff');
  return episode;
}

function responsibleStaff(document: PlanJson['document']): StaffReference[] {
  return document.problems.flatMap((problem, p) =>
    problem.goals.flatMap((goal, g) =>
      goal.objectives.flatMap((objective, o) =>
        objective.interventions.map((intervention, i) => ({
          path: `document.problems.${p}.goals.${g}.objectives.${o}.interventions.${i}.responsibleStaffId`,
          userId: intervention.responsibleStaffId,
        })),
      ),
    ),
  );
}

/** The episode's current plan, or 404. */
export async function currentPlan(tx: Tx, patientId: string, episodeId: string) {
  const plan = await getPlanOfEpisode(tx, patientId, episodeId);
  if (!plan) throw AppError.notFound('The treatment plan');
  return plan;
}

/** Saves the plan only at the version the client read (409 version_conflict when stale). */
export async function savePlanVersion(
  tx: Tx,
  plan: PlanRow,
  version: number,
  changes: Parameters<typeof updatePlan>[3],
  now: Date,
) {
  const updated = await updatePlan(tx, plan.id, version, changes, now);
  if (!updated) throw staleVersion(plan.version);
  return updated;
}

/** A change of the episode's current plan, asked at the version the client read. */
export type PlanChange = {
  patientId: string;
  episodeId: string;
  request: z.infer<typeof SavePlanRequest>;
  version: number;
  now: Date;
  audit: AuditWrite;
};

/** The current plan of an open episode, after the change's review date and staff were checked. */
export async function planToChange(tx: Tx, { patientId, episodeId, request }: PlanChange) {
  await writableEpisode(tx, patientId, episodeId, request.reviewDate, request.document);
  return currentPlan(tx, patientId, episodeId);
}
