import type { z } from '@hono/zod-openapi';
import { findLevel } from '../../domain/placement/levels-of-care';
import type { Assessment } from './assessments.schema';
import type { AssessmentRow } from './assessments.store';

/** An assessment as the API answers it, with the weekly hours of the level it placed the patient at. */
export function assessmentJson(a: AssessmentRow): z.infer<typeof Assessment> {
  const population = a.population === 'adolescent' ? 'adolescent' : 'adult';
  const level = findLevel(a.edition === 4 ? 4 : 3, a.placedLevel);
  return {
    id: a.id,
    patientId: a.patientId,
    episodeId: a.episodeId,
    edition: a.edition,
    population,
    assessedOn: a.assessedOn,
    ratings: a.ratings,
    notes: a.notes,
    recommendedLevel: a.recommendedLevel,
    drivenBy: a.drivenBy,
    recommendation: a.recommendation,
    placedLevel: a.placedLevel,
    placedLevelHours: level?.weeklyHours[population] ?? null,
    placementReason: a.placementReason,
    placementNote: a.placementNote,
    assessedBy: a.assessedBy,
    createdAt: a.createdAt.toISOString(),
  };
}
