import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { isAdolescent } from '../../domain/episodes/age-rules';
import { findLevel } from '../../domain/placement/levels-of-care';
import { placementDifference, type Ratings, recommendLevel } from '../../domain/placement/recommend-level';
import { getPatient } from '../patients';
import type { ActingOnPatient } from '../platform/acting-on-patient';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { siteToday } from '../sites';
import type { CreateAssessmentRequest } from './assessments.schema';
import { insertAssessment } from './assessments.store';

/**
 * What assessments need from the episode they are attached to. Episodes are admitted from an assessment (the
 * episodes feature reads assessments), so the arrow back is a port the composition root fills in.
 */
export interface AssessmentPorts {
  isEpisodeOfPatient(tx: Tx, patientId: string, episodeId: string): Promise<boolean>;
}

/**
 * Records an ASAM multidimensional assessment (or reassessment): the recommendation is computed from the six
 * ratings, a placement at another level needs a reason, and the population (adult or adolescent) is the
 * patient's age on the day assessed.
 */
export async function recordAssessment(
  tx: Tx,
  ports: AssessmentPorts,
  input: ActingOnPatient & {
    request: z.infer<typeof CreateAssessmentRequest>;
  },
) {
  const { actor, request: body, now } = input;
  if (!findLevel(body.edition, body.placedLevel)) {
    throw AppError.validation([
      {
        path: 'placedLevel',
        message: `${body.placedLevel} is not a level of the ASAM edition ${body.edition}.`,
      },
    ]);
  }
  // ASAM: the highest dimension wins, never the average (domain/placement).
  const recommendation = recommendLevel(body.ratings as Ratings, undefined, body.edition);
  const difference = placementDifference(
    recommendation.level,
    body.placedLevel as typeof recommendation.level,
    body.reason ?? null,
  );
  const patient = await getPatient(tx, input.patient.id);
  if (!patient) throw AppError.notFound('The patient');
  if (body.episodeId && !(await ports.isEpisodeOfPatient(tx, input.patient.id, body.episodeId))) {
    throw AppError.validation([{ path: 'episodeId', message: 'Not an episode of this patient.' }]);
  }
  const assessedOn = body.assessedOn ?? (await siteToday(tx, input.patient.siteId, now)).toString();
  const adolescent = isAdolescent(
    Temporal.PlainDate.from(patient.dateOfBirth),
    Temporal.PlainDate.from(assessedOn),
  );
  const row = await insertAssessment(tx, {
    organizationId: actor.organizationId,
    siteId: input.patient.siteId,
    patientId: input.patient.id,
    episodeId: body.episodeId ?? null,
    edition: body.edition,
    population: adolescent ? 'adolescent' : 'adult',
    assessedOn,
    ratings: body.ratings,
    notes: {
      D1: body.notes.D1 ?? '',
      D2: body.notes.D2 ?? '',
      D3: body.notes.D3 ?? '',
      D4: body.notes.D4 ?? '',
      D5: body.notes.D5 ?? '',
      D6: body.notes.D6 ?? '',
    },
    recommendedLevel: recommendation.level,
    drivenBy: recommendation.drivenBy,
    recommendation: recommendation as unknown as Record<string, unknown>,
    placedLevel: body.placedLevel,
    placementReason: difference.reason,
    placementNote: difference.differs ? (body.reasonNote ?? null) : null,
    assessedBy: actor.userId,
    createdAt: now,
  });
  await input.audit('assessment.create', 'asam_assessment', row.id, {
    recommended: row.recommendedLevel,
    placed: row.placedLevel,
  });
  return row;
}
