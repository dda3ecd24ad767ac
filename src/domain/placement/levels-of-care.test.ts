import { describe, expect, it } from 'vitest';
import {
  ASAM_EDITIONS,
  compareIntensity,
  findLevel,
  intensityRank,
  isLevelCode,
  isWithinWeeklyHours,
  LEVELS_OF_CARE,
  type LevelCode,
  type Population,
} from './levels-of-care';

describe('levels of care', () => {
  it('lists the 3rd edition codes', () => {
    expect(LEVELS_OF_CARE[3].map((level) => level.code).sort()).toEqual(
      [
        '0.5',
        '1',
        '2.1',
        '2.5',
        '3.1',
        '3.3',
        '3.5',
        '3.7',
        '4',
        '1-WM',
        '2-WM',
        '3.2-WM',
        '3.7-WM',
        '4-WM',
      ].sort(),
    );
  });

  it('lists the 4th edition codes', () => {
    expect(LEVELS_OF_CARE[4].map((level) => level.code)).toEqual([
      '1.0',
      '1.5',
      '1.7',
      '2.1',
      '2.5',
      '2.7',
      '3.1',
      '3.5',
      '3.7',
      '4',
    ]);
  });

  it.each(ASAM_EDITIONS)('edition %i: ranks are unique, listed from least to most intensive', (edition) => {
    const ranks = LEVELS_OF_CARE[edition].map((level) => level.intensityRank);
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('gives a code found in both editions the same rank, so comparing codes needs no edition', () => {
    const shared = LEVELS_OF_CARE[3].filter((level) => findLevel(4, level.code));
    expect(shared.map((level) => level.code)).toEqual(['2.1', '2.5', '3.1', '3.5', '3.7', '4']);
    for (const level of shared) expect(findLevel(4, level.code)?.intensityRank).toBe(level.intensityRank);
  });

  it('every level has a name, a description and its edition', () => {
    for (const edition of ASAM_EDITIONS) {
      for (const level of LEVELS_OF_CARE[edition]) {
        expect(level.edition).toBe(edition);
        expect(level.name.length).toBeGreaterThan(0);
        expect(level.description.length).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    [3, '0.5', 'outpatient', false],
    [3, '1', 'outpatient', false],
    [3, '2.1', 'intensive_outpatient', false],
    [3, '2.5', 'partial_hospitalization', false],
    [3, '3.1', 'residential', false],
    [3, '3.3', 'residential', false],
    [3, '3.5', 'residential', false],
    [3, '3.7', 'residential', false],
    [3, '4', 'inpatient', false],
    [3, '1-WM', 'withdrawal_management', true],
    [3, '2-WM', 'withdrawal_management', true],
    [3, '3.2-WM', 'withdrawal_management', true],
    [3, '3.7-WM', 'withdrawal_management', true],
    [3, '4-WM', 'withdrawal_management', true],
    [4, '1.0', 'outpatient', false],
    [4, '1.5', 'outpatient', false],
    [4, '1.7', 'outpatient', true],
    [4, '2.1', 'intensive_outpatient', false],
    [4, '2.5', 'partial_hospitalization', false],
    [4, '2.7', 'partial_hospitalization', true],
    [4, '3.7', 'residential', true],
    [4, '4', 'inpatient', true],
  ] as const)('edition %i level %s is %s (withdrawal management: %s)', (edition, code, setting, wm) => {
    expect(findLevel(edition, code)).toMatchObject({ setting, withdrawalManagement: wm });
  });

  it.each([
    // edition, code, population, hours per week, within the range
    [3, '1', 'adult', 8.5, true],
    [3, '1', 'adult', 9, false],
    [3, '1', 'adolescent', 5.5, true],
    [3, '1', 'adolescent', 6, false],
    [3, '2.1', 'adult', 8.99, false],
    [3, '2.1', 'adult', 9, true],
    [3, '2.1', 'adult', 19, true],
    [3, '2.1', 'adult', 19.5, true],
    [3, '2.1', 'adult', 20, false],
    [3, '2.1', 'adolescent', 5.99, false],
    [3, '2.1', 'adolescent', 6, true],
    [3, '2.1', 'adolescent', 19, true],
    [3, '2.1', 'adolescent', 20, false],
    [3, '2.5', 'adult', 19.99, false],
    [3, '2.5', 'adult', 20, true],
    [3, '2.5', 'adult', 40, true],
    [3, '2.5', 'adolescent', 19, false],
    [3, '2.5', 'adolescent', 20, true],
    [4, '1.5', 'adult', 8, true],
    [4, '1.5', 'adult', 9, false],
    [4, '2.1', 'adult', 9, true],
    [4, '2.1', 'adolescent', 6, true],
    [4, '2.5', 'adult', 20, true],
  ] as const)(
    'edition %i level %s, %s, %f h/wk within range: %s',
    (edition, code, population, hours, within) => {
      const range = findLevel(edition, code)?.weeklyHours[population as Population];
      expect(range).toBeDefined();
      expect(isWithinWeeklyHours(range!, hours)).toBe(within);
    },
  );

  it('shows the hour ranges as text', () => {
    expect(findLevel(3, '2.1')?.weeklyHours.adult?.label).toBe('9–19 hours a week');
    expect(findLevel(3, '2.1')?.weeklyHours.adolescent?.label).toBe('6–19 hours a week');
    expect(findLevel(3, '1')?.weeklyHours.adolescent?.label).toBe('fewer than 6 hours a week');
    expect(findLevel(3, '2.5')?.weeklyHours.adult?.label).toBe('20 or more hours a week');
  });

  it.each(['0.5', '3.1', '3.5', '3.7', '4', '1-WM', '2-WM', '3.7-WM', '4-WM'] as const)(
    'edition 3 level %s has no weekly hour range',
    (code) => {
      expect(findLevel(3, code)?.weeklyHours).toEqual({});
    },
  );

  it('compares intensity by rank', () => {
    expect(compareIntensity('2.1', '1')).toBeGreaterThan(0);
    expect(compareIntensity('1', '2.1')).toBeLessThan(0);
    expect(compareIntensity('2.5', '2.5')).toBe(0);
    expect(compareIntensity('3.7-WM', '3.7')).toBeGreaterThan(0);
    expect(compareIntensity('2-WM', '2.5')).toBeGreaterThan(0);
    expect(compareIntensity('1', '1.5')).toBe(0);
  });

  it('rejects unknown codes', () => {
    expect(isLevelCode('2.1')).toBe(true);
    expect(isLevelCode('2.2')).toBe(false);
    expect(isLevelCode(2.1)).toBe(false);
    expect(findLevel(4, '3.7-WM')).toBeUndefined();
    expect(() => intensityRank('9' as LevelCode)).toThrow(RangeError);
  });
});
