import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { fieldError, formError } from '../shared/form-errors';
import { PagedTable } from '../shared/paged-table';
import { roleLabel } from '../shared/staff-navigation';
import {
  AUDIT_FILTER_NAMES,
  AUDIT_PAGE_SIZE,
  type AuditFilters,
  type ChainVerification,
  useAuditLog,
  verifyAuditChain,
} from './audit-api';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

function filtersFrom(params: URLSearchParams): AuditFilters {
  return {
    action: params.get('action') ?? '',
    patientId: params.get('patientId') ?? '',
    actorEmail: params.get('actorEmail') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const form = useForm<AuditFilters>({
    initialValues: applied,
    validate: {
      to: (to, { from }) => (from && to && from > to ? 'The end date is before the start date' : null),
    },
  });
  const log = useAuditLog(applied, page);
  const chainCheck = useMutation({ mutationFn: verifyAuditChain });

  const toParams = (filters: AuditFilters, nextPage: number) => {
    const next = new URLSearchParams();
    for (const name of AUDIT_FILTER_NAMES) {
      const value = filters[name].trim();
      if (value) next.set(name, value);
    }
    if (nextPage > 1) next.set('page', String(nextPage));
    return next;
  };

  const apply = form.onSubmit((filters) => setParams(toParams(filters, 1)));

  // A patient id in the table is a shortcut: show everything that touched that patient.
  const filterByPatient = (patientId: string) => {
    const next = { ...applied, patientId };
    form.setValues(next);
    form.clearErrors();
    setParams(toParams(next, 1));
  };

  const clear = () => {
    const empty: AuditFilters = { action: '', patientId: '', actorEmail: '', from: '', to: '' };
    form.setValues(empty);
    form.clearErrors();
    setParams(toParams(empty, 1));
  };

  const generalError = formError(log.error, AUDIT_FILTER_NAMES);
  const total = log.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / (log.data?.pageSize ?? AUDIT_PAGE_SIZE)));

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          Audit log
        </Title>
        <Button variant="default" onClick={() => chainCheck.mutate()} loading={chainCheck.isPending}>
          Verify chain
        </Button>
      </Group>
      <div aria-live="polite">
        {chainCheck.data && <ChainResult result={chainCheck.data} />}
        {chainCheck.error && (
          <Alert color="red" role="alert">
            {chainCheck.error.message}
          </Alert>
        )}
      </div>

      <Paper
        withBorder
        p="md"
        radius="md"
        component="form"
        onSubmit={apply}
        aria-label="Filter the audit log"
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <TextInput
            label="Action"
            placeholder="e.g. patient.read"
            {...form.getInputProps('action')}
            error={form.errors.action ?? fieldError(log.error, 'action')}
          />
          <TextInput
            label="Patient id"
            {...form.getInputProps('patientId')}
            error={form.errors.patientId ?? fieldError(log.error, 'patientId')}
            spellCheck={false}
          />
          <TextInput
            label="Actor email"
            type="email"
            {...form.getInputProps('actorEmail')}
            error={form.errors.actorEmail ?? fieldError(log.error, 'actorEmail')}
          />
          <TextInput
            label="From date"
            type="date"
            {...form.getInputProps('from')}
            error={form.errors.from ?? fieldError(log.error, 'from')}
          />
          <TextInput
            label="To date"
            type="date"
            {...form.getInputProps('to')}
            error={form.errors.to ?? fieldError(log.error, 'to')}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit">Apply filters</Button>
          <Button variant="default" onClick={clear}>
            Clear filters
          </Button>
        </Group>
      </Paper>

      {generalError && (
        <Alert color="red" role="alert">
          {generalError}
        </Alert>
      )}
      <Text size="sm" c="dimmed" aria-live="polite">
        {log.isPending
          ? 'Loading audit entries…'
          : log.isPlaceholderData
            ? 'Searching…'
            : `${total} ${total === 1 ? 'entry' : 'entries'}`}
      </Text>

      <PagedTable
        label="Audit entries"
        pagerLabel="Audit log pages"
        minWidth={1000}
        busy={log.isFetching}
        columns={['Time', 'Actor', 'Role', 'Action', 'Entity', 'Patient id', 'Outcome', 'Source address']}
        page={log.data && { ...log.data, page: Math.min(page, pageCount) }}
        empty="No audit entries match these filters."
        onPage={(next) => setParams(toParams(applied, next))}
        row={(entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{timeFormat.format(new Date(entry.at))}</Table.Td>
            <Table.Td>{entry.actorEmail ?? '—'}</Table.Td>
            <Table.Td>{entry.actorRole ? roleLabel(entry.actorRole) : '—'}</Table.Td>
            <Table.Td ff="monospace">{entry.action}</Table.Td>
            <Table.Td>
              {entry.entity}
              {entry.entityId && (
                <Text component="span" ff="monospace" size="xs" c="dimmed" title={entry.entityId}>
                  {' '}
                  {entry.entityId.slice(0, 8)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {entry.patientId ? (
                <Anchor
                  component="button"
                  type="button"
                  ff="monospace"
                  fz="xs"
                  title={entry.patientId}
                  aria-label={`Show only patient ${entry.patientId}`}
                  onClick={() => filterByPatient(entry.patientId ?? '')}
                >
                  {entry.patientId.slice(0, 8)}…
                </Anchor>
              ) : (
                '—'
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Outcome outcome={entry.outcome} />
            </Table.Td>
            <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
              {entry.sourceAddress ?? '—'}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

const outcomeColors: Record<string, string> = {
  success: 'teal',
  allowed: 'teal',
  ok: 'teal',
  denied: 'red',
  failure: 'red',
  error: 'red',
};

function Outcome({ outcome }: { outcome: string }) {
  const color = outcomeColors[outcome];
  return (
    <Text component="span" size="sm" fw={color === 'red' ? 700 : 500} c={color ? `${color}.9` : undefined}>
      {outcome}
    </Text>
  );
}

function ChainResult({ result }: { result: ChainVerification }) {
  const rows = `${result.checked} ${result.checked === 1 ? 'row' : 'rows'} checked`;
  if (result.ok) {
    return (
      <Alert color="teal" title="Audit chain intact">
        Every row's hash matches the row before it: {rows}.
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Audit chain broken">
      {result.firstBroken
        ? `First broken row: ${result.firstBroken.seq === null ? 'outside the chain' : `#${result.firstBroken.seq}`} (${result.firstBroken.id}): ${result.firstBroken.reason}. `
        : ''}
      {rows}.
    </Alert>
  );
}
