import { Temporal } from 'temporal-polyfill';
import { type FieldError, InputError } from '../input-error';
import { isIanaTimeZone, isIsoWeekday } from './calendar-checks';

/** A track's recurring week, e.g. Mon/Wed/Thu 18:00–21:00 in America/Chicago. */
export type WeeklySchedule = {
  /** IANA zone the wall-clock times are in. */
  timeZone: string;
  /** ISO days of the week, Monday = 1 … Sunday = 7. */
  weekdays: readonly number[];
  /** Local wall-clock start, `HH:MM` (24 h). */
  startTime: string;
  /** Local wall-clock end, `HH:MM`, later than `startTime` on the same day. */
  endTime: string;
  startsOn: Temporal.PlainDate;
  /** Last day the schedule runs (inclusive); open-ended when absent. */
  endsOn?: Temporal.PlainDate;
  /** Days the schedule does not meet (holiday, weather). */
  exceptions?: readonly Temporal.PlainDate[];
};

/** The calendar days to expand over, both inclusive. */
export type DateRange = { from: Temporal.PlainDate; to: Temporal.PlainDate };

export type Occurrence = {
  /** Local calendar day in the schedule's zone. */
  date: Temporal.PlainDate;
  start: Temporal.Instant;
  end: Temporal.Instant;
  /** Real elapsed minutes (a session across a DST change is an hour shorter or longer than its clock times). */
  minutes: number;
};

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Expands a weekly schedule into its occurrences in `range`, in date order.
 *
 * Each occurrence is built from the local date and wall-clock time in the schedule's zone, so an 18:00
 * session stays at 18:00 local on both sides of a DST change (its UTC instant moves by an hour).
 *
 * Wall-clock times that do not exist or happen twice on a DST day are resolved with Temporal's
 * `'compatible'` disambiguation, the same rule as RFC 5545 (iCalendar) and `Date`:
 * - in the spring-forward gap a time moves later by the gap's length (02:30 → 03:30), so 01:30–03:30 on
 *   that day lasts 60 real minutes;
 * - in the fall-back overlap the earlier of the two instants is used (01:30 means 01:30 daylight time), so
 *   01:30–02:30 on that day lasts 120 real minutes.
 * An occurrence left with no real minutes (a session wholly inside the skipped hour) does not happen and is
 * not returned.
 *
 * @throws InputError naming every invalid field.
 */
export function expandSchedule(schedule: WeeklySchedule, range: DateRange): Occurrence[] {
  const { startTime, endTime } = validate(schedule, range);
  const first = later(schedule.startsOn, range.from);
  const last = schedule.endsOn ? earlier(schedule.endsOn, range.to) : range.to;
  const weekdays = new Set(schedule.weekdays);
  const skipped = new Set((schedule.exceptions ?? []).map((d) => d.toString()));

  const occurrences: Occurrence[] = [];
  for (let date = first; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    if (!weekdays.has(date.dayOfWeek) || skipped.has(date.toString())) continue;
    const start = atLocalTime(date, startTime, schedule.timeZone);
    const end = atLocalTime(date, endTime, schedule.timeZone);
    const minutes = Math.round((end.epochMilliseconds - start.epochMilliseconds) / 60_000);
    if (minutes <= 0) continue;
    occurrences.push({ date, start, end, minutes });
  }
  return occurrences;
}

function atLocalTime(date: Temporal.PlainDate, time: Temporal.PlainTime, timeZone: string) {
  return date.toPlainDateTime(time).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant();
}

function validate(schedule: WeeklySchedule, range: DateRange) {
  const fields: FieldError[] = [];
  if (!isIanaTimeZone(schedule.timeZone)) {
    fields.push({ path: 'timeZone', message: 'must be an IANA time zone such as America/Chicago' });
  }
  if (!Array.isArray(schedule.weekdays) || schedule.weekdays.length === 0) {
    fields.push({ path: 'weekdays', message: 'must list at least one day' });
  } else {
    schedule.weekdays.forEach((day, i) => {
      if (!isIsoWeekday(day)) {
        fields.push({
          path: `weekdays[${i}]`,
          message: 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)',
        });
      }
    });
  }
  const startTime = parseTime(schedule.startTime, 'startTime', fields);
  const endTime = parseTime(schedule.endTime, 'endTime', fields);
  if (startTime && endTime && Temporal.PlainTime.compare(endTime, startTime) <= 0) {
    fields.push({ path: 'endTime', message: 'must be after startTime' });
  }
  if (schedule.endsOn && Temporal.PlainDate.compare(schedule.endsOn, schedule.startsOn) < 0) {
    fields.push({ path: 'endsOn', message: 'must be on or after startsOn' });
  }
  if (Temporal.PlainDate.compare(range.to, range.from) < 0) {
    fields.push({ path: 'range.to', message: 'must be on or after range.from' });
  }
  if (fields.length > 0 || !startTime || !endTime) throw new InputError(fields);
  return { startTime, endTime };
}

function parseTime(value: string, path: string, fields: FieldError[]): Temporal.PlainTime | undefined {
  const match = typeof value === 'string' ? HH_MM.exec(value) : null;
  if (!match) {
    fields.push({ path, message: 'must be a 24-hour time HH:MM' });
    return undefined;
  }
  return new Temporal.PlainTime(Number(match[1]), Number(match[2]));
}

function later(a: Temporal.PlainDate, b: Temporal.PlainDate) {
  return Temporal.PlainDate.compare(a, b) >= 0 ? a : b;
}

function earlier(a: Temporal.PlainDate, b: Temporal.PlainDate) {
  return Temporal.PlainDate.compare(a, b) <= 0 ? a : b;
}
