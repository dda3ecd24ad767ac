import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { PSYCHOTHERAPY_CODES, psychotherapyCodeForMinutes } from './psychotherapy-code';

describe('psychotherapyCodeForMinutes', () => {
  it.each([
    [0, null],
    [15, null],
    [15.9, null],
    [16, '90832'],
    [30, '90832'],
    [37, '90832'],
    [37.5, '90832'],
    [38, '90834'],
    [45, '90834'],
    [52, '90834'],
    [53, '90837'],
    [60, '90837'],
    [180, '90837'],
  ] as const)('individual %s min → %s', (minutes, code) => {
    expect(psychotherapyCodeForMinutes(minutes)?.code ?? null).toBe(code);
    expect(psychotherapyCodeForMinutes(minutes, 'individual')?.code ?? null).toBe(code);
  });

  it.each([
    [1, '90853'],
    [15, '90853'],
    [90, '90853'],
    [0, null],
  ] as const)('group %s min → %s', (minutes, code) => {
    expect(psychotherapyCodeForMinutes(minutes, 'group')?.code ?? null).toBe(code);
  });

  it('returns our own description with the code', () => {
    expect(psychotherapyCodeForMinutes(40)).toEqual({
      code: '90834',
      description: PSYCHOTHERAPY_CODES['90834'].description,
    });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s minutes', (minutes) => {
    try {
      psychotherapyCodeForMinutes(minutes);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).fields.map((f) => f.path)).toEqual(['minutes']);
    }
  });

  it('rejects an unknown kind', () => {
    expect(() => psychotherapyCodeForMinutes(30, 'family' as 'group')).toThrow(InputError);
  });
});
