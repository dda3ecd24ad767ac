import { Temporal } from 'temporal-polyfill';

/** ISO 8601 day of the week, as Temporal numbers it: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export function isIsoWeekday(value: unknown): value is IsoWeekday {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 7;
}

/**
 * A named IANA zone (`America/Chicago`, `UTC`). Fixed offsets such as `-06:00` are refused: a program's
 * clock follows its zone's DST rules, and an offset would silently freeze it at one side of the change.
 */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || /^[+-]/.test(value)) return false;
  // Asked once per member by the weekly ledger: the answer for a name never changes, so it is remembered.
  const known = zoneAnswers.get(value);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(value);
    valid = true;
  } catch {
    valid = false;
  }
  if (zoneAnswers.size < 1000) zoneAnswers.set(value, valid);
  return valid;
}

const zoneAnswers = new Map<string, boolean>();
