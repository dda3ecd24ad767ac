import { Badge, Button, Collapse, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { formatDay } from '../shared/date-time';
import { may } from '../shared/permissions';
import { type QueryLike, QueryState } from '../shared/query-state';
import { SectionCard } from '../shared/section-card';
import { useMe } from '../shared/session';
import { ListTable } from '../shared/table-list';
import { AddAuthorizationForm } from './add-authorization-form';
import { AddCoverageForm } from './add-coverage-form';
import { type Authorization, type Coverage, useAuthorizations, useCoverages } from './billing-api';
import {
  ALERT_LABELS,
  AUTHORIZATION_STATUS_COLORS,
  AUTHORIZATION_STATUS_LABELS,
  RANK_LABELS,
  RELATIONSHIP_LABELS,
} from './billing-labels';

const through = (day: string | null) => (day ? formatDay(day) : 'open-ended');

/**
 * The chart's Coverage and authorizations tab: the patient's insurance and the payer's authorizations (units
 * approved, used by charges, left), each part shown when `me` may read it, each add form when it may write.
 */
export function CoverageSection({ patientId }: { patientId: string }) {
  const me = useMe();
  const readsCoverage = may(me.data, 'coverage.read');
  const readsAuthorizations = may(me.data, 'authorization.read');
  const coverages = useCoverages(patientId, readsCoverage);
  const authorizations = useAuthorizations(patientId, readsAuthorizations);
  return (
    <Stack>
      {readsCoverage && (
        <RecordedList
          id="coverage-heading"
          title="Coverage"
          query={coverages}
          empty="No coverage on file: charges are billed to the patient."
          minWidth={640}
          columns={['Rank', 'Payer', 'Member id', 'Group', 'Subscriber', 'Dates']}
          row={coverageRow}
          adder={
            may(me.data, 'coverage.write', 'payer.read') && (
              <Opener label="Add coverage">
                <AddCoverageForm patientId={patientId} />
              </Opener>
            )
          }
        />
      )}
      {readsAuthorizations && (
        <RecordedList
          id="authorizations-heading"
          title="Authorizations"
          query={authorizations}
          empty="No authorizations recorded."
          minWidth={760}
          columns={[
            'Authorization',
            'Payer',
            'Level · codes',
            'Dates',
            'Units approved / used / left',
            'Status',
          ]}
          row={authorizationRow}
          adder={
            may(me.data, 'authorization.write', 'coverage.read') &&
            coverages.data && (
              <Opener label="Add an authorization">
                <AddAuthorizationForm patientId={patientId} coverages={coverages.data.items} />
              </Opener>
            )
          }
        />
      )}
    </Stack>
  );
}

/** One part of the tab: what is recorded (or the empty line), and the add form when `me` may add. */
function RecordedList<T>({
  id,
  title,
  query,
  empty,
  minWidth,
  columns,
  row,
  adder,
}: {
  id: string;
  /** The heading, and the table's name. */
  title: string;
  query: QueryLike<{ items: T[] }>;
  empty: string;
  minWidth: number;
  columns: string[];
  row: (item: T) => ReactNode;
  adder: ReactNode;
}) {
  return (
    <SectionCard id={id} title={title}>
      <QueryState
        query={query}
        loading={`Loading ${title.toLowerCase()}`}
        isEmpty={(list) => list.items.length === 0}
        empty={empty}
      >
        {(list) => (
          <ListTable
            label={title}
            striped
            minWidth={minWidth}
            columns={columns}
            items={list.items}
            row={row}
          />
        )}
      </QueryState>
      {adder}
    </SectionCard>
  );
}

/** An add form behind its button, so the chart opens on what is recorded. */
function Opener({ label, children }: { label: string; children: ReactNode }) {
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <>
      <Group mt="sm">
        <Button size="xs" variant={opened ? 'default' : 'light'} onClick={toggle} aria-expanded={opened}>
          {opened ? 'Close' : label}
        </Button>
      </Group>
      <Collapse expanded={opened}>{children}</Collapse>
    </>
  );
}

function coverageRow(coverage: Coverage) {
  return (
    <Table.Tr key={coverage.id}>
      <Table.Td>{RANK_LABELS[coverage.rank]}</Table.Td>
      <Table.Td fw={500}>{coverage.payerName}</Table.Td>
      <Table.Td ff="monospace">{coverage.memberId}</Table.Td>
      <Table.Td ff="monospace">{coverage.groupNumber ?? '—'}</Table.Td>
      <Table.Td>
        {coverage.subscriberRelationship === 'self'
          ? 'Self'
          : `${[coverage.subscriberGivenName, coverage.subscriberFamilyName].filter(Boolean).join(' ')} (${RELATIONSHIP_LABELS[coverage.subscriberRelationship].toLowerCase()})`}
      </Table.Td>
      <Table.Td>
        {formatDay(coverage.effectiveFrom)} – {through(coverage.effectiveThrough)}
      </Table.Td>
    </Table.Tr>
  );
}

function authorizationRow(a: Authorization) {
  return (
    <Table.Tr key={a.id}>
      <Table.Td ff="monospace">{a.authorizationNumber ?? 'No number yet'}</Table.Td>
      <Table.Td>{a.payerName}</Table.Td>
      <Table.Td>
        {a.levelOfCare} · {a.serviceCodes.join(', ')}
      </Table.Td>
      <Table.Td>
        {formatDay(a.from)} – {formatDay(a.through)}
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {a.unitsApproved} / {a.unitsUsed} / <b>{a.unitsRemaining} left</b>
        </Text>
        {a.unitsApproved > 0 && (
          <Progress
            size="sm"
            mt={4}
            value={Math.min(100, (a.unitsUsed / a.unitsApproved) * 100)}
            color={a.alerts.includes('units_low') ? 'orange' : 'teal'}
            aria-label={`${a.unitsUsed} of ${a.unitsApproved} units used`}
          />
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge variant="light" color={AUTHORIZATION_STATUS_COLORS[a.status]} tt="none">
            {AUTHORIZATION_STATUS_LABELS[a.status]}
          </Badge>
          {a.alerts.map((alert) => (
            <Badge key={alert} color="orange" variant="filled" tt="none">
              {ALERT_LABELS[alert]}
            </Badge>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
