import { Alert, Anchor, Button, Group, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EpisodeCensus } from '../episodes/episode-census';
import { ageOnDay } from '../shared/clinic-calendar';
import { useClinicToday } from '../shared/clinic-zone';
import { useCurrentSite } from '../shared/current-site';
import { formatDateOfBirth } from '../shared/date-of-birth';
import { fieldError } from '../shared/form-errors';
import { PagedTable } from '../shared/paged-table';
import { useCan } from '../shared/permissions';
import type { Site } from '../shared/session';
import { REFERRAL_PERMISSIONS } from '../shared/staff-navigation';
import { StatusBadge } from '../shared/status-badge';
import { OverdueReviews } from '../treatment-plans/overdue-reviews';
import { type PatientSummary, useCensus } from './patients-api';

const TREATMENT_VIEW = 'treatment';

/** Two views of the site: every patient (searchable), and the patients in treatment (episodes, filterable). */
export function CensusPage() {
  const { site } = useCurrentSite();
  const [params, setParams] = useSearchParams();
  const mayRefer = useCan(...REFERRAL_PERMISSIONS);
  const view = params.get('view') === TREATMENT_VIEW ? TREATMENT_VIEW : 'all';
  // Each view keeps its own search or filters; switching starts the other one afresh.
  const openView = (value: string | null) => {
    if (value === view) return;
    setParams(value === TREATMENT_VIEW ? { view: TREATMENT_VIEW } : {});
  };

  if (!site) {
    return (
      <Alert color="yellow">You are not a member of any site yet. Ask an administrator to add you.</Alert>
    );
  }

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          Patients at {site.name}
        </Title>
        {mayRefer && (
          <Button component={Link} to="/patients/new">
            New referral
          </Button>
        )}
      </Group>
      <OverdueReviews />
      <Tabs value={view} onChange={openView} keepMounted={false}>
        <Tabs.List aria-label="Census view">
          <Tabs.Tab value="all">All patients</Tabs.Tab>
          <Tabs.Tab value={TREATMENT_VIEW}>In treatment</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="all" pt="md">
          <PatientCensus site={site} />
        </Tabs.Panel>
        <Tabs.Panel value={TREATMENT_VIEW} pt="md">
          <EpisodeCensus site={site} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Every patient of the site, searched by name, date of birth or MRN; the search lives in the URL. */
function PatientCensus({ site }: { site: Site }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  // The search box types freely; the URL (and so the query) follows a moment later, and back/forward
  // from a patient returns to the same search.
  const [searchText, setSearchText] = useState(q);
  const [debouncedSearch] = useDebouncedValue(searchText.trim(), 300);
  const lastSearch = useRef(q);
  useEffect(() => {
    if (debouncedSearch === lastSearch.current) return;
    lastSearch.current = debouncedSearch;
    setParams(debouncedSearch ? { q: debouncedSearch } : {}, { replace: true });
  }, [debouncedSearch, setParams]);
  useEffect(() => {
    if (q === lastSearch.current) return;
    lastSearch.current = q;
    setSearchText(q);
  }, [q]);

  // Another site's census starts again from page one.
  const shownSiteId = useRef(site.id);
  useEffect(() => {
    if (site.id === shownSiteId.current) return;
    shownSiteId.current = site.id;
    setParams(lastSearch.current ? { q: lastSearch.current } : {}, { replace: true });
  }, [site.id, setParams]);

  const census = useCensus(site.id, q, page);
  const openPatient = (patient: PatientSummary) => navigate(`/patients/${patient.id}`);
  const openOnEnter = (event: KeyboardEvent, patient: PatientSummary) => {
    if (event.key === 'Enter') openPatient(patient);
  };
  const goToPage = (next: number) => {
    setParams(q ? { q, page: String(next) } : { page: String(next) });
  };

  const total = census.data?.total ?? 0;
  const today = useClinicToday();

  return (
    <Stack>
      <TextInput
        label="Search patients"
        description="Name, date of birth (YYYY-MM-DD or MM/DD/YYYY) or MRN"
        type="search"
        value={searchText}
        onChange={(event) => setSearchText(event.currentTarget.value)}
        maw={480}
        error={fieldError(census.error, 'q')}
      />
      {census.isError && !fieldError(census.error, 'q') && (
        <Alert color="red" role="alert">
          {census.error.message}
        </Alert>
      )}
      <Text size="sm" c="dimmed" aria-live="polite">
        {census.isError
          ? ''
          : census.isPending
            ? 'Loading patients…'
            : census.isPlaceholderData
              ? 'Searching…'
              : `${total} ${total === 1 ? 'patient' : 'patients'}${q ? ` matching “${q}”` : ''}`}
      </Text>
      <PagedTable
        label={`Patients at ${site.name}`}
        pagerLabel="Census pages"
        minWidth={640}
        busy={census.isFetching}
        columns={['MRN', 'Name', 'Date of birth', 'Age', 'Status']}
        page={census.data}
        onPage={goToPage}
        empty={q ? `No patients match “${q}”.` : 'No patients at this site yet.'}
        row={(patient) => (
          <Table.Tr
            key={patient.id}
            tabIndex={0}
            onClick={() => openPatient(patient)}
            onKeyDown={(event) => openOnEnter(event, patient)}
            style={{ cursor: 'pointer' }}
          >
            <Table.Td ff="monospace">{patient.mrn}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/patients/${patient.id}`} tabIndex={-1} fw={500}>
                {patient.familyName}, {patient.givenName}
              </Anchor>
              {patient.preferredName && (
                <Text component="span" c="dimmed" size="sm">
                  {' '}
                  (prefers {patient.preferredName})
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatDateOfBirth(patient.dateOfBirth)}</Table.Td>
            <Table.Td>{ageOnDay(patient.dateOfBirth, today) ?? '—'}</Table.Td>
            <Table.Td>
              <StatusBadge status={patient.status} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
