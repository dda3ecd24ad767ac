import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppEnv } from '../platform/http/app-env';
import { jsonResponse } from '../platform/http/common.schema';
import { siteRoutes } from '../platform/http/route-builder';
import { agingReport, kpiReport } from './billing-reports';
import { agingCsv, kpiCsv } from './billing-reports.csv';
import { AgingQuery, AgingReport, KpiQuery, KpiReport } from './billing-reports.schema';

const tags = ['Billing'];
const csvContent = { 'text/csv': { schema: { type: 'string' as const } } };

/** CSV when asked for by `?format=csv` or an Accept header that prefers text/csv. */
const wantsCsv = (c: Context<AppEnv>, format: string | undefined) => {
  if (format) return format === 'csv';
  const accept = c.req.header('accept') ?? '';
  return accept.includes('text/csv') && !accept.includes('application/json');
};

const csvResponse = (text: string, filename: string) =>
  new Response(text, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    },
  });

/** A report documented under 200 as JSON or as CSV. */
const jsonOrCsv = <S extends z.ZodType>(schema: S, description: string) => ({
  ok: [schema, description] as const,
  responses: {
    200: {
      ...jsonResponse(schema, description),
      content: { ...jsonResponse(schema, '').content, ...csvContent },
    },
  },
});

export function registerBillingReportRoutes(app: App) {
  const sites = siteRoutes(app, { tags });

  sites.get(
    '/api/sites/{siteId}/billing-reports/aging',
    {
      permission: 'billing.report',
      summary:
        'A/R aging on a day: open balances by payer in 0–30, 31–60, 61–90, 91–120 and >120 days from the first date of service, the patient share apart (JSON or CSV)',
      query: AgingQuery,
      ...jsonOrCsv(AgingReport, 'Aging'),
    },
    async ({ c, tx, site, actor, now, audit }, { query }) => {
      const report = await agingReport(
        tx,
        { organizationId: actor.organizationId, siteId: site.id, now },
        query,
      );
      const csv = wantsCsv(c, query.format);
      await audit('billing_report.read', 'billing_report', null, { report: 'aging', asOf: report.asOf, csv });
      return csv ? csvResponse(agingCsv(report), `ar-aging-${report.asOf}.csv`) : report;
    },
  );

  sites.get(
    '/api/sites/{siteId}/billing-reports/kpis',
    {
      permission: 'billing.report',
      summary:
        'Claim KPIs for claims submitted in a period: clean-claim rate, denial rate (count and dollars, with reasons), days in A/R, net collection rate, in total and by payer (JSON or CSV)',
      query: KpiQuery,
      ...jsonOrCsv(KpiReport, 'KPIs'),
    },
    async ({ c, tx, site, actor, now, audit }, { query }) => {
      const report = await kpiReport(
        tx,
        { organizationId: actor.organizationId, siteId: site.id, now },
        query,
      );
      const csv = wantsCsv(c, query.format);
      await audit('billing_report.read', 'billing_report', null, {
        report: 'kpis',
        from: report.from,
        to: report.to,
        csv,
      });
      return csv ? csvResponse(kpiCsv(report), `claim-kpis-${report.from}-${report.to}.csv`) : report;
    },
  );
}
