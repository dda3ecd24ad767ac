import { describe, expect, it } from 'vitest';
import { ageInYears, formatDateOfBirth, isoToday } from './date-of-birth';

describe('ageInYears', () => {
  it.each([
    ['1990-06-15', { year: 2026, month: 6, day: 14 }, 35],
    ['1990-06-15', { year: 2026, month: 6, day: 15 }, 36],
    ['1990-06-15', { year: 2026, month: 7, day: 1 }, 36],
    ['1990-12-31', { year: 2026, month: 1, day: 1 }, 35],
    // Born on 29 February: a year older on 1 March in common years.
    ['2000-02-29', { year: 2026, month: 2, day: 28 }, 25],
    ['2000-02-29', { year: 2026, month: 3, day: 1 }, 26],
  ])('born %s, on %o is %i', (dateOfBirth, today, expected) => {
    expect(ageInYears(dateOfBirth, today)).toBe(expected);
  });

  it('gives no age for text that is not a date', () => {
    expect(ageInYears('06/15/1990', { year: 2026, month: 1, day: 1 })).toBeNull();
  });
});

describe('formatDateOfBirth', () => {
  it('never shifts the day, whatever the time zone', () => {
    expect(formatDateOfBirth('1990-01-01')).toBe('Jan 1, 1990');
  });
});

describe('isoToday', () => {
  it('is the local calendar day, zero-padded, as a date input takes it', () => {
    expect(isoToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
