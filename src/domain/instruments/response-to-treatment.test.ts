import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { responseToTreatment } from './response-to-treatment';

describe('responseToTreatment', () => {
  it.each([
    // baseline, current, response (≥ 50% drop), clinically significant (≥ 5 points), remission (< 5)
    [20, 10, true, true, false],
    [20, 11, false, true, false],
    [10, 5, true, true, false],
    [10, 6, false, false, false],
    [9, 5, false, false, false],
    [9, 4, true, true, true],
    [8, 4, true, false, true],
    [6, 3, true, false, true],
    [15, 15, false, false, false],
    [10, 14, false, false, false],
    [0, 0, false, false, true],
    [4, 0, true, false, true],
  ] as const)(
    'PHQ-9 %i → %i: response %s, improvement %s, remission %s',
    (baseline, current, response, csi, remission) => {
      expect(responseToTreatment(baseline, current, 'phq-9')).toMatchObject({
        response,
        clinicallySignificantImprovement: csi,
        remission,
        change: current - baseline,
      });
    },
  );

  it('reports the change as a percentage of baseline, null from a baseline of 0', () => {
    expect(responseToTreatment(20, 10, 'phq-9').percentChange).toBe(-50);
    expect(responseToTreatment(10, 14, 'gad-7').percentChange).toBe(40);
    expect(responseToTreatment(0, 3, 'gad-7').percentChange).toBeNull();
  });

  it.each([
    [14, 7, true],
    [14, 8, false],
    [21, 10, true],
    [21, 11, false],
  ] as const)('GAD-7 %i → %i: response %s, no PHQ-9-only fields', (baseline, current, response) => {
    const result = responseToTreatment(baseline, current, 'gad-7');
    expect(result.response).toBe(response);
    expect(result).not.toHaveProperty('remission');
    expect(result).not.toHaveProperty('clinicallySignificantImprovement');
  });

  it.each([
    [28, 10, 'phq-9', 'baseline'],
    [10, -1, 'phq-9', 'current'],
    [22, 0, 'gad-7', 'baseline'],
    [10.5, 3, 'gad-7', 'baseline'],
    [10, 3, 'audit', 'instrumentId'],
  ] as const)('rejects %s → %s on %s naming %s', (baseline, current, instrumentId, path) => {
    expect(() => responseToTreatment(baseline, current, instrumentId)).toThrow(InputError);
    try {
      responseToTreatment(baseline, current, instrumentId);
    } catch (error) {
      expect((error as InputError).fields.map((f) => f.path)).toEqual([path]);
    }
  });
});
