import { Temporal } from 'temporal-polyfill';
import { type Authorization, type AuthorizationGap, authorizationCovers } from './authorization';
import type { ChargeLine } from './charges-for-day';
import { certificationOn } from './medicare-certification';
import { npiProblem } from './npi';
import { isFiledInTime, lastFilingDay, type TimelyFilingLimit } from './timely-filing';

/**
 * Everything the scrubber needs to know about one charge before it goes on a claim. The server gathers it
 * from the record; the rules here decide. Each failure blocks the charge and says why in words billing staff
 * act on — most behavioral-health denials are preventable: no or exhausted authorization, units that do not
 * match, missing codes, a service without its note.
 */
export type ChargeUnderReview = {
  readonly line: ChargeLine;
  readonly today: Temporal.PlainDate;
  readonly coverage: { readonly from: Temporal.PlainDate; readonly through?: Temporal.PlainDate } | null;
  readonly payer: {
    readonly authorizationRequired: boolean;
    readonly medicare: boolean;
    readonly timelyFiling: TimelyFilingLimit;
  };
  readonly authorization: Authorization | null;
  /** Units of this authorization already used by other charges (counted, not typed). */
  readonly authorizationUnitsUsed: number;
  /** Every service behind the line has its signed note (or locked roster, for a per diem). */
  readonly documented: boolean;
  readonly diagnosisCodes: readonly string[];
  readonly billingNpi?: string;
  readonly billingTaxonomy?: string;
  readonly renderingNpi?: string;
  readonly medicareCertificationsSignedOn: readonly Temporal.PlainDate[];
  /** A charge for the same patient, date, code and payer is already on a claim that was not voided. */
  readonly duplicateOfBilled: boolean;
  /** The patient paid for this service and asked that the insurer not be billed (HIPAA right to restrict, 45 CFR 164.522(a)(1)(vi)). */
  readonly patientPaysPrivately: boolean;
};

export const SCRUB_REASONS = [
  'coverage_not_active',
  'no_authorization',
  'authorization_not_approved',
  'outside_authorization_dates',
  'code_not_authorized',
  'authorization_units_exhausted',
  'not_documented',
  'no_diagnosis',
  'billing_npi_missing',
  'billing_npi_invalid',
  'billing_taxonomy_missing',
  'rendering_npi_invalid',
  'medicare_certification_missing',
  'medicare_certification_lapsed',
  'duplicate_of_billed_charge',
  'timely_filing_passed',
  'patient_pays_privately',
] as const;
export type ScrubReason = (typeof SCRUB_REASONS)[number];

export type ScrubFailure = { readonly reason: ScrubReason; readonly message: string };

const GAP_REASON: Readonly<Record<AuthorizationGap, ScrubReason>> = {
  not_approved: 'authorization_not_approved',
  before_start: 'outside_authorization_dates',
  after_end: 'outside_authorization_dates',
  code_not_authorized: 'code_not_authorized',
  units_exhausted: 'authorization_units_exhausted',
};

function within(date: Temporal.PlainDate, from: Temporal.PlainDate, through?: Temporal.PlainDate): boolean {
  return (
    Temporal.PlainDate.compare(date, from) >= 0 &&
    (!through || Temporal.PlainDate.compare(date, through) <= 0)
  );
}

/** Every reason the charge would be denied, in the order billing would fix them; empty means clean. */
export function scrubCharge(charge: ChargeUnderReview): ScrubFailure[] {
  const { line } = charge;
  const failures: ScrubFailure[] = [];
  const fail = (reason: ScrubReason, message: string) => failures.push({ reason, message });

  if (charge.patientPaysPrivately) {
    fail(
      'patient_pays_privately',
      'The patient paid for this service and asked that the insurer not be billed.',
    );
  }
  if (!charge.coverage || !within(line.date, charge.coverage.from, charge.coverage.through)) {
    fail('coverage_not_active', `No coverage is active on ${line.date}.`);
  }
  if (charge.payer.authorizationRequired) {
    if (!charge.authorization)
      fail('no_authorization', 'The payer requires an authorization and none is recorded.');
    else {
      const standing = authorizationCovers(
        charge.authorization,
        { date: line.date, code: line.code, units: line.units },
        charge.authorizationUnitsUsed,
      );
      if (!standing.covers)
        fail(GAP_REASON[standing.gap], authorizationMessage(standing.gap, charge.authorization));
    }
  }
  if (!charge.documented)
    fail('not_documented', 'A service on this line has no signed note or locked roster.');
  if (charge.diagnosisCodes.length === 0)
    fail('no_diagnosis', 'The episode has no diagnosis to put on the claim.');
  const billingNpiProblem = charge.billingNpi ? npiProblem(charge.billingNpi) : null;
  if (!charge.billingNpi) fail('billing_npi_missing', "The billing provider's NPI is not set up.");
  else if (billingNpiProblem) fail('billing_npi_invalid', `Billing NPI: ${billingNpiProblem}.`);
  if (!charge.billingTaxonomy)
    fail('billing_taxonomy_missing', "The billing provider's taxonomy code is not set up.");
  const renderingNpiProblem = charge.renderingNpi ? npiProblem(charge.renderingNpi) : null;
  if (renderingNpiProblem) fail('rendering_npi_invalid', `Rendering NPI: ${renderingNpiProblem}.`);
  if (charge.payer.medicare) {
    const standing = certificationOn(charge.medicareCertificationsSignedOn, line.date);
    if (!standing.certified && standing.reason === 'never_certified') {
      fail(
        'medicare_certification_missing',
        'No physician certification of the need for IOP covers this date.',
      );
    } else if (!standing.certified) {
      fail(
        'medicare_certification_lapsed',
        `The physician certification of ${standing.lastCertifiedOn} lapsed before ${line.date}; a recertification is needed.`,
      );
    }
  }
  if (charge.duplicateOfBilled) fail('duplicate_of_billed_charge', 'The same service is already on a claim.');
  if (!isFiledInTime(line.date, charge.today, charge.payer.timelyFiling)) {
    fail(
      'timely_filing_passed',
      `The payer's filing limit for this date ended on ${lastFilingDay(line.date, charge.payer.timelyFiling)}.`,
    );
  }
  return failures;
}

function authorizationMessage(gap: AuthorizationGap, authorization: Authorization): string {
  switch (gap) {
    case 'not_approved':
      return `The authorization is ${authorization.status.replace('_', ' ')}, not approved.`;
    case 'before_start':
    case 'after_end':
      return `The service date is outside the authorization (${authorization.from} to ${authorization.through}).`;
    case 'code_not_authorized':
      return 'The authorization does not cover this service code.';
    case 'units_exhausted':
      return 'The authorization has no units left.';
  }
}
