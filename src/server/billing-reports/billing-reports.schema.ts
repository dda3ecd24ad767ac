import { z } from '@hono/zod-openapi';

const rateOrNull = z
  .number()
  .nullable()
  .describe('A fraction (0.25 = 25 %), null when its denominator is zero');
// Dates are read as text and checked by the use case, so a malformed one is a field-level 422.
const format = z
  .enum(['json', 'csv'])
  .optional()
  .describe('csv: the same figures as a CSV file (or Accept: text/csv)');

export const AgingQuery = z.object({
  asOf: z
    .string()
    .optional()
    .describe("The day the balances are taken (YYYY-MM-DD; default: the site's today)"),
  format,
});
export const KpiQuery = z.object({
  from: z.string().optional().describe('First day claims were submitted (default: 29 days before `to`)'),
  to: z.string().optional().describe("Last day of the period (default: the site's today)"),
  format,
});

const Buckets = z.object({
  days0to30: z.number().int(),
  days31to60: z.number().int(),
  days61to90: z.number().int(),
  days91to120: z.number().int(),
  over120: z.number().int(),
});
const AgingTotals = z.object({
  claims: z.number().int(),
  buckets: Buckets,
  payerOpenCents: z.number().int().describe('Billed − paid − adjustments − patient responsibility'),
  patientResponsibilityCents: z
    .number()
    .int()
    .describe('Moved to the patient by remittances (PR), shown apart'),
});
export const AgingReport = z
  .object({
    asOf: z.string(),
    agedFrom: z.literal('first_service_date'),
    buckets: z.array(z.object({ key: Buckets.keyof(), label: z.string() })),
    payers: z.array(AgingTotals.extend({ payerId: z.uuid(), payerName: z.string() })),
    total: AgingTotals,
  })
  .openapi('AgingReport');

const Kpis = z.object({
  claimsSubmitted: z.number().int(),
  cleanClaims: z.number().int(),
  cleanClaimRate: rateOrNull,
  claimsAdjudicated: z.number().int(),
  claimsDenied: z.number().int(),
  denialRate: rateOrNull,
  adjudicatedCents: z.number().int(),
  deniedCents: z.number().int(),
  denialRateByDollar: rateOrNull,
  openArCents: z.number().int(),
  chargesLast90DaysCents: z.number().int(),
  daysInAr: z.number().nullable().describe('Open A/R ÷ (charges of the 90 days through `to` ÷ 90)'),
  chargesCents: z.number().int(),
  paymentsCents: z.number().int(),
  contractualCents: z.number().int(),
  netCollectionRate: rateOrNull.describe('Payments ÷ (charges − contractual adjustments)'),
  denialReasons: z.array(
    z.object({ reason: z.string(), text: z.string(), lines: z.number().int(), cents: z.number().int() }),
  ),
});
export const KpiReport = z
  .object({
    from: z.string(),
    to: z.string(),
    lookbackDays: z.number().int(),
    total: Kpis,
    payers: z.array(Kpis.extend({ payerId: z.uuid(), payerName: z.string() })),
  })
  .openapi('ClaimKpiReport');
