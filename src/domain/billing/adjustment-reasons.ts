/**
 * Claim adjustment group codes (X12 835 CAS01) and the reason codes (CARC, CAS02) an IOP sees most. The
 * codes are maintained by X12's code committee (x12.org/codes/claim-adjustment-reason-codes); the words here
 * are our own short explanations for billing staff, not the committee's text.
 */
export const ADJUSTMENT_GROUPS = {
  CO: 'Contractual obligation: the clinic writes it off, the patient is not billed',
  PR: 'Patient responsibility: billed to the patient',
  OA: 'Other adjustment',
  PI: 'Payer-initiated reduction',
  CR: 'Correction or reversal',
} as const;
export type AdjustmentGroup = keyof typeof ADJUSTMENT_GROUPS;

const REASONS: Readonly<Record<string, string>> = {
  '1': 'Deductible',
  '2': 'Coinsurance',
  '3': 'Copay',
  '4': 'The procedure code and modifier do not go together',
  '16': 'The claim lacks information the payer needs',
  '18': 'Duplicate of a claim or line already processed',
  '22': 'Another payer may be primary (coordination of benefits)',
  '23': 'Reduced by what an earlier payer paid',
  '27': 'Coverage had ended before the service',
  '29': 'Filed after the payer\u2019s time limit',
  '45': 'Charge above the contracted fee',
  '50': 'The payer does not consider the service medically necessary',
  '96': 'The service is not covered',
  '97': 'Paid as part of another service on the claim',
  '119': 'The benefit maximum for the period has been reached',
  '151': 'Units or frequency above what the payer allows',
  '167': 'The diagnosis is not covered',
  '197': 'No prior authorization, precertification or notification',
  '198': 'Authorization exceeded',
  '204': 'Not covered under the patient\u2019s current benefit plan',
  '242': 'Services not provided by network or primary care providers',
};

/** Our words for a reason code, or the code itself when we have none yet. */
export function adjustmentReasonText(code: string): string {
  return REASONS[code] ?? `Reason code ${code}`;
}

export function isAdjustmentGroup(value: string): value is AdjustmentGroup {
  return Object.hasOwn(ADJUSTMENT_GROUPS, value);
}
