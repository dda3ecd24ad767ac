import { Temporal } from 'temporal-polyfill';

/*
 * Showing moments and days. A moment (an ISO instant from the API) is shown on the clock of a named zone, the
 * site's, program's or patient's site's (ARCHITECTURE.md, "Time"), never the browser's; a calendar day
 * (`YYYY-MM-DD`) is a day, not a moment, and is shown as written, whatever the zone. Locale: the browser's.
 */

type Style = 'date' | 'time' | 'dateTime' | 'dateTimeSeconds' | 'fullDateTime' | 'weekday';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  dateTimeSeconds: { dateStyle: 'short', timeStyle: 'medium' },
  fullDateTime: { dateStyle: 'full', timeStyle: 'short' },
  weekday: { weekday: 'short' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(style: Style, timeZone: string): Intl.DateTimeFormat {
  const key = `${style} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...OPTIONS[style], timeZone });
    formats.set(key, format);
  }
  return format;
}

const instantOf = (at: string | Temporal.Instant) =>
  typeof at === 'string' ? Temporal.Instant.from(at) : at;

/** A moment on the clock of `timeZone`: `formatInstant('2026-03-08T15:00:00Z', 'America/Chicago')` → "Mar 8, 2026, 10:00 AM". */
export function formatInstant(
  at: string | Temporal.Instant,
  timeZone: string,
  style: Exclude<Style, 'weekday'> = 'dateTime',
): string {
  return formatIn(style, timeZone).format(instantOf(at).epochMilliseconds);
}

/** A moment's wall-clock time in `timeZone`, e.g. "6:00 PM". */
export const formatTimeIn = (at: string | Temporal.Instant, timeZone: string) =>
  formatInstant(at, timeZone, 'time');

/** A calendar day (`YYYY-MM-DD` or a PlainDate) as the locale writes it; the same day in every zone. */
export function formatDay(day: string | Temporal.PlainDate, style: 'date' | 'weekday' = 'date'): string {
  const date = typeof day === 'string' ? Temporal.PlainDate.from(day) : day;
  // The day at noon UTC, written in UTC: no zone can move it to the day before or after.
  const noon = date.toZonedDateTime({ timeZone: 'UTC', plainTime: '12:00' }).epochMilliseconds;
  return formatIn(style, 'UTC').format(noon);
}

/** The calendar day a moment falls on in `timeZone` (a session's day at its program). */
export const dayOfInstant = (at: string | Temporal.Instant, timeZone: string): Temporal.PlainDate =>
  instantOf(at).toZonedDateTimeISO(timeZone).toPlainDate();
