import type { Temporal } from 'temporal-polyfill';
import { type AdjustmentGroup, adjustmentReasonText } from './adjustment-reasons';

export type Adjustment = {
  readonly group: AdjustmentGroup;
  readonly reason: string;
  readonly amountCents: number;
};

export type RemittedLine = {
  readonly code: string;
  readonly serviceDate?: Temporal.PlainDate;
  readonly chargeCents: number;
  readonly paidCents: number;
  readonly adjustments: readonly Adjustment[];
};

export type RemittedClaim = {
  readonly patientControlNumber: string;
  /** CLP02: 1–3 processed (primary, secondary, tertiary), 4 denied, 22 reversal of a previous payment. */
  readonly statusCode: string;
  readonly chargeCents: number;
  readonly paidCents: number;
  readonly patientResponsibilityCents: number;
  readonly payerClaimNumber: string;
  readonly adjustments: readonly Adjustment[];
  readonly lines: readonly RemittedLine[];
};

/** A claim line as billed, for matching: the 835 echoes the code, charge and date of each line. */
export type BilledLine = {
  readonly lineId: string;
  readonly code: string;
  readonly serviceDate: Temporal.PlainDate;
  readonly chargeCents: number;
};

export type LinePosting = {
  readonly lineId: string;
  readonly paidCents: number;
  /** CO + PI + OA: written off, never billed to the patient. */
  readonly writeOffCents: number;
  /** PR: moves to the patient's balance. */
  readonly patientResponsibilityCents: number;
  readonly adjustments: readonly (Adjustment & { readonly text: string })[];
  /** Nothing paid and a reason other than the contract or the patient's share: a denial to work. */
  readonly denial?: { readonly reason: string; readonly text: string };
};

export type RemittancePosting =
  | { readonly matched: true; readonly lines: readonly LinePosting[]; readonly reversal: boolean }
  | { readonly matched: false; readonly problem: string };

/** Reasons that explain an unpaid line without it being a denial: the contract, and the patient's share. */
const NOT_A_DENIAL = new Set(['45', '1', '2', '3']);

function sumBy(adjustments: readonly Adjustment[], groups: readonly AdjustmentGroup[]): number {
  return adjustments.filter((a) => groups.includes(a.group)).reduce((sum, a) => sum + a.amountCents, 0);
}

/**
 * Posts one remitted claim against the lines billed: each 835 service line is matched to a billed line by
 * code, date and charge (the guide has the payer echo them); claim-level adjustments go to the first line.
 * Signs follow the 835: a reversal (CLP02 22) carries negative amounts, which post as such.
 */
export function postRemittedClaim(billed: readonly BilledLine[], claim: RemittedClaim): RemittancePosting {
  const unmatched = [...billed];
  const postings: LinePosting[] = [];
  for (const line of claim.lines) {
    const at = unmatched.findIndex(
      (b) =>
        b.code === line.code &&
        Math.abs(b.chargeCents) === Math.abs(line.chargeCents) &&
        (!line.serviceDate || b.serviceDate.equals(line.serviceDate)),
    );
    const match = unmatched[at];
    if (!match) {
      return {
        matched: false,
        problem: `No billed line of claim ${claim.patientControlNumber} matches ${line.code} for ${line.chargeCents / 100}`,
      };
    }
    unmatched.splice(at, 1);
    const adjustments = [...line.adjustments, ...(postings.length === 0 ? claim.adjustments : [])];
    postings.push(posting(match.lineId, line.paidCents, adjustments));
  }
  if (claim.lines.length === 0) {
    // A claim denied as a whole may come back without service lines: the first billed line carries it.
    const first = billed[0];
    if (!first) return { matched: false, problem: `Claim ${claim.patientControlNumber} has no billed lines` };
    postings.push(posting(first.lineId, claim.paidCents, claim.adjustments));
  }
  return { matched: true, lines: postings, reversal: claim.statusCode === '22' };
}

function posting(lineId: string, paidCents: number, adjustments: readonly Adjustment[]): LinePosting {
  const denialReason =
    paidCents === 0 ? adjustments.find((a) => a.group !== 'PR' && !NOT_A_DENIAL.has(a.reason)) : undefined;
  return {
    lineId,
    paidCents,
    writeOffCents: sumBy(adjustments, ['CO', 'PI', 'OA']),
    patientResponsibilityCents: sumBy(adjustments, ['PR']),
    adjustments: adjustments.map((a) => ({ ...a, text: adjustmentReasonText(a.reason) })),
    ...(denialReason
      ? {
          denial: {
            reason: `${denialReason.group}-${denialReason.reason}`,
            text: adjustmentReasonText(denialReason.reason),
          },
        }
      : {}),
  };
}
