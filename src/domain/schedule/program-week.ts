import { Temporal } from 'temporal-polyfill';
import { type FieldError, InputError } from '../input-error';
import { type IsoWeekday, isIanaTimeZone, isIsoWeekday } from './calendar-checks';

/** A program's week of seven local calendar days, `end` inclusive. */
export type ProgramWeek = { start: Temporal.PlainDate; end: Temporal.PlainDate };

/**
 * The program week holding a moment or a local day. A program chooses the weekday its week starts on
 * (ISO: Monday = 1 … Sunday = 7). A moment is first turned into the local day in the program's zone, so
 * 23:30 on a Saturday in Chicago belongs to Saturday's week even though it is already Sunday in UTC.
 *
 * @throws InputError when `weekStartsOn` is not 1..7 or `timeZone` is not an IANA zone.
 */
export function programWeekOf(
  instantOrDate: Temporal.Instant | Temporal.PlainDate,
  weekStartsOn: IsoWeekday,
  timeZone: string,
): ProgramWeek {
  const fields = weekStartFields(weekStartsOn);
  if (!isIanaTimeZone(timeZone)) {
    fields.push({ path: 'timeZone', message: 'must be an IANA time zone such as America/Chicago' });
  }
  if (fields.length > 0) throw new InputError(fields);

  const date =
    instantOrDate instanceof Temporal.Instant
      ? instantOrDate.toZonedDateTimeISO(timeZone).toPlainDate()
      : instantOrDate;
  return weekOfDate(date, weekStartsOn);
}

/**
 * The moments a program week covers in its zone: from the start of its first day up to, not including, the
 * start of the day after its last. Local midnight is taken as the start of day (Temporal's `startOfDay`),
 * so a week holding a DST change is 167 or 169 hours long.
 */
export function programWeekBounds(
  week: ProgramWeek,
  timeZone: string,
): { startsAt: Temporal.Instant; endsBefore: Temporal.Instant } {
  if (!isIanaTimeZone(timeZone)) {
    throw new InputError([
      { path: 'timeZone', message: 'must be an IANA time zone such as America/Chicago' },
    ]);
  }
  return {
    startsAt: week.start.toZonedDateTime({ timeZone }).toInstant(),
    endsBefore: week.end.add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant(),
  };
}

/**
 * The number of the program week holding `date`, counting the week of admission as week 1. Weeks follow the
 * program's calendar weeks (not seven-day blocks from admission), so a Thursday admission into a Monday-start
 * program has a short week 1 (Thursday–Sunday) and week 2 starts on the next Monday.
 *
 * @throws InputError when `date` is before `admitDate` or `weekStartsOn` is not 1..7.
 */
export function weekNumberSince(
  admitDate: Temporal.PlainDate,
  date: Temporal.PlainDate,
  weekStartsOn: IsoWeekday,
): number {
  const fields = weekStartFields(weekStartsOn);
  if (Temporal.PlainDate.compare(date, admitDate) < 0) {
    fields.push({ path: 'date', message: 'must be on or after the admission date' });
  }
  if (fields.length > 0) throw new InputError(fields);

  const admitWeekStart = weekOfDate(admitDate, weekStartsOn).start;
  const weekStart = weekOfDate(date, weekStartsOn).start;
  const days = admitWeekStart.until(weekStart, { largestUnit: 'days' }).days;
  return days / 7 + 1;
}

function weekOfDate(date: Temporal.PlainDate, weekStartsOn: IsoWeekday): ProgramWeek {
  const daysIntoWeek = (date.dayOfWeek - weekStartsOn + 7) % 7;
  const start = date.subtract({ days: daysIntoWeek });
  return { start, end: start.add({ days: 6 }) };
}

function weekStartFields(weekStartsOn: unknown): FieldError[] {
  return isIsoWeekday(weekStartsOn)
    ? []
    : [{ path: 'weekStartsOn', message: 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)' }];
}
