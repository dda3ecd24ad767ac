import { Temporal } from 'temporal-polyfill';

/**
 * A payer's timely-filing limit, counted from the date of service: Medicare's is 12 months (one calendar year
 * after the date of service, 42 CFR 424.44(a)); commercial payers and Medicaid plans set days in their
 * contracts (90, 180, 365 are common).
 */
export type TimelyFilingLimit = { readonly months: number } | { readonly days: number };

/** The last day a claim for `serviceDate` may be filed (inclusive). */
export function lastFilingDay(serviceDate: Temporal.PlainDate, limit: TimelyFilingLimit): Temporal.PlainDate {
  return 'months' in limit
    ? serviceDate.add({ months: limit.months })
    : serviceDate.add({ days: limit.days });
}

export function isFiledInTime(
  serviceDate: Temporal.PlainDate,
  filedOn: Temporal.PlainDate,
  limit: TimelyFilingLimit,
): boolean {
  return Temporal.PlainDate.compare(filedOn, lastFilingDay(serviceDate, limit)) <= 0;
}
