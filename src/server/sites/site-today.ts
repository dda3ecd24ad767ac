import { Temporal } from 'temporal-polyfill';
import type { Tx } from '../platform/db/database';
import { siteTimeZone } from './sites.store';

/** The calendar day at the site: clinical dates (birth, admission, review) are the clinic's local days. */
export async function siteToday(tx: Tx, siteId: string, now: Date): Promise<Temporal.PlainDate> {
  const zone = await siteTimeZone(tx, siteId);
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
}

/** The first instant of a calendar day at the site (midnight there, or the first moment after a DST gap). */
export async function siteDayStart(tx: Tx, siteId: string, day: string): Promise<Date> {
  const zone = await siteTimeZone(tx, siteId);
  return new Date(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: zone }).epochMilliseconds);
}
