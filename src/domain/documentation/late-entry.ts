import { Temporal } from 'temporal-polyfill';

/** A note signed more than 72 hours after its session ended is a late entry (configurable). */
export const LATE_ENTRY_HOURS = 72;

/** The moment after which signing makes the note a late entry. */
export function lateEntryDeadline(serviceEnd: Temporal.Instant, hours = LATE_ENTRY_HOURS): Temporal.Instant {
  return serviceEnd.add({ hours });
}

/** True when the note is signed strictly more than `hours` after the service ended (exactly 72 h is on time). */
export function isLateEntry(
  serviceEnd: Temporal.Instant,
  signedAt: Temporal.Instant,
  hours = LATE_ENTRY_HOURS,
): boolean {
  return Temporal.Instant.compare(signedAt, lateEntryDeadline(serviceEnd, hours)) > 0;
}
