import { Alert, Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { EPISODE_STATUSES } from '../../domain/episodes/episode-status';
import { EDITION_3_LEVEL_CODES, EDITION_4_LEVEL_CODES } from '../../domain/placement/levels-of-care';
import { usePrograms } from '../referrals/referrals-api';
import { formatDay } from '../shared/date-time';
import { fieldError } from '../shared/form-errors';
import { levelName } from '../shared/level-name';
import { PagedTable } from '../shared/paged-table';
import type { Site } from '../shared/session';
import { roleLabel } from '../shared/staff-navigation';
import { StatusBadge, statusLabel } from '../shared/status-badge';
import { useUrlParams } from '../shared/use-url-params';
import {
  type EpisodeCensusFilter,
  type EpisodeCensusRow,
  useEpisodeCensus,
  useSiteStaff,
} from './episodes-api';

/** The URL query keys of each filter; `view=treatment` selects this census on the patients page. */
const FILTER_PARAMS = {
  programId: 'program',
  level: 'level',
  status: 'status',
  clinicianId: 'clinician',
} as const satisfies Record<keyof EpisodeCensusFilter, string>;

const OPEN = 'open';

const STATUS_OPTIONS = [
  { value: OPEN, label: 'Open (all but discharged)' },
  ...EPISODE_STATUSES.map((status) => ({ value: status, label: statusLabel(status) })),
];

const EDITION_4_ONLY = EDITION_4_LEVEL_CODES.filter(
  (code) => !(EDITION_3_LEVEL_CODES as readonly string[]).includes(code),
);

function levelOptions(current: string) {
  const known = [...EDITION_3_LEVEL_CODES, ...EDITION_4_ONLY] as readonly string[];
  return [
    { value: '', label: 'Any level' },
    // A level typed into the address that is not in either list still shows as chosen.
    ...(current && !known.includes(current) ? [{ value: current, label: current }] : []),
    {
      group: 'ASAM 3rd edition',
      items: EDITION_3_LEVEL_CODES.map((code) => ({ value: code, label: levelName(3, code) })),
    },
    {
      group: 'ASAM 4th edition',
      items: EDITION_4_ONLY.map((code) => ({ value: code, label: levelName(4, code) })),
    },
  ];
}

/** The site's episodes of care, filtered by program, level, status and clinician; the filters live in the URL. */
export function EpisodeCensus({ site }: { site: Site }) {
  const navigate = useNavigate();
  const [params, updateParams] = useUrlParams();
  const filter: EpisodeCensusFilter = {
    programId: params.get(FILTER_PARAMS.programId) ?? '',
    level: params.get(FILTER_PARAMS.level) ?? '',
    status: params.get(FILTER_PARAMS.status) || OPEN,
    clinicianId: params.get(FILTER_PARAMS.clinicianId) ?? '',
  };
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const filtered = Boolean(filter.programId || filter.level || filter.clinicianId || filter.status !== OPEN);

  const setFilter = (key: keyof EpisodeCensusFilter, value: string) => {
    updateParams(
      (next) => {
        const empty = value === '' || (key === 'status' && value === OPEN);
        if (empty) next.delete(FILTER_PARAMS[key]);
        else next.set(FILTER_PARAMS[key], value);
        next.delete('page');
      },
      { replace: true },
    );
  };
  const clearFilters = () =>
    updateParams(
      (next) => {
        for (const key of [...next.keys()]) if (key !== 'view') next.delete(key);
      },
      { replace: true },
    );
  const goToPage = (page: number) => {
    updateParams((next) => {
      if (page === 1) next.delete('page');
      else next.set('page', String(page));
    });
  };

  // Programs and staff belong to a site: another site's census keeps only the level and status.
  const shownSiteId = useRef(site.id);
  useEffect(() => {
    if (site.id === shownSiteId.current) return;
    shownSiteId.current = site.id;
    updateParams(
      (next) => {
        for (const key of [FILTER_PARAMS.programId, FILTER_PARAMS.clinicianId, 'page']) next.delete(key);
      },
      { replace: true },
    );
  }, [site.id, updateParams]);

  const programs = usePrograms(site.id);
  const staff = useSiteStaff(site.id);
  const census = useEpisodeCensus(site.id, filter, page);

  const openPatient = (row: EpisodeCensusRow) => navigate(`/patients/${row.patientId}?tab=episode`);
  const openOnEnter = (event: KeyboardEvent, row: EpisodeCensusRow) => {
    if (event.key === 'Enter') openPatient(row);
  };

  const total = census.data?.total ?? 0;
  const filterError = (
    ['programId', 'level', 'status', 'clinicianId'] as const satisfies readonly (keyof EpisodeCensusFilter)[]
  ).some((key) => fieldError(census.error, key));

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} role="group" aria-label="Filter the episodes">
        <NativeSelect
          label="Program"
          value={filter.programId}
          onChange={(event) => setFilter('programId', event.currentTarget.value)}
          data={[
            { value: '', label: programs.isPending ? 'Loading programs…' : 'All programs' },
            ...(programs.data?.items ?? []).map((program) => ({ value: program.id, label: program.name })),
          ]}
          error={
            fieldError(census.error, 'programId') ?? (programs.isError ? programs.error.message : undefined)
          }
        />
        <NativeSelect
          label="Level of care"
          value={filter.level}
          onChange={(event) => setFilter('level', event.currentTarget.value)}
          data={levelOptions(filter.level)}
          error={fieldError(census.error, 'level')}
        />
        <NativeSelect
          label="Episode status"
          value={filter.status}
          onChange={(event) => setFilter('status', event.currentTarget.value)}
          data={STATUS_OPTIONS}
          error={fieldError(census.error, 'status')}
        />
        <NativeSelect
          label="Clinician"
          description="Primary clinician or care team"
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={filter.clinicianId}
          onChange={(event) => setFilter('clinicianId', event.currentTarget.value)}
          data={[
            { value: '', label: staff.isPending ? 'Loading staff…' : 'Any clinician' },
            ...(staff.data?.items ?? []).map((member) => ({
              value: member.id,
              label: `${member.displayName} (${roleLabel(member.role)})`,
            })),
          ]}
          error={fieldError(census.error, 'clinicianId') ?? (staff.isError ? staff.error.message : undefined)}
        />
      </SimpleGrid>
      {census.isError && !filterError && (
        <Alert color="red" role="alert">
          {census.error.message}
        </Alert>
      )}
      <Group justify="space-between" align="center" mih={30}>
        <Text size="sm" c="dimmed" aria-live="polite">
          {census.isError
            ? ''
            : census.isPending
              ? 'Loading episodes…'
              : census.isPlaceholderData
                ? 'Filtering…'
                : `${total} ${total === 1 ? 'episode' : 'episodes'}${filtered ? ' matching the filters' : ' open'}`}
        </Text>
        {filtered && (
          <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
            Clear filters
          </Button>
        )}
      </Group>
      <PagedTable
        label={`Episodes at ${site.name}`}
        pagerLabel="Episode census pages"
        minWidth={820}
        busy={census.isFetching}
        columns={['MRN', 'Name', 'Program', 'Level', 'Status', 'Admitted on', 'Primary clinician']}
        page={census.data}
        onPage={goToPage}
        empty={filtered ? 'No episodes match these filters.' : 'No open episodes at this site.'}
        row={(row) => (
          <Table.Tr
            key={row.episodeId}
            tabIndex={0}
            onClick={() => openPatient(row)}
            onKeyDown={(event) => openOnEnter(event, row)}
            style={{ cursor: 'pointer' }}
          >
            <Table.Td ff="monospace">{row.mrn}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/patients/${row.patientId}?tab=episode`} tabIndex={-1} fw={500}>
                {row.familyName}, {row.givenName}
              </Anchor>
              {row.preferredName && (
                <Text component="span" c="dimmed" size="sm">
                  {' '}
                  (prefers {row.preferredName})
                </Text>
              )}
            </Table.Td>
            <Table.Td>{row.programName}</Table.Td>
            <Table.Td title={levelName(3, row.level)}>{row.level}</Table.Td>
            <Table.Td>
              <StatusBadge status={row.status} />
            </Table.Td>
            <Table.Td>{row.admittedOn ? formatDay(row.admittedOn) : '—'}</Table.Td>
            <Table.Td>
              {row.primaryClinicianName ?? (
                <Text component="span" c="dimmed" size="sm">
                  None assigned
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
