import {
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useSearchParams } from 'react-router';
import { FormAlert, FormStatus, useServerErrors } from '../shared/form-feedback';
import { may } from '../shared/permissions';
import { QueryState } from '../shared/query-state';
import { type Site, useMe } from '../shared/session';
import { ListTable } from '../shared/table-list';
import { AddTrackForm } from './add-track-form';
import { AtRiskList } from './at-risk-list';
import { CurriculumEditor } from './curriculum-editor';
import { EnrolFromTrack } from './enrol-form';
import { bandLabel, modalityLabel, timeOfDayLabel, WEEKDAYS } from './program-labels';
import { type ProgramSettings, useTracks } from './programs-api';
import { useSaveProgramSettings } from './programs-mutations';
import { SitePrograms } from './site-programs';

/** Program and track setup for the current site; the at-risk list for the program director. */
export function ProgramsPage() {
  return <SitePrograms>{(site, items) => <ProgramList site={site} items={items} />}</SitePrograms>;
}

function ProgramList({ site, items }: { site: Site; items: ProgramSettings[] }) {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const program = items.find((p) => p.programId === params.get('program')) ?? items[0];
  const isDirector = may(me.data, 'program.setup');

  return (
    <Stack>
      <Title order={1} size="h2">
        Programs at {site.name}
      </Title>
      <ListTable
        label={`Programs at ${site.name}`}
        highlightOnHover
        minWidth={640}
        columns={['Program', 'Weekly hours', 'Week starts', 'Time zone', null]}
        items={items}
        row={(p) => (
          <Table.Tr key={p.programId} bg={p.programId === program?.programId ? 'teal.0' : undefined}>
            <Table.Td fw={500}>{p.name}</Table.Td>
            <Table.Td>{bandLabel(p.band)}</Table.Td>
            <Table.Td>{WEEKDAYS[p.weekStartsOn - 1]?.long ?? '—'}</Table.Td>
            <Table.Td>{p.timeZone}</Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant={p.programId === program?.programId ? 'filled' : 'light'}
                onClick={() => setParams({ program: p.programId }, { replace: true })}
                aria-label={`Show tracks of ${p.name}`}
                aria-pressed={p.programId === program?.programId}
              >
                Tracks
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {program && (
        <>
          {isDirector && <AtRiskList siteId={site.id} program={program} />}
          <ProgramTracks siteId={site.id} program={program} mayEdit={isDirector} />
        </>
      )}
    </Stack>
  );
}

function ProgramTracks({
  siteId,
  program,
  mayEdit,
}: {
  siteId: string;
  program: ProgramSettings;
  mayEdit: boolean;
}) {
  const tracks = useTracks(siteId, program.programId);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tracks-heading">
      <Stack>
        <Title order={2} size="h3" id="tracks-heading">
          Tracks of {program.name}
        </Title>
        <QueryState
          query={tracks}
          loading="Loading tracks"
          isEmpty={(list) => list.items.length === 0}
          empty={`No tracks yet${mayEdit ? ': add the first one below.' : '.'}`}
        >
          {(list) => (
            <>
              <ListTable
                label={`Tracks of ${program.name}`}
                columns={['Track', 'When', 'How', 'Members']}
                items={list.items}
                row={(track) => (
                  <Table.Tr key={track.id}>
                    <Table.Td fw={500}>{track.name}</Table.Td>
                    <Table.Td>{timeOfDayLabel(track.timeOfDay)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={track.modality === 'virtual' ? 'violet' : 'teal'}>
                        {modalityLabel(track.modality)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {track.members} of {track.capacity}
                    </Table.Td>
                  </Table.Tr>
                )}
              />
              {mayEdit && <EnrolFromTrack siteId={siteId} program={program} tracks={list.items} />}
              {mayEdit && <CurriculumEditor siteId={siteId} tracks={list.items} />}
            </>
          )}
        </QueryState>
        {mayEdit && <AddTrackForm siteId={siteId} program={program} />}
        {mayEdit && <ProgramSettingsForm key={program.programId} siteId={siteId} program={program} />}
      </Stack>
    </Paper>
  );
}

/** The week the dose is counted in, the zone its sessions run in and the weekly hour band. */
function ProgramSettingsForm({ siteId, program }: { siteId: string; program: ProgramSettings }) {
  const form = useForm({
    initialValues: {
      weekStartsOn: String(program.weekStartsOn),
      timeZone: program.timeZone,
      band: {
        atLeastHours: program.band.atLeastHours as number | string,
        lessThanHours: (program.band.lessThanHours ?? '') as number | string,
      },
    },
  });
  // The server's field paths (band.atLeastHours …) are the form's own, so a 422 lands under its input.
  const server = useServerErrors(form);
  const save = useSaveProgramSettings(siteId, program);
  const submit = form.onSubmit(({ weekStartsOn, timeZone, band }) => {
    server.clear();
    save.mutate({
      weekStartsOn: Number(weekStartsOn),
      timeZone,
      band: {
        atLeastHours: Number(band.atLeastHours),
        lessThanHours: band.lessThanHours === '' ? null : Number(band.lessThanHours),
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="program-week-heading">
      <Stack>
        <Title order={3} size="h4" id="program-week-heading">
          Program week
        </Title>
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <NativeSelect
            label="Week starts on"
            data={WEEKDAYS.map((day, i) => ({ value: String(i + 1), label: day.long }))}
            {...form.getInputProps('weekStartsOn')}
          />
          <TextInput
            label="Time zone"
            description="IANA name, e.g. America/Chicago"
            {...form.getInputProps('timeZone')}
          />
          <NumberInput
            label="Weekly hours at least"
            min={0}
            max={80}
            {...form.getInputProps('band.atLeastHours')}
          />
          <NumberInput
            label="Weekly hours under"
            description="Empty: no ceiling"
            min={1}
            max={80}
            {...form.getInputProps('band.lessThanHours')}
          />
        </SimpleGrid>
        <FormAlert message={server.banner} />
        <FormStatus message={save.isSuccess ? 'Program week saved.' : null} />
        <Group>
          <Button type="submit" variant="light" loading={save.isPending}>
            Save program week
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
