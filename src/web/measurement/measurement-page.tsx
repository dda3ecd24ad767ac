import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../shared/api/api-error';
import { useCurrentSite } from '../shared/current-site';
import { PagedTable } from '../shared/paged-table';
import { may } from '../shared/permissions';
import { QueryState } from '../shared/query-state';
import { useMe } from '../shared/session';
import { TableScroll } from '../shared/table-list';
import { useUrlParams } from '../shared/use-url-params';
import {
  type InstrumentSchedules,
  type ScheduleItem,
  useDueList,
  useInstrumentSchedules,
  useProgramOutcomes,
  useSaveSchedule,
} from './measurement-api';

/** Measures: what is due at the site, each program's schedule, and (directors) the programs' average change. */
export function MeasurementPage() {
  const me = useMe();
  const { site } = useCurrentSite();
  const [params, editParams] = useUrlParams();
  const tabs = [
    ...(may(me.data, 'measurement.due') ? [{ value: 'due', label: 'Due and overdue' }] : []),
    { value: 'schedules', label: 'Schedules' },
    ...(may(me.data, 'measurement.outcomes') ? [{ value: 'outcomes', label: 'Program outcomes' }] : []),
  ];
  const asked = params.get('tab');
  const tab = tabs.some((t) => t.value === asked) ? asked! : tabs[0]!.value;

  return (
    <Stack>
      <Title order={1} size="h2">
        Measures{site ? ` — ${site.name}` : ''}
      </Title>
      <Tabs
        value={tab}
        onChange={(value) => value && editParams((next) => next.set('tab', value), { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label="Measures">
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="due" pt="md">
          <DueList siteId={site?.id} />
        </Tabs.Panel>
        <Tabs.Panel value="schedules" pt="md">
          <Schedules siteId={site?.id} editable={may(me.data, 'measurement.schedule.write')} />
        </Tabs.Panel>
        <Tabs.Panel value="outcomes" pt="md">
          <Outcomes siteId={site?.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function DueList({ siteId }: { siteId: string | undefined }) {
  const [page, setPage] = useState(1);
  const due = useDueList(siteId, page);
  return (
    <QueryState
      query={due}
      loading="Loading due list"
      isEmpty={(list) => list.total === 0}
      empty="Nothing is due today. Every scheduled questionnaire is up to date."
    >
      {(list) => (
        <Stack>
          <Text size="sm" c="dimmed">
            {list.total} questionnaire{list.total === 1 ? '' : 's'} due; overdue first. Open the chart's
            Measures tab to enter answers, or the patient can answer in the portal.
          </Text>
          <PagedTable
            label="Due questionnaires"
            minWidth={640}
            busy={due.isFetching}
            columns={['Patient', 'Program', 'Instrument', 'Due', 'Last given']}
            page={list}
            empty="Nothing is due on this page."
            onPage={setPage}
            row={(item) => (
              <Table.Tr key={`${item.episodeId}-${item.instrumentId}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${item.patientId}?tab=measures`}>
                    {item.patientName}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {item.mrn}
                  </Text>
                </Table.Td>
                <Table.Td>{item.programName}</Table.Td>
                <Table.Td>{item.instrumentName}</Table.Td>
                <Table.Td>
                  <Badge color={item.state === 'overdue' ? 'red' : 'yellow'} variant="light" mr="xs">
                    {item.state}
                  </Badge>
                  {item.dueOn}
                </Table.Td>
                <Table.Td>{item.lastGivenOn ?? 'never'}</Table.Td>
              </Table.Tr>
            )}
          />
        </Stack>
      )}
    </QueryState>
  );
}

function Schedules({ siteId, editable }: { siteId: string | undefined; editable: boolean }) {
  const schedules = useInstrumentSchedules(siteId);
  if (schedules.isPending) return <Loader aria-label="Loading schedules" />;
  if (schedules.isError)
    return (
      <Alert color="red" role="alert">
        {schedules.error.message}
      </Alert>
    );
  return (
    <Stack>
      {schedules.data.programs.map((program) => (
        <ProgramSchedule
          key={program.programId}
          siteId={siteId}
          program={program}
          instruments={schedules.data.instruments}
          editable={editable}
        />
      ))}
    </Stack>
  );
}

type Draft = Record<string, { on: boolean; atIntake: boolean; everyDays: number | '' }>;

function ProgramSchedule({
  siteId,
  program,
  instruments,
  editable,
}: {
  siteId: string | undefined;
  program: InstrumentSchedules['programs'][number];
  instruments: InstrumentSchedules['instruments'];
  editable: boolean;
}) {
  const initial = (): Draft =>
    Object.fromEntries(
      instruments.map((i) => {
        const item = program.items.find((s) => s.instrumentId === i.id);
        return [
          i.id,
          { on: Boolean(item), atIntake: item?.atIntake ?? true, everyDays: item?.everyDays ?? '' },
        ];
      }),
    );
  const [draft, setDraft] = useState<Draft>(initial);
  const save = useSaveSchedule(siteId);
  const set = (id: string, change: Partial<Draft[string]>) =>
    setDraft((prev) => ({ ...prev, [id]: { ...prev[id]!, ...change } }));
  const items: ScheduleItem[] = instruments
    .filter((i) => draft[i.id]?.on)
    .map((i) => ({
      // The server's read lists instrument ids as plain strings; they are the ids its save accepts.
      instrumentId: i.id as ScheduleItem['instrumentId'],
      atIntake: draft[i.id]!.atIntake,
      everyDays: draft[i.id]!.everyDays === '' ? null : Number(draft[i.id]!.everyDays),
    }));
  const errorFor = (instrumentId: string) => {
    if (!(save.error instanceof ApiError)) return undefined;
    const index = items.findIndex((i) => i.instrumentId === instrumentId);
    return save.error.fields.find((f) => f.path.startsWith(`items.${index}.`))?.message;
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`${program.programName} schedule`}>
      <Title order={2} size="h4" mb="sm">
        {program.programName}
      </Title>
      <TableScroll label={`${program.programName} schedule`} minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Instrument</Table.Th>
              <Table.Th>At intake</Table.Th>
              <Table.Th>Every (days)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {instruments.map((instrument) => {
              const row = draft[instrument.id]!;
              if (!editable && !row.on) return null;
              return (
                <Table.Tr key={instrument.id}>
                  <Table.Td>
                    {editable ? (
                      <Checkbox
                        label={instrument.shortName}
                        checked={row.on}
                        onChange={(e) => set(instrument.id, { on: e.currentTarget.checked })}
                      />
                    ) : (
                      instrument.shortName
                    )}
                    {instrument.administeredBy === 'clinician' && (
                      <Text size="xs" c="dimmed">
                        clinician-rated
                      </Text>
                    )}
                    {errorFor(instrument.id) && (
                      <Text size="xs" c="red">
                        {errorFor(instrument.id)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <Checkbox
                        aria-label={`${instrument.shortName} at intake`}
                        checked={row.atIntake}
                        disabled={!row.on}
                        onChange={(e) => set(instrument.id, { atIntake: e.currentTarget.checked })}
                      />
                    ) : row.atIntake ? (
                      'Yes'
                    ) : (
                      'No'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <NumberInput
                        aria-label={`${instrument.shortName} every how many days`}
                        value={row.everyDays}
                        disabled={!row.on}
                        min={1}
                        max={365}
                        w={110}
                        placeholder="intake only"
                        onChange={(value) =>
                          set(instrument.id, { everyDays: value === '' ? '' : Number(value) })
                        }
                      />
                    ) : row.everyDays === '' ? (
                      'intake only'
                    ) : (
                      `every ${row.everyDays} days`
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {editable && (
        <Group mt="sm">
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ programId: program.programId, items })}
          >
            Save schedule
          </Button>
          {save.isSuccess && <Text c="teal">Saved.</Text>}
          {save.isError && !(save.error instanceof ApiError && save.error.fields.length > 0) && (
            <Text c="red" role="alert">
              {save.error.message}
            </Text>
          )}
        </Group>
      )}
    </Paper>
  );
}

function Outcomes({ siteId }: { siteId: string | undefined }) {
  const outcomes = useProgramOutcomes(siteId, true);
  if (outcomes.isPending) return <Loader aria-label="Loading outcomes" />;
  if (outcomes.isError)
    return (
      <Alert color="red" role="alert">
        {outcomes.error.message}
      </Alert>
    );
  if (outcomes.data.items.length === 0)
    return <Text>No patient has two scores on one instrument yet, so there is no change to show.</Text>;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Average change from each patient's first score to their latest, among patients with at least two.
        Negative is improvement on every instrument shown here.
      </Text>
      <Table striped aria-label="Program outcomes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Program</Table.Th>
            <Table.Th>Instrument</Table.Th>
            <Table.Th>Patients</Table.Th>
            <Table.Th>Average change</Table.Th>
            <Table.Th>Responders (≥ 50% drop)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outcomes.data.items.map((o) => (
            <Table.Tr key={`${o.programId}-${o.instrumentId}`}>
              <Table.Td>{o.programName}</Table.Td>
              <Table.Td>{o.instrumentName}</Table.Td>
              <Table.Td>{o.patients}</Table.Td>
              <Table.Td>
                {o.averageChange === null
                  ? '—'
                  : o.averageChange > 0
                    ? `+${o.averageChange}`
                    : o.averageChange}
              </Table.Td>
              <Table.Td>{o.responders}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
