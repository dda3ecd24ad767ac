import type { z } from '@hono/zod-openapi';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { siteToday } from '../sites';
import type { SavePlanRequest } from './treatment-plans.schema';
import { insertPlan, programReviewDays } from './treatment-plans.store';
import { checkReviewDate, writableEpisode } from './writable-plan';

/**
 * Creates the episode's treatment plan, revision 1. The review date defaults to the program's review
 * interval from today at the site, and never comes before the admission; one plan per episode (409).
 */
export async function createPlan(
  tx: Tx,
  input: {
    patient: { id: string; siteId: string };
    actor: { organizationId: string; userId: string };
    episodeId: string;
    request: z.infer<typeof SavePlanRequest>;
    now: Date;
    audit: AuditWrite;
  },
) {
  const { patient, actor, episodeId, request: body, now } = input;
  const episode = await writableEpisode(tx, patient.id, episodeId, body.reviewDate, body.document);
  const today = await siteToday(tx, patient.siteId, now);
  const reviewDate =
    body.reviewDate ?? today.add({ days: await programReviewDays(tx, episode.programId) }).toString();
  checkReviewDate(reviewDate, episode.admittedOn);
  const created = await insertPlan(tx, {
    organizationId: actor.organizationId,
    siteId: patient.siteId,
    patientId: patient.id,
    episodeId,
    revision: 1,
    document: body.document,
    reviewDate,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  if (!created) {
    throw AppError.conflict('This episode already has a treatment plan; edit it instead.', 'plan_exists');
  }
  await input.audit('plan.create', 'treatment_plan', created.id);
  return created;
}
