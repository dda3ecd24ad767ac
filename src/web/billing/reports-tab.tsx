import { Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { clinicDayInDays, clinicTodayIso } from '../shared/clinic-calendar';
import { useCurrentSite } from '../shared/current-site';
import { QueryState } from '../shared/query-state';
import { formatCents } from './billing-labels';
import {
  type AgingReport,
  formatRate,
  type Kpis,
  reportCsvHref,
  useAgingReport,
  useKpiReport,
} from './reports-api';

/** A/R aging by payer on a day, and the claim KPIs of a period, each with its CSV. */
export function ReportsTab({ siteId }: { siteId: string }) {
  const { site } = useCurrentSite();
  const zone = site?.timeZone ?? 'UTC';
  const [asOf, setAsOf] = useState(() => clinicTodayIso(zone));
  const [from, setFrom] = useState(() => clinicDayInDays(zone, -29));
  const [to, setTo] = useState(() => clinicTodayIso(zone));
  const aging = useAgingReport(siteId, asOf);
  const kpis = useKpiReport(siteId, from, to);

  return (
    <Stack gap="xl">
      <Stack>
        <Group justify="space-between" align="end" wrap="wrap">
          <Title order={2} size="h3">
            Claim KPIs
          </Title>
          <Group align="end" wrap="wrap">
            <TextInput
              label="Submitted from"
              type="date"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              label="Through"
              type="date"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={from && to && from > to ? 'Must be on or after the start.' : undefined}
            />
            <Button
              component="a"
              variant="default"
              href={reportCsvHref(siteId, 'kpis', { from, to })}
              download
            >
              Download KPIs CSV
            </Button>
          </Group>
        </Group>
        <QueryState query={kpis} loading="Loading the KPIs…">
          {(report) => <KpiCards kpis={report.total} lookbackDays={report.lookbackDays} />}
        </QueryState>
      </Stack>

      <Stack>
        <Group justify="space-between" align="end" wrap="wrap">
          <Title order={2} size="h3">
            A/R aging
          </Title>
          <Group align="end" wrap="wrap">
            <TextInput
              label="As of"
              type="date"
              value={asOf}
              onChange={(e) => setAsOf(e.currentTarget.value)}
            />
            <Button component="a" variant="default" href={reportCsvHref(siteId, 'aging', { asOf })} download>
              Download CSV
            </Button>
          </Group>
        </Group>
        <QueryState query={aging} loading="Loading the aging…">
          {(report) => <AgingTable report={report} />}
        </QueryState>
      </Stack>
    </Stack>
  );
}

function KpiCard({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <Card withBorder padding="md" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Card>
  );
}

function KpiCards({ kpis, lookbackDays }: { kpis: Kpis; lookbackDays: number }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
      <KpiCard
        label="Clean-claim rate"
        value={formatRate(kpis.cleanClaimRate)}
        detail={`${kpis.cleanClaims} of ${kpis.claimsSubmitted} claims paid on first submission`}
      />
      <KpiCard
        label="Denial rate"
        value={formatRate(kpis.denialRate)}
        detail={`${kpis.claimsDenied} of ${kpis.claimsAdjudicated} adjudicated; by dollars ${formatRate(kpis.denialRateByDollar)}`}
      />
      <KpiCard
        label="Days in A/R"
        value={kpis.daysInAr === null ? '—' : kpis.daysInAr.toFixed(1)}
        detail={`${formatCents(kpis.openArCents)} open ÷ daily charges of the last ${lookbackDays} days`}
      />
      <KpiCard
        label="Net collection rate"
        value={formatRate(kpis.netCollectionRate)}
        detail={`${formatCents(kpis.paymentsCents)} paid of ${formatCents(kpis.chargesCents - kpis.contractualCents)} after contract`}
      />
    </SimpleGrid>
  );
}

function AgingTable({ report }: { report: AgingReport }) {
  type Row = AgingReport['total'] & { name: string; key: string };
  const rows: Row[] = report.payers.map((p) => ({ ...p, name: p.payerName, key: p.payerId }));
  const cells = (r: Row) => (
    <>
      <Table.Td ta="right">{r.claims}</Table.Td>
      {report.buckets.map((b) => (
        <Table.Td key={b.key} ta="right">
          {formatCents(r.buckets[b.key])}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={600}>
        {formatCents(r.payerOpenCents)}
      </Table.Td>
      <Table.Td ta="right">{formatCents(r.patientResponsibilityCents)}</Table.Td>
    </>
  );
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label="A/R aging by payer">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Payer</Table.Th>
              <Table.Th ta="right">Claims</Table.Th>
              {report.buckets.map((b) => (
                <Table.Th key={b.key} ta="right">
                  {b.label} days
                </Table.Th>
              ))}
              <Table.Th ta="right">Payer open</Table.Th>
              <Table.Th ta="right">Patient share</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.name}</Table.Td>
                {cells(r)}
              </Table.Tr>
            ))}
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={report.buckets.length + 4}>
                  <Text c="dimmed">No open claims on {report.asOf}.</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>Total</Table.Th>
              {cells({ ...report.total, name: 'Total', key: 'total' })}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        Aged from each claim’s first date of service to {report.asOf}. Payer open = billed − paid −
        adjustments − patient share; a denial being worked stays open until it is written off.
      </Text>
    </Stack>
  );
}
