/*
 * Every query key of the revenue cycle, in one place: a read uses these, and the mutation that changes the
 * data invalidates the same key (billing-mutations.ts), so no save refreshes a key nobody reads.
 */
export const billingKeys = {
  payers: ['payers'] as const,
  feeSchedule: ['fee-schedule'] as const,
  provider: (siteId: string | undefined) => ['sites', siteId, 'billing-provider'] as const,
  /** Every page and filter of the site's charge queue: what a review or a generation changes. */
  charges: (siteId: string | undefined) => ['sites', siteId, 'charges'] as const,
  chargePage: (siteId: string | undefined, filter: ChargeFilter, page: number) =>
    [...billingKeys.charges(siteId), filter, page] as const,
};

/** A patient's side of the revenue cycle: coverages and authorizations (units used come from charges). */
export const patientBillingKeys = {
  coverages: (patientId: string | undefined) => ['patients', patientId, 'coverages'] as const,
  authorizations: (patientId: string | undefined) => ['patients', patientId, 'authorizations'] as const,
};

export type ChargeFilter = {
  status: string;
  programId: string;
  from: string;
  through: string;
};
