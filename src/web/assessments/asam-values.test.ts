import { describe, expect, it } from 'vitest';
import {
  type AssessmentValues,
  assessmentProblems,
  initialAssessmentValues,
  placementDiffers,
  recommendationOf,
  toNewAssessment,
} from './asam-values';

const rated = (ratings: string, change: Partial<AssessmentValues> = {}): AssessmentValues => {
  const [D1, D2, D3, D4, D5, D6] = ratings.split('') as [string, string, string, string, string, string];
  return { ...initialAssessmentValues('2026-06-15'), ratings: { D1, D2, D3, D4, D5, D6 }, ...change };
};

describe('recommendationOf', () => {
  it('waits for all six dimensions', () => {
    expect(recommendationOf(initialAssessmentValues('2026-06-15'))).toBeNull();
  });

  it('recommends 2.1 when D3 and D5 are rated 2 (the walkthrough patient)', () => {
    expect(recommendationOf(rated('102121'))?.level).toBe('2.1');
  });
});

describe('assessmentProblems', () => {
  it('names each unrated dimension', () => {
    const values = rated('1021__');
    values.ratings.D5 = '';
    values.ratings.D6 = '';
    expect(Object.keys(assessmentProblems(values))).toEqual(['ratings.D5', 'ratings.D6']);
  });

  it('asks why when the placed level differs from the recommendation', () => {
    expect(assessmentProblems(rated('102121', { placedLevel: '2.5' }))).toEqual({
      reason: 'Give the reason the placed level differs',
    });
    expect(assessmentProblems(rated('102121', { placedLevel: '2.1' }))).toEqual({});
  });
});

describe('toNewAssessment', () => {
  it('follows the recommendation and sends no reason when nothing differs', () => {
    const body = toNewAssessment(
      rated('102121', { reason: 'payer_decision', reasonNote: 'left over' }),
      'e1',
    );
    expect(body).toMatchObject({
      ratings: { D1: 1, D2: 0, D3: 2, D4: 1, D5: 2, D6: 1 },
      placedLevel: '2.1',
      episodeId: 'e1',
      reason: null,
      reasonNote: null,
    });
  });

  it('sends the reason and a trimmed note when the placement differs', () => {
    const values = rated('102121', { placedLevel: '2.5', reason: 'patient_preference', reasonNote: '  ' });
    expect(placementDiffers(values, recommendationOf(values))).toBe(true);
    expect(toNewAssessment(values, undefined)).toMatchObject({
      placedLevel: '2.5',
      episodeId: null,
      reason: 'patient_preference',
      reasonNote: null,
    });
  });
});
