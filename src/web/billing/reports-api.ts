import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { answer, client, type Schema, withoutEmpty } from '../shared/api/client';

// Billing reports of a site: A/R aging on a day and claim KPIs over a period (read-only; shared/api types).

export type AgingReport = Schema<'AgingReport'>;
export type KpiReport = Schema<'ClaimKpiReport'>;
export type Kpis = KpiReport['total'];

export const reportKeys = {
  aging: (siteId: string, asOf: string) => ['sites', siteId, 'billing-reports', 'aging', asOf] as const,
  kpis: (siteId: string, from: string, to: string) =>
    ['sites', siteId, 'billing-reports', 'kpis', from, to] as const,
};

/** The routes also answer CSV (documented as text/csv); these queries ask for JSON and get it. */
function json<T>(answered: T | string): T {
  if (typeof answered === 'string') throw new Error('The report came back as text, not JSON.');
  return answered;
}

export function useAgingReport(siteId: string, asOf: string) {
  return useQuery({
    queryKey: reportKeys.aging(siteId, asOf),
    queryFn: async ({ signal }) =>
      json(
        await answer(
          client.GET('/api/sites/{siteId}/billing-reports/aging', {
            params: { path: { siteId }, query: withoutEmpty({ asOf }) },
            signal,
          }),
        ),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useKpiReport(siteId: string, from: string, to: string) {
  return useQuery({
    queryKey: reportKeys.kpis(siteId, from, to),
    queryFn: async ({ signal }) =>
      json(
        await answer(
          client.GET('/api/sites/{siteId}/billing-reports/kpis', {
            params: { path: { siteId }, query: withoutEmpty({ from, to }) },
            signal,
          }),
        ),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The address of a report as a CSV file: a plain link the browser downloads with the session cookie. */
export function reportCsvHref(siteId: string, report: 'aging' | 'kpis', query: Record<string, string>) {
  const params = new URLSearchParams({ ...withoutEmpty(query), format: 'csv' } as Record<string, string>);
  return `/api/sites/${encodeURIComponent(siteId)}/billing-reports/${report}?${params}`;
}

/** A fraction as a percent with one decimal ("40.0 %"), or a dash when there is nothing to measure. */
export const formatRate = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);
