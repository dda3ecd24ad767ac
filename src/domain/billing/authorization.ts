import { Temporal } from 'temporal-polyfill';
import { type FieldError, InputError } from '../input-error';

/**
 * A payer's prior authorization for one episode and level of care: a number of units (days for a per diem,
 * sessions or 15-minute units for itemized codes) between two dates, both inclusive — payers write
 * "01/05–01/11" meaning the 11th is covered.
 */
export const AUTHORIZATION_STATUSES = [
  'requested',
  'approved',
  'partially_approved',
  'denied',
  'expired',
] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

export type Authorization = {
  readonly status: AuthorizationStatus;
  readonly from: Temporal.PlainDate;
  readonly through: Temporal.PlainDate;
  readonly unitsApproved: number;
  readonly serviceCodes: readonly string[];
};

/** Why an authorization does not cover a service, by name (the claim scrubber shows these). */
export type AuthorizationGap =
  | 'not_approved'
  | 'before_start'
  | 'after_end'
  | 'code_not_authorized'
  | 'units_exhausted';

export type AuthorizationStanding =
  | { covers: true; unitsRemainingAfter: number }
  | { covers: false; gap: AuthorizationGap; unitsRemaining: number };

/**
 * Whether `authorization` covers `units` more of `code` on `date`, given the units already used (counted from
 * charges, never typed in). Only approved and partially approved authorizations cover anything.
 */
export function authorizationCovers(
  authorization: Authorization,
  service: { date: Temporal.PlainDate; code: string; units: number },
  unitsUsed: number,
): AuthorizationStanding {
  const unitsRemaining = Math.max(0, authorization.unitsApproved - unitsUsed);
  const gap = ((): AuthorizationGap | null => {
    if (authorization.status !== 'approved' && authorization.status !== 'partially_approved')
      return 'not_approved';
    if (Temporal.PlainDate.compare(service.date, authorization.from) < 0) return 'before_start';
    if (Temporal.PlainDate.compare(service.date, authorization.through) > 0) return 'after_end';
    if (!authorization.serviceCodes.includes(service.code)) return 'code_not_authorized';
    if (service.units > unitsRemaining) return 'units_exhausted';
    return null;
  })();
  return gap === null
    ? { covers: true, unitsRemainingAfter: unitsRemaining - service.units }
    : { covers: false, gap, unitsRemaining };
}

export type AuthorizationAlert = 'expires_soon' | 'units_low';

/**
 * What billing and the care team should hear about before it becomes a denial: the end date within
 * `daysAhead` days (inclusive of today), or `unitsLowAt` units or fewer left. Defaults are ours: a
 * continued-stay review every 5–7 days is common, so three days' notice leaves time to request more.
 */
export function authorizationAlerts(
  authorization: Authorization,
  today: Temporal.PlainDate,
  unitsUsed: number,
  { daysAhead = 3, unitsLowAt = 2 }: { daysAhead?: number; unitsLowAt?: number } = {},
): AuthorizationAlert[] {
  if (authorization.status !== 'approved' && authorization.status !== 'partially_approved') return [];
  if (Temporal.PlainDate.compare(today, authorization.through) > 0) return [];
  const alerts: AuthorizationAlert[] = [];
  const daysLeft = today.until(authorization.through, { largestUnit: 'days' }).days;
  if (daysLeft <= daysAhead) alerts.push('expires_soon');
  if (authorization.unitsApproved - unitsUsed <= unitsLowAt) alerts.push('units_low');
  return alerts;
}

/** An authorization as recorded, for the checks a new one or a change passes. */
export type RecordedAuthorization = Authorization & {
  readonly id?: string;
  readonly episodeId: string;
  readonly authorizationNumber: string | null;
};

/** Statuses under which the payer has granted units. */
const GRANTED: readonly AuthorizationStatus[] = ['approved', 'partially_approved'];

/**
 * Checks an authorization before it is saved, every problem at once:
 * - the last day is on or after the first;
 * - a granted authorization (approved, partially approved) carries the payer's number and at least one unit;
 *   a denied or requested one grants none;
 * - units granted are not fewer than the units charges have already used;
 * - two authorizations of one episode that could both pay a charge (not denied, a service code in common) may
 *   not cover the same day, or a charge would have two ledgers to draw from.
 * @throws InputError naming the request's fields.
 */
export function assertAuthorization(
  candidate: RecordedAuthorization,
  others: readonly RecordedAuthorization[],
  unitsUsed = 0,
): void {
  const fields: FieldError[] = [];
  if (Temporal.PlainDate.compare(candidate.through, candidate.from) < 0) {
    fields.push({ path: 'through', message: 'must be on or after the first day' });
  }
  const granted = GRANTED.includes(candidate.status);
  if (granted && !candidate.authorizationNumber) {
    fields.push({ path: 'authorizationNumber', message: "the payer's authorization number is required" });
  }
  if (granted && candidate.unitsApproved < 1) {
    fields.push({ path: 'unitsApproved', message: 'an approval grants at least 1 unit' });
  } else if (!granted && candidate.status !== 'expired' && candidate.unitsApproved !== 0) {
    fields.push({ path: 'unitsApproved', message: `a ${candidate.status} authorization grants no units` });
  } else if (candidate.unitsApproved < unitsUsed) {
    fields.push({ path: 'unitsApproved', message: `charges already use ${unitsUsed} units` });
  }
  const clash =
    candidate.status === 'denied'
      ? undefined
      : others.find(
          (o) =>
            o.id !== candidate.id &&
            o.episodeId === candidate.episodeId &&
            o.status !== 'denied' &&
            o.serviceCodes.some((code) => candidate.serviceCodes.includes(code)) &&
            Temporal.PlainDate.compare(o.from, candidate.through) <= 0 &&
            Temporal.PlainDate.compare(candidate.from, o.through) <= 0,
        );
  if (clash) {
    fields.push({
      path: 'from',
      message: `overlaps authorization ${clash.authorizationNumber ?? '(requested)'} (${clash.from} to ${clash.through}) for the same service`,
    });
  }
  if (fields.length > 0) throw new InputError(fields, 'authorization_invalid');
}
