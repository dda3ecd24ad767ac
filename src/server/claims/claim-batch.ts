import type { Temporal } from 'temporal-polyfill';

/**
 * One batch of claims for one payer, as the X12 5010 837 needs it. The claims feature assembles it from the
 * record (billing setup, coverage, authorization, charges that passed the scrubber); build-837.ts only lays
 * it out. Amounts are whole cents; codes are stored codes (ICD-10-CM without the dot is applied here).
 */
export type Address = { line1: string; line2?: string; city: string; state: string; postalCode: string };

export type Person = { lastName: string; firstName: string; middleName?: string };

export type ClaimLine = {
  serviceDate: Temporal.PlainDate;
  /** HCPCS/CPT code (H0015, 90853 …). */
  code: string;
  modifiers?: string[];
  /** 837I: the revenue code of the line (0905, 0906 …). */
  revenueCode?: string;
  chargeCents: number;
  units: number;
  /** 837P: which of the claim's diagnoses (1-based) the line is for. */
  diagnosisPointers?: number[];
};

export type Claim = {
  /** CLM01, echoed back on the 835 (CLP01): how remittances find their claim. */
  patientControlNumber: string;
  subscriber: Person & {
    memberId: string;
    groupNumber?: string;
    dateOfBirth: Temporal.PlainDate;
    sex: 'M' | 'F' | 'U';
    address: Address;
  };
  /** The patient when not the subscriber, with the relationship code of PAT01 (01 spouse, 19 child …). */
  patient?: Person & {
    relationship: string;
    dateOfBirth: Temporal.PlainDate;
    sex: 'M' | 'F' | 'U';
    address: Address;
  };
  payerResponsibility: 'P' | 'S' | 'T';
  /** 1 original, 7 replacement, 8 void (CLM05-3). */
  frequency: '1' | '7' | '8';
  /** The payer's claim number being replaced or voided (REF*F8), required for 7 and 8. */
  originalClaimNumber?: string;
  /** ICD-10-CM codes, principal first. */
  diagnosisCodes: string[];
  priorAuthorization?: string;
  /** 837P: the place of service (02, 10, 11, 52 …). */
  placeOfService?: string;
  /** 837I: the first two digits of the bill type (13 hospital outpatient, 76 CMHC …). */
  facilityTypeCode?: string;
  /** 837I: condition codes (92 identifies a Medicare IOP claim). */
  conditionCodes?: string[];
  /** 837I: the statement period. */
  statementFrom?: Temporal.PlainDate;
  statementThrough?: Temporal.PlainDate;
  /** 837I: patient status (30 still a patient, 01 discharged home). */
  patientStatus?: string;
  /** 837P: rendering provider (2310B); 837I: attending provider (2310A). */
  provider?: Person & { npi: string };
  lines: ClaimLine[];
};

export type ClaimBatch = {
  claimType: '837P' | '837I';
  /** ISA13 / GS06 / ST02 come from here: unique per submitter, never reused. */
  interchangeControlNumber: number;
  createdAt: Temporal.PlainDateTime;
  usage: 'P' | 'T';
  submitter: { name: string; id: string; contactName: string; contactPhone: string };
  receiver: { name: string; id: string };
  billingProvider: { name: string; npi: string; taxId: string; taxonomy: string; address: Address };
  payer: { name: string; id: string; claimFilingIndicator: string };
  claims: Claim[];
};
