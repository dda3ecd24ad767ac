import { Temporal } from 'temporal-polyfill';

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
