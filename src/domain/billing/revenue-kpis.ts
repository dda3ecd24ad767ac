import { Temporal } from 'temporal-polyfill';

/**
 * A/R aging and claim KPIs from claims, their lines and what remittances posted to them. Pure: the server
 * reads the claims and passes the dates in the site's zone. Money is integer cents; a rate is a fraction
 * (0.25 = 25 %) or null when its denominator is zero (no claims is "no figure", never NaN or 0).
 */

/** Aging buckets in days from the claim's first date of service to the as-of date (both calendar days). */
export const AGING_BUCKETS = [
  { key: 'days0to30', label: '0–30', upTo: 30 },
  { key: 'days31to60', label: '31–60', upTo: 60 },
  { key: 'days61to90', label: '61–90', upTo: 90 },
  { key: 'days91to120', label: '91–120', upTo: 120 },
  { key: 'over120', label: '>120', upTo: Number.POSITIVE_INFINITY },
] as const;
export type AgingBucketKey = (typeof AGING_BUCKETS)[number]['key'];
export type AgingBuckets = Record<AgingBucketKey, number>;

/** Days in A/R looks back this many days of charges. */
export const DAYS_IN_AR_LOOKBACK = 90;

/** The bucket of an age in days (0 = served on the as-of date). */
export function agingBucket(ageDays: number): AgingBucketKey {
  if (!Number.isInteger(ageDays) || ageDays < 0) throw new RangeError(`Not an age in days: ${ageDays}`);
  return AGING_BUCKETS.find((b) => ageDays <= b.upTo)!.key;
}

/** numerator ÷ denominator, or null when the denominator is zero or less (nothing to measure against). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Clean-claim rate: claims paid on first submission with no denial or correction ÷ claims submitted. */
export const cleanClaimRate = (clean: number, submitted: number) => rate(clean, submitted);

/** Denial rate: claims with a denied line ÷ claims adjudicated (by count, or by their charges in cents). */
export const denialRate = (denied: number, adjudicated: number) => rate(denied, adjudicated);

/**
 * Days in A/R = total open A/R ÷ average daily charges, the average taken over the 90 days through the as-of
 * date (charges billed for services in those days ÷ 90).
 */
export function daysInAr(
  openCents: number,
  chargesInLookbackCents: number,
  lookbackDays = DAYS_IN_AR_LOOKBACK,
) {
  const daily = chargesInLookbackCents / lookbackDays;
  return daily > 0 ? openCents / daily : null;
}

/** Net collection rate = payments ÷ (charges − contractual adjustments). */
export const netCollectionRate = (paymentsCents: number, chargesCents: number, contractualCents: number) =>
  rate(paymentsCents, chargesCents - contractualCents);

/** What one remittance posted to one billed line. */
export type ReportPosting = {
  readonly postedOn: Temporal.PlainDate;
  readonly paidCents: number;
  /** CO + PI + OA written off by the remittance (for a denied line, the denied amount). */
  readonly writeOffCents: number;
  readonly patientResponsibilityCents: number;
  /** CO adjustments of a line that was not denied: the contract's write-down. */
  readonly contractualCents: number;
  /** A denial and its work, or null; `settledOn` is when the work status was last set. */
  readonly denial: {
    readonly reason: string;
    readonly text: string;
    readonly status: 'open' | 'appealed' | 'rebilled' | 'written_off';
    readonly settledOn: Temporal.PlainDate;
  } | null;
};

export type ReportLine = {
  readonly serviceDate: Temporal.PlainDate;
  readonly chargeCents: number;
  readonly postings: readonly ReportPosting[];
};

export type ReportClaim = {
  readonly payerId: string;
  readonly submittedOn: Temporal.PlainDate;
  /** A corrected/void claim (frequency 7/8) or one carrying a charge billed on an earlier claim. */
  readonly resubmission: boolean;
  /** The payer took back what it paid (a reversal). */
  readonly reversed: boolean;
  readonly lines: readonly ReportLine[];
};

type LineBalance = { payerOpenCents: number; patientResponsibilityCents: number };

const before = (a: Temporal.PlainDate, b: Temporal.PlainDate) => Temporal.PlainDate.compare(a, b) <= 0;
const postedBy = (line: ReportLine, asOf: Temporal.PlainDate) =>
  line.postings.filter((p) => before(p.postedOn, asOf));

/**
 * A line's open balance on a day: billed − paid − adjustments, the patient's share (PR) apart. A denial
 * still being worked (open, appealed) stays owed by the payer: its CO/OA amount is not written off until
 * billing writes it off; a rebilled line is carried by the claim it was rebilled on, so it is closed here.
 */
export function lineBalance(line: ReportLine, asOf: Temporal.PlainDate): LineBalance {
  const postings = postedBy(line, asOf);
  const statusOn = (p: ReportPosting) =>
    p.denial && before(p.denial.settledOn, asOf) ? p.denial.status : p.denial ? 'open' : null;
  if (postings.some((p) => statusOn(p) === 'rebilled'))
    return { payerOpenCents: 0, patientResponsibilityCents: 0 };
  let open = line.chargeCents;
  let patient = 0;
  for (const p of postings) {
    const working = statusOn(p) === 'open' || statusOn(p) === 'appealed';
    open -= p.paidCents + p.patientResponsibilityCents + (working ? 0 : p.writeOffCents);
    patient += p.patientResponsibilityCents;
  }
  return { payerOpenCents: open, patientResponsibilityCents: patient };
}

const emptyBuckets = (): AgingBuckets => ({
  days0to30: 0,
  days31to60: 0,
  days61to90: 0,
  days91to120: 0,
  over120: 0,
});

export type AgingRow = {
  payerId: string;
  claims: number;
  buckets: AgingBuckets;
  payerOpenCents: number;
  patientResponsibilityCents: number;
};

/**
 * A/R aging on a day: each claim submitted by then with money still open, aged from its first date of
 * service, by payer (payers with the most open first) and in total.
 */
export function arAging(claims: readonly ReportClaim[], asOf: Temporal.PlainDate) {
  const byPayer = new Map<string, AgingRow>();
  for (const claim of claims) {
    if (!before(claim.submittedOn, asOf) || claim.lines.length === 0) continue;
    const balances = claim.lines.map((l) => lineBalance(l, asOf));
    const open = balances.reduce((s, b) => s + b.payerOpenCents, 0);
    const patient = balances.reduce((s, b) => s + b.patientResponsibilityCents, 0);
    if (open === 0 && patient === 0) continue;
    const firstService = claim.lines.map((l) => l.serviceDate).reduce((a, b) => (before(a, b) ? a : b));
    const age = Math.max(0, firstService.until(asOf, { largestUnit: 'days' }).days);
    const row = byPayer.get(claim.payerId) ?? {
      payerId: claim.payerId,
      claims: 0,
      buckets: emptyBuckets(),
      payerOpenCents: 0,
      patientResponsibilityCents: 0,
    };
    row.claims += 1;
    row.buckets[agingBucket(age)] += open;
    row.payerOpenCents += open;
    row.patientResponsibilityCents += patient;
    byPayer.set(claim.payerId, row);
  }
  const payers = [...byPayer.values()].sort((a, b) => b.payerOpenCents - a.payerOpenCents);
  const total: Omit<AgingRow, 'payerId'> = {
    claims: 0,
    buckets: emptyBuckets(),
    payerOpenCents: 0,
    patientResponsibilityCents: 0,
  };
  for (const row of payers) {
    total.claims += row.claims;
    total.payerOpenCents += row.payerOpenCents;
    total.patientResponsibilityCents += row.patientResponsibilityCents;
    for (const b of AGING_BUCKETS) total.buckets[b.key] += row.buckets[b.key];
  }
  return { payers, total };
}

export type ClaimKpis = {
  claimsSubmitted: number;
  cleanClaims: number;
  cleanClaimRate: number | null;
  claimsAdjudicated: number;
  claimsDenied: number;
  denialRate: number | null;
  adjudicatedCents: number;
  deniedCents: number;
  denialRateByDollar: number | null;
  openArCents: number;
  chargesLast90DaysCents: number;
  daysInAr: number | null;
  chargesCents: number;
  paymentsCents: number;
  contractualCents: number;
  netCollectionRate: number | null;
  denialReasons: { reason: string; text: string; lines: number; cents: number }[];
};

/**
 * Claim KPIs for claims submitted from `from` through `to`, with what was posted to them by `to`. Days in A/R
 * takes all open A/R on `to` (payer and patient share) over the charges of the 90 days through `to`.
 */
export function claimKpis(
  claims: readonly ReportClaim[],
  period: { from: Temporal.PlainDate; to: Temporal.PlainDate },
): ClaimKpis {
  const { from, to } = period;
  const cohort = claims.filter((c) => before(from, c.submittedOn) && before(c.submittedOn, to));
  let clean = 0;
  let adjudicated = 0;
  let denied = 0;
  let adjudicatedCents = 0;
  let deniedCents = 0;
  let chargesCents = 0;
  let paymentsCents = 0;
  let contractualCents = 0;
  const reasons = new Map<string, { reason: string; text: string; lines: number; cents: number }>();
  for (const claim of cohort) {
    const claimCents = claim.lines.reduce((s, l) => s + l.chargeCents, 0);
    chargesCents += claimCents;
    const posted = claim.lines.map((l) => ({ line: l, postings: postedBy(l, to) }));
    const wasAdjudicated = posted.some((p) => p.postings.length > 0);
    const deniedLines = posted.filter((p) => p.postings.some((x) => x.denial));
    for (const { postings } of posted) {
      for (const p of postings) {
        paymentsCents += p.paidCents;
        if (!p.denial) contractualCents += p.contractualCents;
      }
    }
    for (const { line, postings } of deniedLines) {
      const denial = postings.find((x) => x.denial)!.denial!;
      const r = reasons.get(denial.reason) ?? {
        reason: denial.reason,
        text: denial.text,
        lines: 0,
        cents: 0,
      };
      r.lines += 1;
      r.cents += line.chargeCents;
      reasons.set(denial.reason, r);
    }
    if (!wasAdjudicated) continue;
    adjudicated += 1;
    adjudicatedCents += claimCents;
    if (deniedLines.length > 0) {
      denied += 1;
      deniedCents += deniedLines.reduce((s, p) => s + p.line.chargeCents, 0);
    } else if (!claim.resubmission && !claim.reversed) {
      clean += 1;
    }
  }
  const lookbackStart = to.subtract({ days: DAYS_IN_AR_LOOKBACK - 1 });
  const charges90 = claims
    .filter((c) => before(c.submittedOn, to))
    .flatMap((c) => c.lines)
    .filter((l) => before(lookbackStart, l.serviceDate) && before(l.serviceDate, to))
    .reduce((s, l) => s + l.chargeCents, 0);
  const { total } = arAging(claims, to);
  const openAr = total.payerOpenCents + total.patientResponsibilityCents;
  return {
    claimsSubmitted: cohort.length,
    cleanClaims: clean,
    cleanClaimRate: cleanClaimRate(clean, cohort.length),
    claimsAdjudicated: adjudicated,
    claimsDenied: denied,
    denialRate: denialRate(denied, adjudicated),
    adjudicatedCents,
    deniedCents,
    denialRateByDollar: denialRate(deniedCents, adjudicatedCents),
    openArCents: openAr,
    chargesLast90DaysCents: charges90,
    daysInAr: daysInAr(openAr, charges90),
    chargesCents,
    paymentsCents,
    contractualCents,
    netCollectionRate: netCollectionRate(paymentsCents, chargesCents, contractualCents),
    denialReasons: [...reasons.values()].sort((a, b) => b.cents - a.cents),
  };
}
