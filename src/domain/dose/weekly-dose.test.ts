import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import type { IsoWeekday } from '../schedule/calendar-checks';
import { programWeekOf } from '../schedule/program-week';
import { bandFor } from './hour-bands';
import { type AttendanceStatus, type DoseSession, type WeeklyDoseInput, weeklyDose } from './weekly-dose';

const zone = 'America/Chicago';
const d = (s: string) => Temporal.PlainDate.from(s);
const at = (s: string) => Temporal.Instant.from(s);

/** Monday 2 – Sunday 8 March 2026; clocks spring forward on the Sunday, so the week ends at 05:00Z, not 06:00Z. */
const WEEK = { weekStart: d('2026-03-02'), weekEnd: d('2026-03-08') };
const WEEK_ENDS = at('2026-03-09T05:00:00Z');
/** Wednesday noon local: Monday's session is over, Wednesday's and Thursday's are ahead. */
const MIDWEEK = at('2026-03-04T18:00:00Z');

function session(
  id: string,
  date: string,
  time: string,
  scheduledMinutes: number,
  attended?: number | [AttendanceStatus, number],
  extra: Partial<DoseSession> = {},
): DoseSession {
  const start = d(date).toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(zone).toInstant();
  const attendance =
    attended === undefined
      ? undefined
      : typeof attended === 'number'
        ? { status: 'present' as const, minutes: attended }
        : { status: attended[0], minutes: attended[1] };
  return {
    id,
    date: d(date),
    start,
    end: start.add({ minutes: scheduledMinutes }),
    scheduledMinutes,
    ...(attendance ? { attendance } : {}),
    ...extra,
  };
}

/** Mon/Wed/Thu evening sessions with the given attended minutes (undefined: not recorded). */
function monWedThu(attended: (number | undefined)[], scheduled = 180) {
  const days = ['2026-03-02', '2026-03-04', '2026-03-05'];
  return attended.map((minutes, i) => session(`s${i}`, days[i] ?? '', '18:00', scheduled, minutes));
}

function dose(overrides: Partial<WeeklyDoseInput>) {
  return weeklyDose({
    ...WEEK,
    timeZone: zone,
    now: WEEK_ENDS,
    targetHours: 9,
    band: bandFor('iop', 'adult'),
    sessions: [],
    ...overrides,
  });
}

describe('weeklyDose status at the target and band edges', () => {
  const adolescent = { targetHours: 6, band: bandFor('iop', 'adolescent') };
  const fiveDays = (attended: number[]) =>
    attended.map((m, i) => session(`p${i}`, `2026-03-0${i + 2}`, '09:00', 240, m));

  it.each([
    {
      case: 'adult 539 min after the week',
      input: { sessions: monWedThu([180, 180, 179]) },
      attended: 8.98,
      status: 'short',
    },
    {
      case: 'adult 540 min after the week',
      input: { sessions: monWedThu([180, 180, 180]) },
      attended: 9,
      status: 'on_track',
    },
    {
      case: 'adolescent 359 min',
      input: { ...adolescent, sessions: monWedThu([180, 179]) },
      attended: 5.98,
      status: 'short',
    },
    {
      case: 'adolescent 360 min',
      input: { ...adolescent, sessions: monWedThu([180, 180]) },
      attended: 6,
      status: 'on_track',
    },
    {
      case: 'adult 1199 min',
      input: { sessions: fiveDays([240, 240, 240, 240, 239]) },
      attended: 19.98,
      status: 'on_track',
    },
    {
      case: 'adult 1200 min (PHP range)',
      input: { sessions: fiveDays([240, 240, 240, 240, 240]) },
      attended: 20,
      status: 'over_band',
    },
    {
      case: 'adolescent 1200 min',
      input: { ...adolescent, sessions: fiveDays([240, 240, 240, 240, 240]) },
      attended: 20,
      status: 'over_band',
    },
    {
      case: 'PHP band has no ceiling',
      input: {
        targetHours: 20,
        band: bandFor('php', 'adult'),
        sessions: fiveDays([300, 300, 300, 300, 300]),
      },
      attended: 25,
      status: 'on_track',
    },
  ])('$case → $status', ({ input, attended, status }) => {
    const result = dose(input);
    expect(result.attendedHours).toBe(attended);
    expect(result.status).toBe(status);
  });

  it.each([
    {
      case: 'forecast 539 min',
      attended: [180, undefined, undefined],
      scheduled: [180, 180, 179],
      forecast: 8.98,
      gap: 1,
      status: 'at_risk',
    },
    {
      case: 'forecast 540 min',
      attended: [180, undefined, undefined],
      scheduled: [180, 180, 180],
      forecast: 9,
      gap: 0,
      status: 'on_track',
    },
    {
      case: 'Monday missed, forecast 360 min',
      attended: [0, undefined, undefined],
      scheduled: [180, 180, 180],
      forecast: 6,
      gap: 180,
      status: 'at_risk',
    },
    {
      case: 'Monday unrecorded counts 0',
      attended: [undefined, undefined, undefined],
      scheduled: [180, 180, 180],
      forecast: 6,
      gap: 180,
      status: 'at_risk',
    },
    {
      case: 'forecast 1199 min',
      attended: [240, undefined, undefined],
      scheduled: [240, 480, 479],
      forecast: 19.98,
      gap: 0,
      status: 'on_track',
    },
    {
      case: 'forecast 1200 min',
      attended: [240, undefined, undefined],
      scheduled: [240, 480, 480],
      forecast: 20,
      gap: 0,
      status: 'over_band',
    },
  ])('mid-week, $case → $status', ({ attended, scheduled, forecast, gap, status }) => {
    const days = ['2026-03-02', '2026-03-04', '2026-03-05'];
    const sessions = scheduled.map((m, i) => session(`s${i}`, days[i] ?? '', '18:00', m, attended[i]));
    const result = dose({ now: MIDWEEK, sessions });
    expect(result.forecastHours).toBe(forecast);
    expect(result.gapMinutes).toBe(gap);
    expect(result.status).toBe(status);
  });
});

describe('weeklyDose turns at_risk into short at the instant the week ends (local midnight)', () => {
  it.each([
    {
      case: 'spring-forward week, Monday start',
      week: ['2026-03-02', '2026-03-08'],
      ends: '2026-03-09T05:00:00Z',
    },
    {
      case: 'spring-forward week, Sunday start',
      week: ['2026-03-08', '2026-03-14'],
      ends: '2026-03-15T05:00:00Z',
    },
    {
      case: 'fall-back week, Monday start',
      week: ['2026-10-26', '2026-11-01'],
      ends: '2026-11-02T06:00:00Z',
    },
    {
      case: 'fall-back week, Sunday start',
      week: ['2026-11-01', '2026-11-07'],
      ends: '2026-11-08T06:00:00Z',
    },
  ])('$case ends at $ends', ({ week, ends }) => {
    const [weekStart = '', weekEnd = ''] = week;
    const sessions = [session('a', weekStart, '18:00', 180, 180), session('b', weekEnd, '09:00', 180, 180)];
    const input = { weekStart: d(weekStart), weekEnd: d(weekEnd), sessions };
    expect(dose({ ...input, now: at(ends).subtract({ nanoseconds: 1 }) }).status).toBe('at_risk');
    expect(dose({ ...input, now: at(ends) }).status).toBe('short');
  });
});

describe('weeklyDose qualifying days for the H0015 per diem (≥ 3 h a day on ≥ 3 days)', () => {
  it.each([
    {
      case: '180/180/179 min: 2 days',
      sessions: monWedThu([180, 180, 179]),
      days: ['2026-03-02', '2026-03-04'],
      billable: false,
    },
    {
      case: '180/180/180 min: 3 days',
      sessions: monWedThu([180, 180, 180]),
      days: ['2026-03-02', '2026-03-04', '2026-03-05'],
      billable: true,
    },
    {
      case: 'two sessions on one day add up (90 + 90)',
      sessions: [
        session('am', '2026-03-02', '09:00', 90, 90),
        session('pm', '2026-03-02', '13:00', 90, 90),
        session('w', '2026-03-04', '09:00', 90, 89),
        session('w2', '2026-03-04', '13:00', 90, 90),
      ],
      days: ['2026-03-02'],
      billable: false,
    },
    {
      case: 'late and left early count their minutes; absences count none',
      sessions: [
        session('a', '2026-03-02', '18:00', 180, ['late', 180]),
        session('b', '2026-03-03', '18:00', 200, ['left_early', 180]),
        session('c', '2026-03-04', '18:00', 180, ['excused', 180]),
        session('d', '2026-03-05', '18:00', 180, ['unexcused', 180]),
      ],
      days: ['2026-03-02', '2026-03-03'],
      billable: false,
    },
    {
      case: 'days come back in date order',
      sessions: [...monWedThu([180, 180, 180])].reverse(),
      days: ['2026-03-02', '2026-03-04', '2026-03-05'],
      billable: true,
    },
  ])('$case', ({ sessions, days, billable }) => {
    const result = dose({ sessions });
    expect(result.qualifyingDays.map(String)).toEqual(days);
    expect(result.perDiemBillableWeek).toBe(billable);
  });

  it.each<{ weekStartsOn: IsoWeekday; week: string; days: string[]; billable: boolean }>([
    {
      weekStartsOn: 1,
      week: '2026-03-02..2026-03-08',
      days: ['2026-03-05', '2026-03-07', '2026-03-08'],
      billable: true,
    },
    { weekStartsOn: 7, week: '2026-03-01..2026-03-07', days: ['2026-03-05', '2026-03-07'], billable: false },
  ])(
    'Thu/Sat/Sun attendance with weeks starting on day $weekStartsOn',
    ({ weekStartsOn, week, days, billable }) => {
      const all = ['2026-03-05', '2026-03-07', '2026-03-08'].map((day, i) =>
        session(`x${i}`, day, '10:00', 180, 180),
      );
      const programWeek = programWeekOf(d('2026-03-05'), weekStartsOn, zone);
      expect(`${programWeek.start}..${programWeek.end}`).toBe(week);
      const inWeek = all.filter(
        (s) =>
          Temporal.PlainDate.compare(s.date, programWeek.start) >= 0 &&
          Temporal.PlainDate.compare(s.date, programWeek.end) <= 0,
      );
      const result = dose({ weekStart: programWeek.start, weekEnd: programWeek.end, sessions: inWeek });
      expect(result.qualifyingDays.map(String)).toEqual(days);
      expect(result.perDiemBillableWeek).toBe(billable);
    },
  );
});

describe('weeklyDose counting rules', () => {
  it('counts cancelled sessions nowhere', () => {
    const sessions = [
      ...monWedThu([180, 180]),
      session('c', '2026-03-05', '18:00', 180, undefined, { cancelled: true }),
    ];
    const result = dose({ now: MIDWEEK, sessions });
    expect(result).toMatchObject({
      scheduledHours: 6,
      attendedHours: 6,
      remainingScheduledHours: 0,
      status: 'at_risk',
    });
  });

  it('counts a session in progress with no attendance yet as remaining', () => {
    const sessions = monWedThu([180, undefined, undefined]);
    const duringWednesday = at('2026-03-05T01:00:00Z');
    expect(dose({ now: duringWednesday, sessions }).remainingScheduledHours).toBe(6);
    const atWednesdayEnd = at('2026-03-05T03:00:00Z');
    expect(dose({ now: atWednesdayEnd, sessions }).remainingScheduledHours).toBe(3);
  });

  it('does not count an absence recorded ahead of time as remaining', () => {
    const sessions = [
      ...monWedThu([180, undefined]),
      session('t', '2026-03-05', '18:00', 180, ['excused', 0]),
    ];
    const result = dose({ now: MIDWEEK, sessions });
    expect(result).toMatchObject({
      scheduledHours: 9,
      attendedHours: 3,
      remainingScheduledHours: 3,
      forecastHours: 6,
    });
    expect(result.status).toBe('at_risk');
  });

  it('sums whole minutes and rounds hours only in the result', () => {
    const sessions = [
      session('a', '2026-03-02', '09:00', 77, 77),
      session('b', '2026-03-03', '09:00', 77, 77),
      session('c', '2026-03-04', '09:00', 77, 77),
      session('e', '2026-03-05', '09:00', 100, 100),
    ];
    const result = dose({ sessions });
    expect(result.attendedHours).toBe(5.52); // 331 min; 3 × 1.28 + 1.67 would drift to 5.51
    expect(result.scheduledHours).toBe(5.52);
  });

  it('an empty week is short once over and at risk before', () => {
    expect(dose({}).status).toBe('short');
    expect(dose({ now: MIDWEEK })).toMatchObject({ status: 'at_risk', forecastHours: 0, gapMinutes: 540 });
  });
});

describe('weeklyDose Medicare IOP minimum', () => {
  it('is absent unless the member needs it', () => {
    expect('medicareMinimumMet' in dose({ sessions: monWedThu([180, 180, 180]) })).toBe(false);
  });

  it.each([
    { case: '539 min, week over', attended: [180, 180, 179], now: WEEK_ENDS, met: false },
    { case: '540 min, week over', attended: [180, 180, 180], now: WEEK_ENDS, met: true },
    {
      case: 'mid-week, judged on attended so far',
      attended: [180, undefined, undefined],
      now: MIDWEEK,
      met: false,
    },
  ])('$case → $met', ({ attended, now, met }) => {
    const result = dose({ now, sessions: monWedThu(attended), medicareWeeklyMinimumHours: 9 });
    expect(result.medicareMinimumMet).toBe(met);
  });
});

describe('weeklyDose refuses invalid input, naming the field', () => {
  const ok = session('ok', '2026-03-02', '18:00', 180, 180);
  it.each([
    { input: { timeZone: 'Chicago' }, paths: ['timeZone'] },
    { input: { weekEnd: d('2026-03-01') }, paths: ['weekEnd'] },
    { input: { targetHours: -1 }, paths: ['targetHours'] },
    { input: { targetHours: Number.NaN }, paths: ['targetHours'] },
    { input: { medicareWeeklyMinimumHours: -9 }, paths: ['medicareWeeklyMinimumHours'] },
    { input: { band: { atLeastHours: 9, lessThanHours: 8 } }, paths: ['band.lessThanHours'] },
    { input: { sessions: [ok, session('x', '2026-03-09', '18:00', 180)] }, paths: ['sessions[1].date'] },
    { input: { sessions: [{ ...ok, end: ok.start }] }, paths: ['sessions[0].end'] },
    { input: { sessions: [{ ...ok, scheduledMinutes: 179.5 }] }, paths: ['sessions[0].scheduledMinutes'] },
    {
      input: { sessions: [session('x', '2026-03-02', '18:00', 180, -1)] },
      paths: ['sessions[0].attendance.minutes'],
    },
    {
      input: { sessions: [session('x', '2026-03-02', '18:00', 180, ['gone' as AttendanceStatus, 0])] },
      paths: ['sessions[0].attendance.status'],
    },
  ])('$paths', ({ input, paths }) => {
    try {
      dose(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).fields.map((f) => f.path)).toEqual(paths);
    }
  });
});
