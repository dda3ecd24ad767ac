import { Temporal } from 'temporal-polyfill';

/**
 * Medicare IOP: a physician certifies that the patient needs at least 9 hours a week of therapeutic services,
 * and recertifies "no less frequently than every other month" (Social Security Act §1835(a)(2)(F) as amended by
 * the Consolidated Appropriations Act, 2023 §4124; 42 CFR 424.24(d), CY 2024 OPPS final rule). We read every
 * other month as 60 days: a certification signed on day 0 covers services through day 60, and day 61 needs a
 * recertification. A service before the first certification is not covered.
 */
export const MEDICARE_IOP_RECERTIFY_DAYS = 60;
export const MEDICARE_IOP_MINIMUM_WEEKLY_HOURS = 9;

export type CertificationStanding =
  | { certified: true; certifiedOn: Temporal.PlainDate; recertifyBy: Temporal.PlainDate }
  | { certified: false; reason: 'never_certified' | 'lapsed'; lastCertifiedOn?: Temporal.PlainDate };

/** The certification in force on `serviceDate`, from the dates the physician signed (any order). */
export function certificationOn(
  signedOn: readonly Temporal.PlainDate[],
  serviceDate: Temporal.PlainDate,
): CertificationStanding {
  const before = signedOn
    .filter((date) => Temporal.PlainDate.compare(date, serviceDate) <= 0)
    .sort(Temporal.PlainDate.compare);
  const latest = before.at(-1);
  if (!latest) return { certified: false, reason: 'never_certified' };
  const recertifyBy = latest.add({ days: MEDICARE_IOP_RECERTIFY_DAYS });
  if (Temporal.PlainDate.compare(serviceDate, recertifyBy) > 0) {
    return { certified: false, reason: 'lapsed', lastCertifiedOn: latest };
  }
  return { certified: true, certifiedOn: latest, recertifyBy };
}
