import {
  Alert,
  Anchor,
  Badge,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { usePrograms } from '../referrals/referrals-api';
import { formatDay } from '../shared/date-time';
import { PagedTable } from '../shared/paged-table';
import { may } from '../shared/permissions';
import { useMe } from '../shared/session';
import { useUrlParams } from '../shared/use-url-params';
import { type Charge, type ChargeStatus, useCharges } from './billing-api';
import { CHARGE_STATUS_COLORS, CHARGE_STATUS_LABELS, formatCents } from './billing-labels';
import { ChargeActions } from './charge-actions';
import { MakeChargesForm } from './make-charges-form';

const STATUSES: ChargeStatus[] = ['queued', 'held', 'released', 'billed', 'void'];
const COLUMNS = [
  'Date',
  'Patient',
  'Code',
  'Rev. code',
  'Units',
  'Amount',
  'Payer',
  'Authorization',
  'Status',
  '',
];

/** The site's charge queue: make charges, filter, and hold, requeue or release each one. */
export function ChargeQueueTab({ siteId }: { siteId: string }) {
  const me = useMe();
  const mayWrite = may(me.data, 'charge.write');
  const [params, editParams] = useUrlParams();
  const filter = {
    status: params.get('status') ?? 'queued',
    programId: params.get('program') ?? '',
    from: params.get('from') ?? '',
    through: params.get('through') ?? '',
  };
  const page = Number(params.get('page') ?? '1') || 1;
  const charges = useCharges(
    siteId,
    { ...filter, status: filter.status === 'all' ? '' : filter.status },
    page,
  );
  const programs = usePrograms(siteId);
  const [refusal, setRefusal] = useState<{ chargeId: string; message: string } | null>(null);
  const set = (name: string, value: string) =>
    editParams(
      (next) => {
        if (value) next.set(name, value);
        else next.delete(name);
        next.delete('page');
      },
      { replace: true },
    );

  return (
    <Stack>
      {mayWrite && <MakeChargesForm siteId={siteId} />}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} role="search" aria-label="Charge filters">
        <NativeSelect
          label="Status"
          data={[
            ...STATUSES.map((s) => ({ value: s, label: CHARGE_STATUS_LABELS[s] })),
            { value: 'all', label: 'All' },
          ]}
          value={filter.status}
          onChange={(e) => set('status', e.currentTarget.value)}
        />
        <NativeSelect
          label="Program filter"
          data={[
            { value: '', label: 'All programs' },
            ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          value={filter.programId}
          onChange={(e) => set('program', e.currentTarget.value)}
        />
        <TextInput
          label="Service from"
          type="date"
          value={filter.from}
          onChange={(e) => set('from', e.currentTarget.value)}
        />
        <TextInput
          label="Service through"
          type="date"
          value={filter.through}
          onChange={(e) => set('through', e.currentTarget.value)}
        />
      </SimpleGrid>
      {charges.isError && (
        <Alert color="red" role="alert">
          {charges.error.message}
        </Alert>
      )}
      <PagedTable
        label="Charge queue"
        columns={COLUMNS}
        page={charges.data}
        busy={charges.isFetching}
        minWidth={1000}
        striped={false}
        empty={
          filter.status === 'all'
            ? 'No charges yet.'
            : `No ${CHARGE_STATUS_LABELS[filter.status as ChargeStatus]?.toLowerCase() ?? ''} charges.`
        }
        onPage={(next) => editParams((p) => p.set('page', String(next)))}
        row={(charge) => (
          <ChargeRows
            key={charge.id}
            charge={charge}
            actions={
              mayWrite ? (
                <ChargeActions
                  siteId={siteId}
                  charge={charge}
                  onRefused={(message) => setRefusal({ chargeId: charge.id, message })}
                  onDone={() => setRefusal(null)}
                />
              ) : null
            }
            refusal={refusal?.chargeId === charge.id ? refusal.message : null}
          />
        )}
      />
    </Stack>
  );
}

function ChargeRows({
  charge,
  actions,
  refusal,
}: {
  charge: Charge;
  actions: ReactNode;
  refusal: string | null;
}) {
  const notes = charge.problems.length > 0 || charge.holdReason || refusal;
  const cell: { style?: CSSProperties } = notes ? { style: { borderBottom: 'none' } } : {};
  return (
    <>
      <Table.Tr aria-label={`${charge.patient.name} ${charge.serviceDate} ${charge.code}`}>
        <Table.Td {...cell} style={{ ...cell.style, whiteSpace: 'nowrap' }}>
          {formatDay(charge.serviceDate)}
        </Table.Td>
        <Table.Td {...cell}>
          <Anchor
            component={Link}
            to={`/patients/${charge.patient.id}?tab=coverage`}
            size="sm"
            fw={500}
            style={{ whiteSpace: 'nowrap' }}
          >
            {charge.patient.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            MRN {charge.patient.mrn}
          </Text>
        </Table.Td>
        <Table.Td {...cell} ff="monospace">
          {charge.code}
        </Table.Td>
        <Table.Td {...cell} ff="monospace">
          {charge.revenueCode ?? '—'}
        </Table.Td>
        <Table.Td {...cell}>{charge.units}</Table.Td>
        <Table.Td {...cell} ta="right">
          {formatCents(charge.amountCents)}
        </Table.Td>
        <Table.Td {...cell}>{charge.payerName ?? 'Self-pay'}</Table.Td>
        <Table.Td {...cell}>{charge.authorizationNumber ?? '—'}</Table.Td>
        <Table.Td {...cell}>
          <Badge
            variant="light"
            color={CHARGE_STATUS_COLORS[charge.status]}
            tt="none"
            style={{ flexShrink: 0, overflow: 'visible' }}
            styles={{ label: { overflow: 'visible' } }}
          >
            {CHARGE_STATUS_LABELS[charge.status]}
          </Badge>
        </Table.Td>
        <Table.Td {...cell}>{actions}</Table.Td>
      </Table.Tr>
      {notes && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS.length} pt={0}>
            <Stack gap={2}>
              {charge.holdReason && charge.status === 'held' && (
                <Text size="sm" c="yellow.9">
                  Held: {charge.holdReason}
                </Text>
              )}
              {charge.problems.length > 0 && (
                <Group gap={4} wrap="wrap" aria-label={`Problems of the charge for ${charge.patient.name}`}>
                  {charge.problems.map((problem) => (
                    <Text key={problem.reason} size="sm" c="red.8" w="100%">
                      ⚠ {problem.message}
                    </Text>
                  ))}
                </Group>
              )}
              {refusal && (
                <Text size="sm" c="red.8" role="alert">
                  Not released: {refusal}
                </Text>
              )}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
