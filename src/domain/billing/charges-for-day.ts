import type { Temporal } from 'temporal-polyfill';
import { QUALIFYING_DAY_MINUTES } from '../dose/weekly-dose';

/**
 * How a payer wants an IOP day billed (one of three, set per payer and program):
 * - `per_diem`: one line a qualifying day — H0015 for a substance-use IOP (a day of at least 3 hours, HCPCS
 *   Level II), S9480 for a psychiatric IOP — with revenue code 0906 (chemical dependency IOP) or 0905
 *   (psychiatric IOP) when the claim is institutional (837I).
 * - `medicare_iop`: Medicare's IOP benefit (CY 2024 OPPS final rule): every service a line with its revenue code
 *   and HCPCS code; Medicare pays a per diem by the count of services that day — one rate for 3, another for 4
 *   or more — and a day with fewer than 3 is not an IOP day.
 * - `itemized`: each service its own professional code on an 837P (90853 group, 90832/90834/90837 individual,
 *   90847 family, H0005 group counselling, 80305–80307 drug test…), as many commercial payers ask.
 */
export type BillingMethod =
  | { readonly kind: 'per_diem'; readonly hcpcs: 'H0015' | 'S9480'; readonly revenueCode?: '0905' | '0906' }
  | { readonly kind: 'medicare_iop'; readonly revenueCode: '0905' | '0906' }
  | { readonly kind: 'itemized' };

export type DayService = {
  readonly serviceId: string;
  /** The HCPCS/CPT code the documentation supports (the note's code, or the drug test's). */
  readonly code: string;
  readonly minutes: number;
  /** A signed note for a therapy service, a result for a drug test: no documentation, no charge. */
  readonly documented: boolean;
};

export type BillableDay = {
  readonly date: Temporal.PlainDate;
  /** Minutes attended that day from the locked rosters (the dose ledger's figure). */
  readonly attendedMinutes: number;
  /** Every roster of the day is locked: the per diem rests on attendance nobody can still change. */
  readonly rostersLocked: boolean;
  readonly services: readonly DayService[];
};

export type ChargeLine = {
  readonly date: Temporal.PlainDate;
  readonly code: string;
  readonly revenueCode?: string;
  readonly units: number;
  readonly serviceIds: readonly string[];
};

export type NoChargeReason =
  | 'undocumented'
  | 'roster_not_locked'
  | 'day_under_3_hours'
  | 'fewer_than_3_services'
  | 'drug_test_already_billed_that_day';

export type DayCharges = {
  readonly lines: readonly ChargeLine[];
  /** Medicare's payment tier for the day, when billed as a Medicare IOP day. */
  readonly medicareTier?: 'three_services' | 'four_or_more_services';
  /** What made no charge, and why, for the charge queue. */
  readonly noCharge: readonly { readonly serviceId?: string; readonly reason: NoChargeReason }[];
};

/**
 * Presumptive drug screens: one of 80305, 80306 or 80307 per date of service whatever the number of tests
 * (CPT instructions; CMS NCCI policy manual ch. XI) — the most complex method of the day is kept.
 */
const DRUG_SCREEN_CODES: readonly string[] = ['80305', '80306', '80307'];

function oneDrugScreenPerDay(services: readonly DayService[]): {
  kept: DayService[];
  dropped: DayService[];
} {
  const screens = services.filter((s) => DRUG_SCREEN_CODES.includes(s.code));
  const highest = [...screens].sort(
    (a, b) => DRUG_SCREEN_CODES.indexOf(b.code) - DRUG_SCREEN_CODES.indexOf(a.code),
  )[0];
  return {
    kept: services.filter((s) => !DRUG_SCREEN_CODES.includes(s.code) || s === highest),
    dropped: screens.filter((s) => s !== highest),
  };
}

/** The charges one day of one patient's record supports under `method`. */
export function chargesForDay(day: BillableDay, method: BillingMethod): DayCharges {
  const noCharge: { serviceId?: string; reason: NoChargeReason }[] = [];
  const documented = day.services.filter((service) => {
    if (!service.documented) noCharge.push({ serviceId: service.serviceId, reason: 'undocumented' });
    return service.documented;
  });
  const { kept, dropped } = oneDrugScreenPerDay(documented);
  for (const service of dropped) {
    noCharge.push({ serviceId: service.serviceId, reason: 'drug_test_already_billed_that_day' });
  }

  if (method.kind === 'per_diem') {
    if (!day.rostersLocked) return { lines: [], noCharge: [...noCharge, { reason: 'roster_not_locked' }] };
    if (day.attendedMinutes < QUALIFYING_DAY_MINUTES) {
      return { lines: [], noCharge: [...noCharge, { reason: 'day_under_3_hours' }] };
    }
    const line: ChargeLine = {
      date: day.date,
      code: method.hcpcs,
      ...(method.revenueCode ? { revenueCode: method.revenueCode } : {}),
      units: 1,
      serviceIds: kept.map((s) => s.serviceId),
    };
    return { lines: [line], noCharge };
  }

  const lines: ChargeLine[] = kept.map((service) => ({
    date: day.date,
    code: service.code,
    ...(method.kind === 'medicare_iop' ? { revenueCode: method.revenueCode } : {}),
    units: 1,
    serviceIds: [service.serviceId],
  }));
  if (method.kind === 'itemized') return { lines, noCharge };
  if (lines.length < 3) return { lines: [], noCharge: [...noCharge, { reason: 'fewer_than_3_services' }] };
  return { lines, medicareTier: lines.length >= 4 ? 'four_or_more_services' : 'three_services', noCharge };
}
