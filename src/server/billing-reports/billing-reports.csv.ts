import type { z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import type { AgingReport, KpiReport } from './billing-reports.schema';

const dollars = (cents: number) => (cents / 100).toFixed(2);
const percent = (rate: number | null) => (rate === null ? '' : (rate * 100).toFixed(1));

/** The aging table as a spreadsheet takes it: one row a payer and a total row, amounts in dollars. */
export function agingCsv(report: z.infer<typeof AgingReport>): string {
  const header = [
    'Payer',
    'Claims',
    ...report.buckets.map((b) => `${b.label} days`),
    'Payer open',
    'Patient responsibility',
  ];
  const row = (name: string, r: z.infer<typeof AgingReport>['total']) => [
    name,
    String(r.claims),
    ...report.buckets.map((b) => dollars(r.buckets[b.key])),
    dollars(r.payerOpenCents),
    dollars(r.patientResponsibilityCents),
  ];
  return stringify([header, ...report.payers.map((p) => row(p.payerName, p)), row('Total', report.total)], {
    record_delimiter: 'windows',
  });
}

/** The KPIs, one row for all payers and one a payer; rates in percent. */
export function kpiCsv(report: z.infer<typeof KpiReport>): string {
  const header = [
    'Payer',
    'Claims submitted',
    'Clean claims',
    'Clean-claim rate %',
    'Claims adjudicated',
    'Claims denied',
    'Denial rate %',
    'Denial rate by dollar %',
    'Open A/R',
    'Days in A/R',
    'Charges',
    'Payments',
    'Contractual adjustments',
    'Net collection rate %',
  ];
  const row = (name: string, k: z.infer<typeof KpiReport>['total']) => [
    name,
    String(k.claimsSubmitted),
    String(k.cleanClaims),
    percent(k.cleanClaimRate),
    String(k.claimsAdjudicated),
    String(k.claimsDenied),
    percent(k.denialRate),
    percent(k.denialRateByDollar),
    dollars(k.openArCents),
    k.daysInAr === null ? '' : k.daysInAr.toFixed(1),
    dollars(k.chargesCents),
    dollars(k.paymentsCents),
    dollars(k.contractualCents),
    percent(k.netCollectionRate),
  ];
  return stringify(
    [header, row('All payers', report.total), ...report.payers.map((p) => row(p.payerName, p))],
    { record_delimiter: 'windows' },
  );
}
