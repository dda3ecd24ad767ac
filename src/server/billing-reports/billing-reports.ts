import { Temporal } from 'temporal-polyfill';
import { AGING_BUCKETS, arAging, claimKpis, DAYS_IN_AR_LOOKBACK } from '../../domain/billing';
import type { FieldError } from '../../domain/input-error';
import { claimsForReports } from '../claims';
import { listPayers } from '../coverages';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { siteDayStart, siteTimeZone, siteToday } from '../sites';
import { reportClaims } from './report-claims';

/** Aging counts days from the claim's first date of service (not the day it was submitted). */
export const AGED_FROM = 'first_service_date' as const;
/** The longest KPI period, so one request reads at most a few years of claims. */
const MAX_PERIOD_DAYS = 731;

type Site = { organizationId: string; siteId: string; now: Date };

function day(value: string | undefined, path: string, fields: FieldError[]) {
  if (value === undefined) return undefined;
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(value);
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    fields.push({ path, message: 'Must be a date (YYYY-MM-DD).' });
    return undefined;
  }
}

async function readClaims(tx: Tx, site: Site, through: Temporal.PlainDate) {
  const before = await siteDayStart(tx, site.siteId, through.add({ days: 1 }).toString());
  const zone = await siteTimeZone(tx, site.siteId);
  const claims = reportClaims(await claimsForReports(tx, site.siteId, before), zone);
  const payers = new Map((await listPayers(tx, site.organizationId)).map((p) => [p.id, p.name]));
  return { claims, payerName: (id: string) => payers.get(id) ?? 'Unknown payer' };
}

/** A/R aging of the site on a day (default: the site's today), by payer and in total. */
export async function agingReport(tx: Tx, site: Site, query: { asOf?: string }) {
  const fields: FieldError[] = [];
  const asOf = day(query.asOf, 'asOf', fields) ?? (await siteToday(tx, site.siteId, site.now));
  if (fields.length > 0) throw AppError.validation(fields);
  const { claims, payerName } = await readClaims(tx, site, asOf);
  const { payers, total } = arAging(claims, asOf);
  return {
    asOf: asOf.toString(),
    agedFrom: AGED_FROM,
    buckets: AGING_BUCKETS.map((b) => ({ key: b.key, label: b.label })),
    payers: payers.map((p) => ({ ...p, payerName: payerName(p.payerId) })),
    total,
  };
}

/** Claim KPIs for claims submitted in a period (default: the 30 days through the site's today), and by payer. */
export async function kpiReport(tx: Tx, site: Site, query: { from?: string; to?: string }) {
  const fields: FieldError[] = [];
  const fromIn = day(query.from, 'from', fields);
  const toIn = day(query.to, 'to', fields);
  if (fields.length > 0) throw AppError.validation(fields);
  const to = toIn ?? (await siteToday(tx, site.siteId, site.now));
  const from = fromIn ?? to.subtract({ days: 29 });
  if (Temporal.PlainDate.compare(from, to) > 0) {
    throw AppError.validation([{ path: 'to', message: 'Must be on or after the start of the period.' }]);
  }
  if (from.until(to).days >= MAX_PERIOD_DAYS) {
    throw AppError.validation([{ path: 'from', message: 'A period is at most two years.' }]);
  }
  const { claims, payerName } = await readClaims(tx, site, to);
  const period = { from, to };
  const payerIds = [...new Set(claims.map((c) => c.payerId))];
  return {
    from: from.toString(),
    to: to.toString(),
    lookbackDays: DAYS_IN_AR_LOOKBACK,
    total: claimKpis(claims, period),
    payers: payerIds
      .map((payerId) => ({
        payerId,
        payerName: payerName(payerId),
        ...claimKpis(
          claims.filter((c) => c.payerId === payerId),
          period,
        ),
      }))
      .filter((p) => p.claimsSubmitted > 0 || p.openArCents !== 0)
      .sort((a, b) => a.payerName.localeCompare(b.payerName)),
  };
}
