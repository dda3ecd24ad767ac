import { type FieldError, InputError } from '../input-error';

export type TrackedInstrumentId = 'phq-9' | 'gad-7';

const MAX_TOTAL: Record<TrackedInstrumentId, number> = { 'phq-9': 27, 'gad-7': 21 };

export type TreatmentResponse = {
  instrumentId: TrackedInstrumentId;
  baseline: number;
  current: number;
  /** current − baseline: negative is improvement. */
  change: number;
  /** change as a percentage of baseline; null when the baseline is 0. */
  percentChange: number | null;
  /** Response: a drop of at least 50% from baseline. */
  response: boolean;
  /** PHQ-9 only: a drop of at least 5 points, the commonly used clinically significant improvement. */
  clinicallySignificantImprovement?: boolean;
  /** PHQ-9 only: remission, a current score below 5. */
  remission?: boolean;
};

/**
 * Change since baseline on a PHQ-9 or GAD-7 total (measurement-based care; response and remission as in Kroenke et al. 2001). Response is a
 * drop of ≥ 50%; for the PHQ-9 a drop of ≥ 5 points is reported apart as clinically significant improvement
 * and a score < 5 as remission. Integer arithmetic, so 10 → 5 is exactly a 50% drop.
 *
 * @throws InputError when the instrument is not PHQ-9 or GAD-7, or a score is not a whole number
 *   in the instrument's range.
 */
export function responseToTreatment(
  baseline: number,
  current: number,
  instrumentId: string,
): TreatmentResponse {
  if (instrumentId !== 'phq-9' && instrumentId !== 'gad-7') {
    throw new InputError([{ path: 'instrumentId', message: 'must be phq-9 or gad-7' }]);
  }
  const max = MAX_TOTAL[instrumentId];
  const fields: FieldError[] = [];
  for (const [path, value] of [
    ['baseline', baseline],
    ['current', current],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > max) {
      fields.push({ path, message: `must be a whole number from 0 to ${max}` });
    }
  }
  if (fields.length > 0) throw new InputError(fields);

  const drop = baseline - current;
  const result: TreatmentResponse = {
    instrumentId,
    baseline,
    current,
    change: current - baseline,
    percentChange: baseline === 0 ? null : ((current - baseline) / baseline) * 100,
    response: baseline > 0 && 2 * drop >= baseline,
  };
  if (instrumentId === 'phq-9') {
    result.clinicallySignificantImprovement = drop >= 5;
    result.remission = current < 5;
  }
  return result;
}
