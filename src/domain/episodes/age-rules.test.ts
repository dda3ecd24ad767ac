import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { ageOn, dateOfBirthFieldErrors, guardianContactFieldErrors, isAdolescent } from './age-rules';

const day = (iso: string) => Temporal.PlainDate.from(iso);

describe('ageOn', () => {
  it.each([
    ['2008-06-15', '2008-06-15', 0],
    ['2008-06-15', '2009-06-14', 0],
    ['2008-06-15', '2009-06-15', 1],
    ['2008-06-15', '2026-06-14', 17],
    ['2008-06-15', '2026-06-15', 18],
    ['2008-06-15', '2026-06-16', 18],
    ['2008-06-15', '2026-05-31', 17],
    ['2008-12-31', '2026-12-30', 17],
    ['2008-12-31', '2026-12-31', 18],
    ['2008-01-01', '2025-12-31', 17],
    ['2008-01-01', '2026-01-01', 18],
    // Born on 29 February: in years without one, the birthday comes on 1 March.
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2028-02-28', 19],
    ['2008-02-29', '2028-02-29', 20],
    ['2008-02-28', '2026-02-28', 18],
    ['2008-03-01', '2026-02-28', 17],
    ['2008-03-01', '2026-03-01', 18],
  ])('born %s, on %s → %i', (dateOfBirth, on, age) => {
    expect(ageOn(day(dateOfBirth), day(on))).toBe(age);
  });

  it('agrees with Temporal day by day around a leap-day 18th birthday', () => {
    const dateOfBirth = day('2008-02-29');
    for (
      let on = day('2026-01-01');
      Temporal.PlainDate.compare(on, day('2028-12-31')) <= 0;
      on = on.add({ days: 1 })
    ) {
      expect(ageOn(dateOfBirth, on)).toBe(dateOfBirth.until(on, { largestUnit: 'years' }).years);
    }
  });

  it('refuses a date before birth', () => {
    expect(() => ageOn(day('2008-06-15'), day('2008-06-14'))).toThrow(InputError);
  });
});

describe('isAdolescent', () => {
  it.each([
    ['2008-06-15', '2026-06-14', true],
    ['2008-06-15', '2026-06-15', false],
    ['2008-02-29', '2026-02-28', true],
    ['2008-02-29', '2026-03-01', false],
    ['2012-09-01', '2026-09-01', true],
    ['1980-01-01', '2026-09-01', false],
  ])('born %s, on %s: %s', (dateOfBirth, on, adolescent) => {
    expect(isAdolescent(day(dateOfBirth), day(on))).toBe(adolescent);
  });
});

describe('dateOfBirthFieldErrors', () => {
  it.each([
    ['2026-03-10', []],
    ['2026-03-09', []],
    ['2026-03-11', ['dateOfBirth']],
  ])('born %s, today 2026-03-10 → %o', (dateOfBirth, paths) => {
    expect(dateOfBirthFieldErrors(day(dateOfBirth), day('2026-03-10')).map((field) => field.path)).toEqual(
      paths,
    );
  });
});

describe('guardianContactFieldErrors', () => {
  const today = day('2026-06-15');
  const guardian = { name: 'Alex Doe', phone: '+1 555 0100' };

  it.each([
    ['adult, no guardian', { dateOfBirth: day('2008-06-15') }, []],
    [
      'adolescent, the day before the 18th birthday, no guardian',
      { dateOfBirth: day('2008-06-16') },
      ['guardianContact'],
    ],
    [
      'adolescent, guardian null',
      { dateOfBirth: day('2010-01-01'), guardianContact: null },
      ['guardianContact'],
    ],
    ['adolescent with guardian', { dateOfBirth: day('2010-01-01'), guardianContact: guardian }, []],
    [
      'adolescent, guardian reachable by email only',
      { dateOfBirth: day('2010-01-01'), guardianContact: { name: 'Alex Doe', email: 'alex@example.org' } },
      [],
    ],
    [
      'adolescent, guardian without a name',
      { dateOfBirth: day('2010-01-01'), guardianContact: { name: '  ', phone: '+1 555 0100' } },
      ['guardianContact.name'],
    ],
    [
      'adolescent, guardian without phone or email',
      { dateOfBirth: day('2010-01-01'), guardianContact: { name: 'Alex Doe', phone: '', email: null } },
      ['guardianContact.phone'],
    ],
    [
      'adolescent, empty guardian',
      { dateOfBirth: day('2010-01-01'), guardianContact: {} },
      ['guardianContact.name', 'guardianContact.phone'],
    ],
    ['born on a leap day, already 18', { dateOfBirth: day('2008-02-29') }, []],
    ['date of birth in the future', { dateOfBirth: day('2026-06-16') }, ['dateOfBirth']],
  ])('%s → %o', (_case, patient, paths) => {
    expect(guardianContactFieldErrors(patient, today).map((field) => field.path)).toEqual(paths);
  });

  it('asks for a guardian for a leap-day baby on 28 February of the year they turn 18', () => {
    expect(guardianContactFieldErrors({ dateOfBirth: day('2008-02-29') }, day('2026-02-28'))).toEqual([
      { path: 'guardianContact', message: expect.any(String) },
    ]);
    expect(guardianContactFieldErrors({ dateOfBirth: day('2008-02-29') }, day('2026-03-01'))).toEqual([]);
  });
});
