import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { ageOnDay, clinicDayInDays, clinicToday, clinicTodayIso } from './clinic-calendar';

const at = (iso: string) => Temporal.Instant.from(iso);

describe('clinicToday', () => {
  // Either side of the sites' midnight, from a browser whose own day is another (the tests run with TZ=UTC).
  it.each([
    ['2026-12-02T00:30:00Z', 'America/Chicago', '2026-12-01'],
    ['2026-12-02T05:59:59Z', 'America/Chicago', '2026-12-01'],
    ['2026-12-02T06:00:00Z', 'America/Chicago', '2026-12-02'],
    ['2026-12-02T23:30:00Z', 'America/Chicago', '2026-12-02'],
    ['2026-12-02T23:30:00Z', 'America/New_York', '2026-12-02'],
    ['2026-12-03T04:59:59Z', 'America/New_York', '2026-12-02'],
    ['2026-12-03T05:00:00Z', 'America/New_York', '2026-12-03'],
    ['2026-12-02T00:30:00Z', 'Pacific/Kiritimati', '2026-12-02'],
    ['2026-12-02T10:00:00Z', 'Pacific/Kiritimati', '2026-12-03'],
    ['2026-12-02T10:59:59Z', 'Pacific/Pago_Pago', '2026-12-01'],
    ['2026-12-02T11:00:00Z', 'Pacific/Pago_Pago', '2026-12-02'],
    // DST: Chicago's midnight is 05:00Z in summer, 06:00Z in winter.
    ['2026-07-01T04:59:59Z', 'America/Chicago', '2026-06-30'],
    ['2026-07-01T05:00:00Z', 'America/Chicago', '2026-07-01'],
  ])('at %s in %s it is %s', (instant, zone, day) => {
    expect(clinicToday(zone, at(instant)).toString()).toBe(day);
    expect(clinicTodayIso(zone, at(instant))).toBe(day);
  });

  it('counts days from the clinic’s today', () => {
    expect(clinicDayInDays('America/Chicago', 56, at('2026-12-02T00:30:00Z'))).toBe('2027-01-26');
    expect(clinicDayInDays('America/Chicago', -1, at('2026-12-02T00:30:00Z'))).toBe('2026-11-30');
  });

  it('refuses a zone that is not an IANA zone', () => {
    expect(() => clinicToday('Mars/Olympus', at('2026-12-02T00:30:00Z'))).toThrow(RangeError);
  });
});

describe('ageOnDay', () => {
  it.each([
    ['1990-06-15', '2026-06-14', 35],
    ['1990-06-15', '2026-06-15', 36],
    ['1990-06-15', '2026-07-01', 36],
    ['1990-12-31', '2026-01-01', 35],
    ['2008-12-02', '2026-12-01', 17],
    ['2008-12-02', '2026-12-02', 18],
    // Born on 29 February: a year older on 1 March in common years.
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('born %s, on %s is %i', (dateOfBirth, today, expected) => {
    expect(ageOnDay(dateOfBirth, Temporal.PlainDate.from(today))).toBe(expected);
  });

  it.each([['06/15/1990'], ['1990-02-30'], ['2026-12-03'], ['']])('gives no age for %j', (dateOfBirth) => {
    expect(ageOnDay(dateOfBirth, Temporal.PlainDate.from('2026-12-02'))).toBeNull();
  });
});
