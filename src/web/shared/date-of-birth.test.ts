import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { dateOfBirthWithAge, formatDateOfBirth } from './date-of-birth';

describe('formatDateOfBirth', () => {
  it('never shifts the day, whatever the time zone', () => {
    expect(formatDateOfBirth('1990-01-01')).toBe('Jan 1, 1990');
  });
});

describe('dateOfBirthWithAge', () => {
  it('gives the age on the day it is given (the clinic’s), not on the browser’s', () => {
    expect(dateOfBirthWithAge('1990-06-15', Temporal.PlainDate.from('2026-06-14'))).toBe(
      'Jun 15, 1990 (age 35)',
    );
    expect(dateOfBirthWithAge('1990-06-15', Temporal.PlainDate.from('2026-06-15'))).toBe(
      'Jun 15, 1990 (age 36)',
    );
  });
});
