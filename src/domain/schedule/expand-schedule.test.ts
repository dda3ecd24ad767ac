import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { expandSchedule, type WeeklySchedule } from './expand-schedule';

const d = (s: string) => Temporal.PlainDate.from(s);
const range = (from: string, to: string) => ({ from: d(from), to: d(to) });

const eveningTrack = (timeZone: string): WeeklySchedule => ({
  timeZone,
  weekdays: [1, 3, 4],
  startTime: '18:00',
  endTime: '21:00',
  startsOn: d('2026-01-01'),
});

function summary(schedule: WeeklySchedule, from: string, to: string) {
  return expandSchedule(schedule, range(from, to)).map((o) => ({
    date: o.date.toString(),
    start: o.start.toString(),
    end: o.end.toString(),
    minutes: o.minutes,
  }));
}

describe('expandSchedule across US DST changes (18:00–21:00 stays 18:00 local)', () => {
  it.each([
    {
      zone: 'America/Chicago',
      week: 'spring forward (Sun 8 Mar 2026)',
      from: '2026-03-02',
      to: '2026-03-15',
      starts: [
        ['2026-03-02', '2026-03-03T00:00:00Z'],
        ['2026-03-04', '2026-03-05T00:00:00Z'],
        ['2026-03-05', '2026-03-06T00:00:00Z'],
        ['2026-03-09', '2026-03-09T23:00:00Z'],
        ['2026-03-11', '2026-03-11T23:00:00Z'],
        ['2026-03-12', '2026-03-12T23:00:00Z'],
      ],
    },
    {
      zone: 'America/Chicago',
      week: 'fall back (Sun 1 Nov 2026)',
      from: '2026-10-26',
      to: '2026-11-08',
      starts: [
        ['2026-10-26', '2026-10-26T23:00:00Z'],
        ['2026-10-28', '2026-10-28T23:00:00Z'],
        ['2026-10-29', '2026-10-29T23:00:00Z'],
        ['2026-11-02', '2026-11-03T00:00:00Z'],
        ['2026-11-04', '2026-11-05T00:00:00Z'],
        ['2026-11-05', '2026-11-06T00:00:00Z'],
      ],
    },
    {
      zone: 'America/New_York',
      week: 'spring forward (Sun 8 Mar 2026)',
      from: '2026-03-02',
      to: '2026-03-15',
      starts: [
        ['2026-03-02', '2026-03-02T23:00:00Z'],
        ['2026-03-04', '2026-03-04T23:00:00Z'],
        ['2026-03-05', '2026-03-05T23:00:00Z'],
        ['2026-03-09', '2026-03-09T22:00:00Z'],
        ['2026-03-11', '2026-03-11T22:00:00Z'],
        ['2026-03-12', '2026-03-12T22:00:00Z'],
      ],
    },
    {
      zone: 'America/New_York',
      week: 'fall back (Sun 1 Nov 2026)',
      from: '2026-10-26',
      to: '2026-11-08',
      starts: [
        ['2026-10-26', '2026-10-26T22:00:00Z'],
        ['2026-10-28', '2026-10-28T22:00:00Z'],
        ['2026-10-29', '2026-10-29T22:00:00Z'],
        ['2026-11-02', '2026-11-02T23:00:00Z'],
        ['2026-11-04', '2026-11-04T23:00:00Z'],
        ['2026-11-05', '2026-11-05T23:00:00Z'],
      ],
    },
  ])('$zone, $week', ({ zone, from, to, starts }) => {
    const occurrences = expandSchedule(eveningTrack(zone), range(from, to));
    expect(occurrences.map((o) => [o.date.toString(), o.start.toString()])).toEqual(starts);
    for (const o of occurrences) {
      expect(o.minutes).toBe(180);
      expect(o.start.toZonedDateTimeISO(zone).toPlainTime().toString()).toBe('18:00:00');
      expect(o.end.toZonedDateTimeISO(zone).toPlainTime().toString()).toBe('21:00:00');
    }
  });
});

describe('expandSchedule on the DST day itself (disambiguation "compatible")', () => {
  const sunday = (startTime: string, endTime: string): WeeklySchedule => ({
    timeZone: 'America/Chicago',
    weekdays: [7],
    startTime,
    endTime,
    startsOn: d('2026-01-01'),
  });

  it.each([
    // Spring forward: 02:00–02:59 does not exist; a time in the gap moves an hour later.
    {
      day: '2026-03-08',
      times: ['01:30', '03:30'],
      start: '2026-03-08T07:30:00Z',
      end: '2026-03-08T08:30:00Z',
      minutes: 60,
    },
    {
      day: '2026-03-08',
      times: ['02:15', '02:45'],
      start: '2026-03-08T08:15:00Z',
      end: '2026-03-08T08:45:00Z',
      minutes: 30,
    },
    {
      day: '2026-03-08',
      times: ['01:00', '01:59'],
      start: '2026-03-08T07:00:00Z',
      end: '2026-03-08T07:59:00Z',
      minutes: 59,
    },
    // Fall back: 01:00–01:59 happens twice; the earlier (daylight time, -05:00) is used.
    {
      day: '2026-11-01',
      times: ['01:30', '02:30'],
      start: '2026-11-01T06:30:00Z',
      end: '2026-11-01T08:30:00Z',
      minutes: 120,
    },
    {
      day: '2026-11-01',
      times: ['01:00', '01:45'],
      start: '2026-11-01T06:00:00Z',
      end: '2026-11-01T06:45:00Z',
      minutes: 45,
    },
    {
      day: '2026-11-01',
      times: ['00:30', '03:00'],
      start: '2026-11-01T05:30:00Z',
      end: '2026-11-01T09:00:00Z',
      minutes: 210,
    },
    // An ordinary Sunday for contrast.
    {
      day: '2026-03-15',
      times: ['01:30', '03:30'],
      start: '2026-03-15T06:30:00Z',
      end: '2026-03-15T08:30:00Z',
      minutes: 120,
    },
  ])('$day $times.0–$times.1 lasts $minutes real minutes', ({ day, times, start, end, minutes }) => {
    const [startTime = '', endTime = ''] = times;
    expect(summary(sunday(startTime, endTime), day, day)).toEqual([{ date: day, start, end, minutes }]);
  });

  it('drops a session lying wholly inside the skipped hour, and keeps it the next week', () => {
    expect(summary(sunday('02:00', '03:00'), '2026-03-08', '2026-03-08')).toEqual([]);
    expect(summary(sunday('02:30', '03:00'), '2026-03-08', '2026-03-08')).toEqual([]);
    expect(summary(sunday('02:00', '03:00'), '2026-03-15', '2026-03-15')).toEqual([
      { date: '2026-03-15', start: '2026-03-15T07:00:00Z', end: '2026-03-15T08:00:00Z', minutes: 60 },
    ]);
  });
});

describe('expandSchedule over a year', () => {
  it.each([
    { zone: 'America/Chicago', offsets: ['-05:00', '-06:00'] },
    { zone: 'America/Los_Angeles', offsets: ['-07:00', '-08:00'] },
    { zone: 'America/Phoenix', offsets: ['-07:00'] },
  ])('Mon/Wed/Thu in 2026 in $zone: 157 sessions, all 18:00–21:00 local', ({ zone, offsets }) => {
    const occurrences = expandSchedule(eveningTrack(zone), range('2026-01-01', '2026-12-31'));
    // 2026 has 52 Mondays, 52 Wednesdays and 53 Thursdays (it starts and ends on a Thursday).
    expect(occurrences).toHaveLength(157);
    expect(occurrences.every((o) => o.minutes === 180)).toBe(true);
    const local = occurrences.map((o) => o.start.toZonedDateTimeISO(zone));
    expect(local.every((z) => z.hour === 18 && z.minute === 0)).toBe(true);
    expect([...new Set(local.map((z) => z.offset))].sort()).toEqual(offsets);
  });
});

describe('expandSchedule bounds and exceptions', () => {
  const dates = (schedule: WeeklySchedule, from: string, to: string) =>
    expandSchedule(schedule, range(from, to)).map((o) => o.date.toString());

  it('starts no earlier than startsOn and ends no later than endsOn, both inclusive', () => {
    const schedule = {
      ...eveningTrack('America/Chicago'),
      startsOn: d('2026-03-04'),
      endsOn: d('2026-03-11'),
    };
    expect(dates(schedule, '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-09',
      '2026-03-11',
    ]);
  });

  it('skips exception days (holiday, weather)', () => {
    const schedule = { ...eveningTrack('America/Chicago'), exceptions: [d('2026-11-26'), d('2026-11-30')] };
    expect(dates(schedule, '2026-11-23', '2026-11-30')).toEqual(['2026-11-23', '2026-11-25']);
  });

  it('yields nothing when the range lies before the schedule starts', () => {
    const schedule = { ...eveningTrack('America/Chicago'), startsOn: d('2026-06-01') };
    expect(dates(schedule, '2026-05-01', '2026-05-31')).toEqual([]);
  });

  it('ignores a weekday listed twice', () => {
    const schedule = { ...eveningTrack('America/Chicago'), weekdays: [1, 1] };
    expect(dates(schedule, '2026-03-02', '2026-03-08')).toEqual(['2026-03-02']);
  });
});

describe('expandSchedule refuses invalid input, naming the field', () => {
  const base = eveningTrack('America/Chicago');
  it.each([
    { change: { endTime: '18:00' }, path: 'endTime' },
    { change: { endTime: '17:59' }, path: 'endTime' },
    { change: { startTime: '7:00' }, path: 'startTime' },
    { change: { startTime: '24:00' }, path: 'startTime' },
    { change: { endTime: '21:60' }, path: 'endTime' },
    { change: { timeZone: 'America/Springfield' }, path: 'timeZone' },
    { change: { timeZone: '-06:00' }, path: 'timeZone' },
    { change: { timeZone: '' }, path: 'timeZone' },
    { change: { weekdays: [] }, path: 'weekdays' },
    { change: { weekdays: [1, 0] }, path: 'weekdays[1]' },
    { change: { weekdays: [8] }, path: 'weekdays[0]' },
    { change: { weekdays: [1.5] }, path: 'weekdays[0]' },
    { change: { endsOn: d('2025-12-31') }, path: 'endsOn' },
  ])('$path for $change', ({ change, path }) => {
    const error = catchError(() => expandSchedule({ ...base, ...change }, range('2026-03-01', '2026-03-31')));
    expect(error).toBeInstanceOf(InputError);
    expect(error.fields.map((f) => f.path)).toEqual([path]);
  });

  it('reports a reversed range', () => {
    const error = catchError(() => expandSchedule(base, range('2026-03-31', '2026-03-01')));
    expect(error.fields.map((f) => f.path)).toEqual(['range.to']);
  });

  it('reports every bad field at once', () => {
    const error = catchError(() =>
      expandSchedule(
        { ...base, timeZone: 'Nowhere', weekdays: [9], endTime: '17:00' },
        range('2026-03-01', '2026-03-31'),
      ),
    );
    expect(error.fields.map((f) => f.path)).toEqual(['timeZone', 'weekdays[0]', 'endTime']);
  });
});

function catchError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected a InputError');
}
