import type { AsamEdition } from '../../domain/placement/levels-of-care';
import {
  DIMENSIONS,
  type DimensionId,
  type PlacementDifferenceReason,
  type Rating,
  type Ratings,
  type Recommendation,
  recommendLevel,
} from '../../domain/placement/recommend-level';
import type { NewAssessment } from './assessments-api';

const byDimension = <T>(value: T): Record<DimensionId, T> => ({
  D1: value,
  D2: value,
  D3: value,
  D4: value,
  D5: value,
  D6: value,
});

/**
 * The ASAM form as typed: a rating is '' until the clinician picks 0–4; an empty placed level follows the
 * recommendation until the clinician picks another level.
 */
export interface AssessmentValues {
  edition: AsamEdition;
  assessedOn: string;
  ratings: Record<DimensionId, string>;
  notes: Record<DimensionId, string>;
  placedLevel: string;
  reason: PlacementDifferenceReason | '';
  reasonNote: string;
}

export const initialAssessmentValues = (today: string, edition: AsamEdition = 3): AssessmentValues => ({
  edition,
  assessedOn: today,
  ratings: byDimension(''),
  notes: byDimension(''),
  placedLevel: '',
  reason: '',
  reasonNote: '',
});

function ratingsOf(values: AssessmentValues): Ratings | null {
  const ratings: Partial<Ratings> = {};
  for (const { id } of DIMENSIONS) {
    if (values.ratings[id] === '') return null;
    ratings[id] = Number(values.ratings[id]) as Rating;
  }
  return ratings as Ratings;
}

/** The recommendation once all six dimensions are rated (ASAM: the highest dimension wins, never the average). */
export function recommendationOf(values: AssessmentValues): Recommendation | null {
  const ratings = ratingsOf(values);
  if (!ratings) return null;
  try {
    return recommendLevel(ratings, undefined, values.edition);
  } catch {
    return null;
  }
}

/** The level placed: the clinician's choice, else the recommendation. */
export const placedLevelOf = (values: AssessmentValues, recommendation: Recommendation | null) =>
  values.placedLevel || recommendation?.level || '';

/** A placement other than the recommendation needs its reason. */
export function placementDiffers(values: AssessmentValues, recommendation: Recommendation | null): boolean {
  const placed = placedLevelOf(values, recommendation);
  return recommendation !== null && placed !== '' && placed !== recommendation.level;
}

export function assessmentProblems(values: AssessmentValues): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const { id } of DIMENSIONS) {
    if (values.ratings[id] === '') problems[`ratings.${id}`] = `Rate ${id} from 0 to 4`;
  }
  if (placementDiffers(values, recommendationOf(values)) && !values.reason)
    problems.reason = 'Give the reason the placed level differs';
  return problems;
}

/** The request body, once every dimension is rated (assessmentProblems checks that first). */
export function toNewAssessment(values: AssessmentValues, episodeId: string | undefined): NewAssessment {
  const recommendation = recommendationOf(values);
  const differs = placementDiffers(values, recommendation);
  return {
    edition: values.edition,
    assessedOn: values.assessedOn,
    ratings: ratingsOf(values) as Ratings,
    notes: values.notes,
    placedLevel: placedLevelOf(values, recommendation),
    episodeId: episodeId ?? null,
    reason: differs && values.reason ? values.reason : null,
    reasonNote: differs ? values.reasonNote.trim() || null : null,
  };
}
