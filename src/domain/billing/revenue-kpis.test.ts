import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  agingBucket,
  arAging,
  claimKpis,
  cleanClaimRate,
  daysInAr,
  denialRate,
  lineBalance,
  netCollectionRate,
  type ReportClaim,
  type ReportPosting,
} from './revenue-kpis';

const d = Temporal.PlainDate.from;

describe('aging buckets at their edges', () => {
  it.each([
    [0, 'days0to30'],
    [30, 'days0to30'],
    [31, 'days31to60'],
    [60, 'days31to60'],
    [61, 'days61to90'],
    [90, 'days61to90'],
    [91, 'days91to120'],
    [120, 'days91to120'],
    [121, 'over120'],
    [400, 'over120'],
  ])('%i days → %s', (age, bucket) => {
    expect(agingBucket(age)).toBe(bucket);
  });

  it.each([-1, 1.5, Number.NaN])('%s is not an age', (age) => {
    expect(() => agingBucket(age)).toThrow(RangeError);
  });
});

describe('the formulas: zero denominators give null, never NaN', () => {
  it.each([
    { name: 'clean 8 of 10', value: cleanClaimRate(8, 10), expected: 0.8 },
    { name: 'clean of no claims', value: cleanClaimRate(0, 0), expected: null },
    { name: 'denied 1 of 4', value: denialRate(1, 4), expected: 0.25 },
    { name: 'denied of none adjudicated', value: denialRate(0, 0), expected: null },
    // $9,000 open over $27,000 charged in 90 days = $300 a day → 30 days
    { name: 'days in A/R', value: daysInAr(900_000, 2_700_000), expected: 30 },
    { name: 'days in A/R with no charges', value: daysInAr(900_000, 0), expected: null },
    { name: 'days in A/R, nothing open', value: daysInAr(0, 2_700_000), expected: 0 },
    // $300 paid of ($420 − $90 contractual) = 300 / 330
    { name: 'net collection', value: netCollectionRate(30_000, 42_000, 9_000), expected: 30_000 / 33_000 },
    { name: 'net collection, all contractual', value: netCollectionRate(0, 42_000, 42_000), expected: null },
    { name: 'net collection of nothing', value: netCollectionRate(0, 0, 0), expected: null },
  ])('$name', ({ value, expected }) => {
    expect(value).toBe(expected);
  });
});

const paid = (on: string, cents: number, extra: Partial<ReportPosting> = {}): ReportPosting => ({
  postedOn: d(on),
  paidCents: cents,
  writeOffCents: 0,
  patientResponsibilityCents: 0,
  contractualCents: 0,
  denial: null,
  ...extra,
});
const denied = (
  on: string,
  cents: number,
  status: 'open' | 'appealed' | 'rebilled' | 'written_off',
  settledOn = on,
) =>
  paid(on, 0, {
    writeOffCents: cents,
    denial: { reason: 'CO-197', text: 'No prior authorization', status, settledOn: d(settledOn) },
  });

describe('a line’s open balance', () => {
  const line = (postings: ReportPosting[]) => ({
    serviceDate: d('2026-01-07'),
    chargeCents: 42_000,
    postings,
  });
  it.each([
    { name: 'not yet remitted: all owed by the payer', postings: [], open: 42_000, patient: 0 },
    {
      name: 'paid $300, CO-45 $90, copay $30 → nothing owed by the payer, $30 by the patient',
      postings: [
        paid('2026-01-20', 30_000, {
          writeOffCents: 9_000,
          contractualCents: 9_000,
          patientResponsibilityCents: 3_000,
        }),
      ],
      open: 0,
      patient: 3_000,
    },
    {
      name: 'an open denial stays owed',
      postings: [denied('2026-01-20', 42_000, 'open')],
      open: 42_000,
      patient: 0,
    },
    {
      name: 'an appealed denial stays owed',
      postings: [denied('2026-01-20', 42_000, 'appealed')],
      open: 42_000,
      patient: 0,
    },
    {
      name: 'a written-off denial is closed',
      postings: [denied('2026-01-20', 42_000, 'written_off')],
      open: 0,
      patient: 0,
    },
    {
      name: 'a rebilled denial is carried by its new claim',
      postings: [denied('2026-01-20', 42_000, 'rebilled')],
      open: 0,
      patient: 0,
    },
    {
      name: 'a write-off after the as-of day does not count yet',
      postings: [denied('2026-01-20', 42_000, 'written_off', '2026-03-01')],
      open: 42_000,
      patient: 0,
    },
    {
      name: 'a payment posted after the as-of day does not count',
      postings: [paid('2026-02-15', 42_000)],
      open: 42_000,
      patient: 0,
    },
  ])('$name', ({ postings, open, patient }) => {
    expect(lineBalance(line(postings), d('2026-02-01'))).toEqual({
      payerOpenCents: open,
      patientResponsibilityCents: patient,
    });
  });
});

/**
 * Four claims of two payers, as of 2026-03-10:
 *  A  Lakeshore, served 2026-03-02 (8 days), $420 paid $300 + CO-45 $90 + PR $30 → open $0, patient $30
 *  B  Lakeshore, served 2026-01-07 (62 days), $420 denied CO-197, open → $420 in 61–90
 *  C  Prairie,   served 2025-11-01 (129 days), $150 not remitted → $150 in >120
 *  D  Prairie,   served 2026-02-05 (33 days), $200 paid $200 → closed
 */
const claims: ReportClaim[] = [
  {
    payerId: 'lakeshore',
    submittedOn: d('2026-03-03'),
    resubmission: false,
    reversed: false,
    lines: [
      {
        serviceDate: d('2026-03-02'),
        chargeCents: 42_000,
        postings: [
          paid('2026-03-09', 30_000, {
            writeOffCents: 9_000,
            contractualCents: 9_000,
            patientResponsibilityCents: 3_000,
          }),
        ],
      },
    ],
  },
  {
    payerId: 'lakeshore',
    submittedOn: d('2026-01-08'),
    resubmission: false,
    reversed: false,
    lines: [
      { serviceDate: d('2026-01-07'), chargeCents: 42_000, postings: [denied('2026-01-20', 42_000, 'open')] },
    ],
  },
  {
    payerId: 'prairie',
    submittedOn: d('2025-11-03'),
    resubmission: false,
    reversed: false,
    lines: [{ serviceDate: d('2025-11-01'), chargeCents: 15_000, postings: [] }],
  },
  {
    payerId: 'prairie',
    submittedOn: d('2026-02-06'),
    resubmission: true,
    reversed: false,
    lines: [{ serviceDate: d('2026-02-05'), chargeCents: 20_000, postings: [paid('2026-02-20', 20_000)] }],
  },
];

describe('A/R aging by payer', () => {
  it('ages each open claim from its first date of service, the patient share apart', () => {
    const { payers, total } = arAging(claims, d('2026-03-10'));
    expect(payers).toEqual([
      {
        payerId: 'lakeshore',
        claims: 2,
        buckets: { days0to30: 0, days31to60: 0, days61to90: 42_000, days91to120: 0, over120: 0 },
        payerOpenCents: 42_000,
        patientResponsibilityCents: 3_000,
      },
      {
        payerId: 'prairie',
        claims: 1,
        buckets: { days0to30: 0, days31to60: 0, days61to90: 0, days91to120: 0, over120: 15_000 },
        payerOpenCents: 15_000,
        patientResponsibilityCents: 0,
      },
    ]);
    expect(total).toEqual({
      claims: 3,
      buckets: { days0to30: 0, days31to60: 0, days61to90: 42_000, days91to120: 0, over120: 15_000 },
      payerOpenCents: 57_000,
      patientResponsibilityCents: 3_000,
    });
  });

  it('on an earlier day, a claim submitted later is not there and a payment not yet posted is owed', () => {
    const { total } = arAging(claims, d('2026-02-10'));
    // B (34 days, open denial) + C (101 days) + D (5 days, paid only on 02-20); A not yet submitted
    expect(total.buckets).toEqual({
      days0to30: 20_000,
      days31to60: 42_000,
      days61to90: 0,
      days91to120: 15_000,
      over120: 0,
    });
    expect(total.claims).toBe(3);
  });

  it('no claims: empty payers and a zero total', () => {
    expect(arAging([], d('2026-03-10')).total.payerOpenCents).toBe(0);
    expect(arAging([], d('2026-03-10')).payers).toEqual([]);
  });
});

describe('claim KPIs over a period', () => {
  it('January through March: figures computed by hand', () => {
    const k = claimKpis(claims, { from: d('2026-01-01'), to: d('2026-03-10') });
    // Submitted A, B, D (C was submitted in November). Adjudicated: A, B, D. Denied: B.
    // Clean: A only (D is a resubmission). Charges 420 + 420 + 200 = $1,040; payments 300 + 200 = $500;
    // contractual $90 → net collection 500 / 950. Open A/R on 03-10: 420 + 150 + 30 = $600.
    // Charges served 2025-12-11 … 2026-03-10: A 420 + B 420 + D 200 = $1,040 → daily 1040/90 → 600 / (1040/90).
    expect(k).toMatchObject({
      claimsSubmitted: 3,
      cleanClaims: 1,
      cleanClaimRate: 1 / 3,
      claimsAdjudicated: 3,
      claimsDenied: 1,
      denialRate: 1 / 3,
      adjudicatedCents: 104_000,
      deniedCents: 42_000,
      denialRateByDollar: 42_000 / 104_000,
      chargesCents: 104_000,
      paymentsCents: 50_000,
      contractualCents: 9_000,
      netCollectionRate: 50_000 / 95_000,
      openArCents: 60_000,
      chargesLast90DaysCents: 104_000,
      denialReasons: [{ reason: 'CO-197', text: 'No prior authorization', lines: 1, cents: 42_000 }],
    });
    expect(k.daysInAr).toBeCloseTo((60_000 * 90) / 104_000, 10);
  });

  it('a period with no claims gives counts of zero and rates of null', () => {
    const k = claimKpis(claims, { from: d('2026-06-01'), to: d('2026-06-30') });
    expect(k).toMatchObject({
      claimsSubmitted: 0,
      cleanClaimRate: null,
      denialRate: null,
      denialRateByDollar: null,
      netCollectionRate: null,
      chargesLast90DaysCents: 0,
      daysInAr: null,
    });
    expect(k.openArCents).toBe(60_000);
  });

  it('submitted claims not yet adjudicated count against the clean rate, not in the denial rate', () => {
    const k = claimKpis(claims, { from: d('2025-11-01'), to: d('2025-11-30') });
    expect(k).toMatchObject({
      claimsSubmitted: 1,
      cleanClaims: 0,
      cleanClaimRate: 0,
      claimsAdjudicated: 0,
      denialRate: null,
    });
  });
});
