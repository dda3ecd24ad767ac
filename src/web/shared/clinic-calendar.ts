import { Temporal } from 'temporal-polyfill';
import { ageOn } from '../../domain/episodes/age-rules';

/*
 * The one place in the web app that turns "now" into a calendar day. A clinical day (admission, discharge,
 * review, enrolment, "this week", age) is the day at the patient's site or the program, never the browser's:
 * a clinician doing telehealth from another state, a billing office in another zone or a director looking at
 * several sites must see and send the day the server checks against (the server's `siteToday`). The lint
 * plugin lint/zone-less-today.grit refuses a zone-less today anywhere else in src/web.
 */

/** Today at a clinic in `timeZone` (an IANA zone such as `America/Chicago`). */
export function clinicToday(
  timeZone: string,
  now: Temporal.Instant = Temporal.Now.instant(),
): Temporal.PlainDate {
  return now.toZonedDateTimeISO(timeZone).toPlainDate();
}

/** Today at a clinic as `YYYY-MM-DD`, the value of a date input. */
export function clinicTodayIso(timeZone: string, now?: Temporal.Instant): string {
  return clinicToday(timeZone, now).toString();
}

/** A day `days` after (or before, when negative) the clinic's today, as `YYYY-MM-DD`. */
export function clinicDayInDays(timeZone: string, days: number, now?: Temporal.Instant): string {
  return clinicToday(timeZone, now).add({ days }).toString();
}

/**
 * Whole years on `today` for a `YYYY-MM-DD` birth date, by the domain's rule (the one the server applies to
 * adolescent placement); null while the date is incomplete or after today.
 */
export function ageOnDay(dateOfBirth: string, today: Temporal.PlainDate): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null;
  let birth: Temporal.PlainDate;
  try {
    birth = Temporal.PlainDate.from(dateOfBirth, { overflow: 'reject' });
  } catch {
    return null;
  }
  return Temporal.PlainDate.compare(birth, today) > 0 ? null : ageOn(birth, today);
}
