import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import type { IsoWeekday } from './calendar-checks';
import { programWeekBounds, programWeekOf, weekNumberSince } from './program-week';

const d = (s: string) => Temporal.PlainDate.from(s);
const i = (s: string) => Temporal.Instant.from(s);
const show = (w: { start: Temporal.PlainDate; end: Temporal.PlainDate }) => [
  w.start.toString(),
  w.end.toString(),
];

describe('programWeekOf a local day', () => {
  it.each<{ date: string; weekStartsOn: IsoWeekday; week: [string, string] }>([
    // Sunday 8 Mar 2026 is the spring-forward day; Monday and Sunday starts put it in different weeks.
    { date: '2026-03-08', weekStartsOn: 1, week: ['2026-03-02', '2026-03-08'] },
    { date: '2026-03-08', weekStartsOn: 7, week: ['2026-03-08', '2026-03-14'] },
    { date: '2026-03-09', weekStartsOn: 1, week: ['2026-03-09', '2026-03-15'] },
    { date: '2026-03-09', weekStartsOn: 7, week: ['2026-03-08', '2026-03-14'] },
    { date: '2026-03-14', weekStartsOn: 7, week: ['2026-03-08', '2026-03-14'] },
    { date: '2026-03-15', weekStartsOn: 7, week: ['2026-03-15', '2026-03-21'] },
    { date: '2026-03-11', weekStartsOn: 1, week: ['2026-03-09', '2026-03-15'] },
    { date: '2026-03-11', weekStartsOn: 3, week: ['2026-03-11', '2026-03-17'] },
    { date: '2026-03-10', weekStartsOn: 3, week: ['2026-03-04', '2026-03-10'] },
    { date: '2026-03-11', weekStartsOn: 6, week: ['2026-03-07', '2026-03-13'] },
    { date: '2026-12-31', weekStartsOn: 1, week: ['2026-12-28', '2027-01-03'] },
  ])('$date, week starting on day $weekStartsOn → $week', ({ date, weekStartsOn, week }) => {
    expect(show(programWeekOf(d(date), weekStartsOn, 'America/Chicago'))).toEqual(week);
  });
});

describe('programWeekOf a moment uses the local day in the program zone', () => {
  it.each<{ instant: string; zone: string; weekStartsOn: IsoWeekday; week: [string, string] }>([
    // 04:30Z Sunday 15 Mar is still Saturday 23:30 in Chicago.
    {
      instant: '2026-03-15T04:30:00Z',
      zone: 'America/Chicago',
      weekStartsOn: 7,
      week: ['2026-03-08', '2026-03-14'],
    },
    { instant: '2026-03-15T04:30:00Z', zone: 'UTC', weekStartsOn: 7, week: ['2026-03-15', '2026-03-21'] },
    {
      instant: '2026-03-15T04:59:59.999Z',
      zone: 'America/Chicago',
      weekStartsOn: 7,
      week: ['2026-03-08', '2026-03-14'],
    },
    {
      instant: '2026-03-15T05:00:00Z',
      zone: 'America/Chicago',
      weekStartsOn: 7,
      week: ['2026-03-15', '2026-03-21'],
    },
    // Monday 00:00 local on 2 Nov (after fall back, -06:00) is 06:00Z.
    {
      instant: '2026-11-02T05:59:59Z',
      zone: 'America/Chicago',
      weekStartsOn: 1,
      week: ['2026-10-26', '2026-11-01'],
    },
    {
      instant: '2026-11-02T06:00:00Z',
      zone: 'America/Chicago',
      weekStartsOn: 1,
      week: ['2026-11-02', '2026-11-08'],
    },
  ])('$instant in $zone → $week', ({ instant, zone, weekStartsOn, week }) => {
    expect(show(programWeekOf(i(instant), weekStartsOn, zone))).toEqual(week);
  });
});

describe('programWeekBounds', () => {
  it.each([
    {
      start: '2026-03-08',
      zone: 'America/Chicago',
      from: '2026-03-08T06:00:00Z',
      to: '2026-03-15T05:00:00Z',
      hours: 167,
    },
    {
      start: '2026-11-01',
      zone: 'America/Chicago',
      from: '2026-11-01T05:00:00Z',
      to: '2026-11-08T06:00:00Z',
      hours: 169,
    },
    {
      start: '2026-03-09',
      zone: 'America/Chicago',
      from: '2026-03-09T05:00:00Z',
      to: '2026-03-16T05:00:00Z',
      hours: 168,
    },
    {
      start: '2026-03-02',
      zone: 'America/New_York',
      from: '2026-03-02T05:00:00Z',
      to: '2026-03-09T04:00:00Z',
      hours: 167,
    },
  ])('week from $start in $zone lasts $hours h', ({ start, zone, from, to, hours }) => {
    const week = { start: d(start), end: d(start).add({ days: 6 }) };
    const bounds = programWeekBounds(week, zone);
    expect([bounds.startsAt.toString(), bounds.endsBefore.toString()]).toEqual([from, to]);
    expect(bounds.startsAt.until(bounds.endsBefore).total('hours')).toBe(hours);
  });
});

describe('weekNumberSince admission', () => {
  // Admitted Thursday 5 Mar 2026.
  it.each<{ date: string; weekStartsOn: IsoWeekday; week: number }>([
    { date: '2026-03-05', weekStartsOn: 1, week: 1 },
    { date: '2026-03-08', weekStartsOn: 1, week: 1 },
    { date: '2026-03-09', weekStartsOn: 1, week: 2 },
    { date: '2026-03-15', weekStartsOn: 1, week: 2 },
    { date: '2026-03-16', weekStartsOn: 1, week: 3 },
    { date: '2026-03-07', weekStartsOn: 7, week: 1 },
    { date: '2026-03-08', weekStartsOn: 7, week: 2 },
    { date: '2026-04-30', weekStartsOn: 1, week: 9 },
    { date: '2026-11-02', weekStartsOn: 1, week: 36 },
  ])('$date with weeks starting on day $weekStartsOn is week $week', ({ date, weekStartsOn, week }) => {
    expect(weekNumberSince(d('2026-03-05'), d(date), weekStartsOn)).toBe(week);
  });

  it('admission on the first day of a week makes a full week 1', () => {
    expect(weekNumberSince(d('2026-03-09'), d('2026-03-15'), 1)).toBe(1);
    expect(weekNumberSince(d('2026-03-09'), d('2026-03-16'), 1)).toBe(2);
  });
});

describe('program week rules refuse invalid input, naming the field', () => {
  it.each([
    {
      run: () => programWeekOf(d('2026-03-09'), 0 as IsoWeekday, 'America/Chicago'),
      paths: ['weekStartsOn'],
    },
    {
      run: () => programWeekOf(d('2026-03-09'), 8 as IsoWeekday, 'America/Chicago'),
      paths: ['weekStartsOn'],
    },
    { run: () => programWeekOf(d('2026-03-09'), 1, 'Central'), paths: ['timeZone'] },
    {
      run: () => programWeekOf(i('2026-03-09T00:00:00Z'), 0 as IsoWeekday, 'x'),
      paths: ['weekStartsOn', 'timeZone'],
    },
    {
      run: () => programWeekBounds({ start: d('2026-03-09'), end: d('2026-03-15') }, 'x'),
      paths: ['timeZone'],
    },
    { run: () => weekNumberSince(d('2026-03-05'), d('2026-03-04'), 1), paths: ['date'] },
    {
      run: () => weekNumberSince(d('2026-03-05'), d('2026-03-06'), 2.5 as IsoWeekday),
      paths: ['weekStartsOn'],
    },
  ])('$paths', ({ run, paths }) => {
    expect(run).toThrow(InputError);
    try {
      run();
    } catch (error) {
      expect((error as InputError).fields.map((f) => f.path)).toEqual(paths);
    }
  });
});
