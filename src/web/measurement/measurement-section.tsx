import { Alert, Badge, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { getInstrument, isInstrumentId, listInstruments } from '../../domain/instruments';
import { TableScroll } from '../shared/table-list';
import { InstrumentForm } from './instrument-form';
import {
  type InstrumentResult,
  type InstrumentTrend,
  useEnterResult,
  usePatientResults,
} from './measurement-api';
import { TrendChart } from './trend-chart';

const INSTRUMENT_OPTIONS = listInstruments().map((i) => ({
  value: i.id,
  label: `${i.shortName} — ${i.name}`,
}));

/** The chart's Measures tab: scores over the episode with bands, change since intake, and staff entry. */
export function MeasurementSection({ patientId }: { patientId: string }) {
  const results = usePatientResults(patientId);
  const [entering, setEntering] = useState<string | null>(null);
  const [saved, setSaved] = useState<InstrumentResult | null>(null);

  return (
    <Stack>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="enter-measure-heading">
        <Title order={2} size="h4" id="enter-measure-heading" mb="sm">
          Enter a questionnaire
        </Title>
        <Group align="end">
          <Select
            label="Instrument"
            placeholder="Choose an instrument"
            data={INSTRUMENT_OPTIONS}
            value={entering}
            onChange={(value) => {
              setEntering(value);
              setSaved(null);
            }}
            w={360}
            searchable
          />
        </Group>
        {saved && (
          <Alert mt="md" color={saved.urgentTask ? 'red' : 'teal'} title={`${saved.instrumentName} saved`}>
            {saved.total !== null ? `Total ${saved.total}, ` : ''}
            {saved.bandLabel}. {saved.urgentTask && 'An urgent task was created for the primary clinician.'}
          </Alert>
        )}
        {entering && isInstrumentId(entering) && (
          <EntryForm
            key={entering}
            patientId={patientId}
            instrumentId={entering}
            onSaved={(result) => {
              setSaved(result);
              setEntering(null);
            }}
          />
        )}
      </Paper>

      {results.isPending && <Loader aria-label="Loading scores" />}
      {results.isError && (
        <Alert color="red" role="alert">
          {results.error.message}
        </Alert>
      )}
      {results.data && results.data.items.length === 0 && (
        <Text c="dimmed">No questionnaires yet in this episode.</Text>
      )}
      {results.data?.trends.map((trend) => (
        <TrendCard
          key={trend.instrumentId}
          trend={trend}
          results={results.data.items.filter((r) => r.instrumentId === trend.instrumentId)}
        />
      ))}
      {results.data && results.data.items.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="all-scores-heading">
          <Title order={2} size="h4" id="all-scores-heading" mb="sm">
            Every administration
          </Title>
          <TableScroll label="Every administration" minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Instrument</Table.Th>
                  <Table.Th>Score</Table.Th>
                  <Table.Th>Band</Table.Th>
                  <Table.Th>Entered</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...results.data.items].reverse().map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.administeredOn}</Table.Td>
                    <Table.Td>{r.instrumentName}</Table.Td>
                    <Table.Td>
                      {r.total ??
                        (r.subscales
                          ? Object.entries(r.subscales)
                              .map(([k, v]) => `${k} ${v}`)
                              .join(', ')
                          : '—')}
                    </Table.Td>
                    <Table.Td>
                      {r.bandLabel}
                      {r.riskFlags.length > 0 && (
                        <Badge ml="xs" color="red" size="sm">
                          risk
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.enteredVia === 'portal' ? 'Patient (portal)' : (r.enteredByName ?? 'Staff')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Paper>
      )}
    </Stack>
  );
}

function TrendCard({ trend, results }: { trend: InstrumentTrend; results: InstrumentResult[] }) {
  const points = results.flatMap((r) =>
    r.total === null ? [] : [{ administeredOn: r.administeredOn, total: r.total }],
  );
  if (points.length === 0) return null;
  const change = trend.changeSinceIntake;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`${trend.instrumentName} trend`}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4">
          {trend.instrumentName}
        </Title>
        <Group gap="xs">
          {change !== null && (
            <Text size="sm" fw={600}>
              Change since intake: {change > 0 ? `+${change}` : change} ({trend.baseline} → {trend.latest})
            </Text>
          )}
          {trend.response?.response && <Badge color="teal">Response (≥ 50% drop)</Badge>}
          {trend.response?.clinicallySignificantImprovement && !trend.response.response && (
            <Badge color="teal" variant="light">
              ≥ 5-point improvement
            </Badge>
          )}
          {trend.response?.remission && <Badge color="green">Remission (&lt; 5)</Badge>}
          {trend.response && !trend.response.response && !trend.response.clinicallySignificantImprovement && (
            <Badge color="gray" variant="light">
              No response yet
            </Badge>
          )}
        </Group>
      </Group>
      <TrendChart instrumentId={trend.instrumentId} title={trend.instrumentName} points={points} />
    </Paper>
  );
}

function EntryForm({
  patientId,
  instrumentId,
  onSaved,
}: {
  patientId: string;
  instrumentId: Parameters<typeof getInstrument>[0];
  onSaved: (result: InstrumentResult) => void;
}) {
  const instrument = getInstrument(instrumentId);
  const enter = useEnterResult(patientId);
  return (
    <Stack mt="md">
      <Title order={3} size="h5">
        {instrument.name}
      </Title>
      <InstrumentForm
        title={instrument.shortName}
        instructions={instrument.instructions}
        questions={instrument.items}
        submitting={enter.isPending}
        error={enter.error}
        submitLabel={`Save ${instrument.shortName}`}
        onSubmit={(answers) => enter.mutate({ instrumentId, answers }, { onSuccess: onSaved })}
      />
    </Stack>
  );
}
