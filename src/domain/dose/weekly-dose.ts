import { Temporal } from 'temporal-polyfill';
import { type FieldError, InputError } from '../input-error';
import { isIanaTimeZone } from '../schedule/calendar-checks';
import type { HourBand } from './hour-bands';

export type AttendanceStatus = 'present' | 'late' | 'left_early' | 'excused' | 'unexcused';

export type DoseSession = {
  id: string;
  start: Temporal.Instant;
  end: Temporal.Instant;
  /** Local calendar day of the session in the program's zone. */
  date: Temporal.PlainDate;
  scheduledMinutes: number;
  /** Absent until someone records attendance. */
  attendance?: { status: AttendanceStatus; minutes: number };
  cancelled?: boolean;
};

export type WeeklyDoseInput = {
  /** First and last (inclusive) local day of the program week. */
  weekStart: Temporal.PlainDate;
  weekEnd: Temporal.PlainDate;
  timeZone: string;
  now: Temporal.Instant;
  targetHours: number;
  /** The program's band; reaching its ceiling is `over_band`. */
  band: HourBand;
  /** The member's sessions in this week. */
  sessions: readonly DoseSession[];
  /** Set (to 9) when the member's coverage is Medicare IOP. */
  medicareWeeklyMinimumHours?: number;
};

export type DoseStatus = 'on_track' | 'at_risk' | 'short' | 'over_band';

export type WeeklyDose = {
  scheduledHours: number;
  attendedHours: number;
  /** Sessions not yet over and with no attendance recorded. */
  remainingScheduledHours: number;
  /** attended + remaining. */
  forecastHours: number;
  /** Minutes still missing from the target if every remaining session is attended in full (0 when none). */
  gapMinutes: number;
  status: DoseStatus;
  /** Days with at least 3 hours attended, in date order. */
  qualifyingDays: Temporal.PlainDate[];
  perDiemBillableWeek: boolean;
  /** Present only when `medicareWeeklyMinimumHours` is given; judged on hours attended so far. */
  medicareMinimumMet?: boolean;
};

/** H0015 per diem: at least 3 hours that day, on at least 3 days of the week (HCPCS Level II descriptor, CMS HCPCS file). */
export const QUALIFYING_DAY_MINUTES = 180;
export const QUALIFYING_DAYS_PER_WEEK = 3;

/** Statuses that mean the member was not there; they give no dose whatever minutes were typed. */
const ABSENT: ReadonlySet<AttendanceStatus> = new Set(['excused', 'unexcused']);
const STATUSES: ReadonlySet<string> = new Set(['present', 'late', 'left_early', 'excused', 'unexcused']);

/**
 * A member's dose for one program week. All sums are in whole minutes; hours appear only in the result,
 * rounded to 2 decimals, so 539 minutes is 8.98 h and below a 9 h target while 540 is exactly 9.
 *
 * - Cancelled sessions count nowhere.
 * - A session with attendance recorded counts its attended minutes (0 for an absence) and is not remaining,
 *   even if it is still ahead (an excused absence entered in advance).
 * - A session with no attendance counts as remaining until its end; after its end it counts 0.
 * - Status, first rule that applies: the week has ended (`now` at or after the start of the day after
 *   `weekEnd`, local) and attended < target → `short`; forecast < target → `at_risk`; forecast at or above the
 *   band's ceiling → `over_band` (attended never exceeds forecast); otherwise `on_track`.
 *
 * @throws InputError naming every invalid field.
 */
export function weeklyDose(input: WeeklyDoseInput): WeeklyDose {
  validate(input);
  const { now } = input;
  const targetMinutes = hoursToMinutes(input.targetHours);

  let scheduled = 0;
  let attended = 0;
  let remaining = 0;
  const attendedByDay = new Map<string, { date: Temporal.PlainDate; minutes: number }>();

  for (const session of input.sessions) {
    if (session.cancelled) continue;
    scheduled += session.scheduledMinutes;
    if (session.attendance) {
      const minutes = ABSENT.has(session.attendance.status) ? 0 : session.attendance.minutes;
      attended += minutes;
      const day = attendedByDay.get(session.date.toString()) ?? { date: session.date, minutes: 0 };
      day.minutes += minutes;
      attendedByDay.set(session.date.toString(), day);
    } else if (Temporal.Instant.compare(now, session.end) < 0) {
      remaining += session.scheduledMinutes;
    }
  }

  const forecast = attended + remaining;
  const weekEndsBefore = startOfDayAfter(input.weekEnd, input.timeZone);
  const weekEnded = Temporal.Instant.compare(now, weekEndsBefore) >= 0;
  const ceiling = input.band.lessThanHours === null ? null : hoursToMinutes(input.band.lessThanHours);

  let status: DoseStatus = 'on_track';
  if (weekEnded && attended < targetMinutes) status = 'short';
  else if (forecast < targetMinutes) status = 'at_risk';
  else if (ceiling !== null && forecast >= ceiling) status = 'over_band';

  const qualifyingDays = [...attendedByDay.values()]
    .filter((day) => day.minutes >= QUALIFYING_DAY_MINUTES)
    .map((day) => day.date)
    .sort(Temporal.PlainDate.compare);

  const dose: WeeklyDose = {
    scheduledHours: minutesToHours(scheduled),
    attendedHours: minutesToHours(attended),
    remainingScheduledHours: minutesToHours(remaining),
    forecastHours: minutesToHours(forecast),
    gapMinutes: Math.max(0, targetMinutes - forecast),
    status,
    qualifyingDays,
    perDiemBillableWeek: qualifyingDays.length >= QUALIFYING_DAYS_PER_WEEK,
  };
  if (input.medicareWeeklyMinimumHours !== undefined) {
    dose.medicareMinimumMet = attended >= hoursToMinutes(input.medicareWeeklyMinimumHours);
  }
  return dose;
}

/** The instant the week ends; the ledger asks for the same week once per member, so the last answer is kept. */
let lastWeekEnd: { key: string; at: Temporal.Instant } | null = null;
function startOfDayAfter(day: Temporal.PlainDate, timeZone: string): Temporal.Instant {
  const key = `${day.toString()}|${timeZone}`;
  if (lastWeekEnd?.key !== key) {
    lastWeekEnd = { key, at: day.add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant() };
  }
  return lastWeekEnd.at;
}

function hoursToMinutes(hours: number) {
  return Math.round(hours * 60);
}

function minutesToHours(minutes: number) {
  return Math.round((minutes / 60) * 100) / 100;
}

function validate(input: WeeklyDoseInput) {
  const fields: FieldError[] = [];
  const isMinutes = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  const isHours = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;

  if (!isIanaTimeZone(input.timeZone)) {
    fields.push({ path: 'timeZone', message: 'must be an IANA time zone such as America/Chicago' });
  }
  if (Temporal.PlainDate.compare(input.weekEnd, input.weekStart) < 0) {
    fields.push({ path: 'weekEnd', message: 'must be on or after weekStart' });
  }
  if (!isHours(input.targetHours)) fields.push({ path: 'targetHours', message: 'must be 0 or more hours' });
  if (input.medicareWeeklyMinimumHours !== undefined && !isHours(input.medicareWeeklyMinimumHours)) {
    fields.push({ path: 'medicareWeeklyMinimumHours', message: 'must be 0 or more hours' });
  }
  const { atLeastHours, lessThanHours } = input.band;
  if (!isHours(atLeastHours)) fields.push({ path: 'band.atLeastHours', message: 'must be 0 or more hours' });
  if (lessThanHours !== null && !(isHours(lessThanHours) && lessThanHours > atLeastHours)) {
    fields.push({ path: 'band.lessThanHours', message: 'must be more than atLeastHours, or null' });
  }

  input.sessions.forEach((session, i) => {
    const path = `sessions[${i}]`;
    if (Temporal.Instant.compare(session.end, session.start) <= 0) {
      fields.push({ path: `${path}.end`, message: 'must be after start' });
    }
    if (
      Temporal.PlainDate.compare(session.date, input.weekStart) < 0 ||
      Temporal.PlainDate.compare(session.date, input.weekEnd) > 0
    ) {
      fields.push({ path: `${path}.date`, message: 'must fall within weekStart..weekEnd' });
    }
    if (!isMinutes(session.scheduledMinutes)) {
      fields.push({
        path: `${path}.scheduledMinutes`,
        message: 'must be a whole number of minutes, 0 or more',
      });
    }
    if (session.attendance) {
      if (!STATUSES.has(session.attendance.status)) {
        fields.push({ path: `${path}.attendance.status`, message: 'is not a known attendance status' });
      }
      if (!isMinutes(session.attendance.minutes)) {
        fields.push({
          path: `${path}.attendance.minutes`,
          message: 'must be a whole number of minutes, 0 or more',
        });
      }
    }
  });
  if (fields.length > 0) throw new InputError(fields);
}
