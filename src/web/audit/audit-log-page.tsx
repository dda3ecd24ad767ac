import {
  Alert,
  Anchor,
  Button,
  Group,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { fieldError, formError } from '../shared/form-errors';
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
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [rangeError, setRangeError] = useState<string>();
  const log = useAuditLog(applied, page);
  const chainCheck = useMutation({ mutationFn: verifyAuditChain });

  const setFilter = (name: keyof AuditFilters) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setDraft((current) => ({ ...current, [name]: value }));
  };

  const toParams = (filters: AuditFilters, nextPage: number) => {
    const next = new URLSearchParams();
    for (const name of AUDIT_FILTER_NAMES) {
      const value = filters[name].trim();
      if (value) next.set(name, value);
    }
    if (nextPage > 1) next.set('page', String(nextPage));
    return next;
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setRangeError('The end date is before the start date');
      return;
    }
    setRangeError(undefined);
    setParams(toParams(draft, 1));
  };

  // A patient id in the table is a shortcut: show everything that touched that patient.
  const filterByPatient = (patientId: string) => {
    const next = { ...applied, patientId };
    setDraft(next);
    setRangeError(undefined);
    setParams(toParams(next, 1));
  };

  const clear = () => {
    const empty: AuditFilters = { action: '', patientId: '', actorEmail: '', from: '', to: '' };
    setDraft(empty);
    setRangeError(undefined);
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
            value={draft.action}
            onChange={setFilter('action')}
            error={fieldError(log.error, 'action')}
          />
          <TextInput
            label="Patient id"
            value={draft.patientId}
            onChange={setFilter('patientId')}
            error={fieldError(log.error, 'patientId')}
            spellCheck={false}
          />
          <TextInput
            label="Actor email"
            type="email"
            value={draft.actorEmail}
            onChange={setFilter('actorEmail')}
            error={fieldError(log.error, 'actorEmail')}
          />
          <TextInput
            label="From date"
            type="date"
            value={draft.from}
            onChange={setFilter('from')}
            error={fieldError(log.error, 'from')}
          />
          <TextInput
            label="To date"
            type="date"
            value={draft.to}
            onChange={setFilter('to')}
            error={rangeError ?? fieldError(log.error, 'to')}
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

      <Table.ScrollContainer minWidth={1000}>
        <Table striped aria-label="Audit entries" aria-busy={log.isFetching} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Actor</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Entity</Table.Th>
              <Table.Th>Patient id</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Source address</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data?.items.map((entry) => (
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
            ))}
            {log.data && log.data.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text c="dimmed" ta="center" py="md">
                    No audit entries match these filters.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {pageCount > 1 && (
        <Group justify="flex-end">
          <Pagination
            total={pageCount}
            value={Math.min(page, pageCount)}
            onChange={(next) => setParams(toParams(applied, next))}
            aria-label="Audit log pages"
            getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          />
        </Group>
      )}
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
    <Text component="span" size="sm" fw={color === 'red' ? 700 : 500} c={color ? `${color}.8` : undefined}>
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
