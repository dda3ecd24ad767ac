import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSiteStaff } from '../episodes/episodes-api';
import { clinicDayInDays } from '../shared/clinic-calendar';
import { useCurrentSite } from '../shared/current-site';
import { fieldError, formError } from '../shared/form-errors';
import { may } from '../shared/permissions';
import { useMe } from '../shared/session';
import { AtRiskList } from './at-risk-list';
import { CurriculumEditor, curriculumLines } from './curriculum-editor';
import { EnrolFromTrack } from './enrol-form';
import { bandLabel, modalityLabel, timeOfDayLabel, WEEKDAYS } from './program-labels';
import {
  createSchedule,
  createTrack,
  fetchCurriculum,
  type ProgramSettings,
  saveCurriculum,
  type Track,
  type TrackKind,
  type TrackModality,
  useProgramSettings,
  useTracks,
} from './programs-api';
import { programKeys } from './programs-keys';
import { useSaveProgramSettings } from './programs-mutations';

/** Program and track setup for the current site; the at-risk list for the program director. */
export function ProgramsPage() {
  const { site } = useCurrentSite();
  const programs = useProgramSettings(site?.id);
  const [params, setParams] = useSearchParams();
  const me = useMe();
  if (!site) return <Alert color="yellow">You are not a member of any site yet.</Alert>;
  if (programs.isPending) return <Loader aria-label="Loading programs" />;
  if (programs.isError) {
    return (
      <Alert color="red" role="alert">
        {programs.error.message}
      </Alert>
    );
  }
  const items = programs.data.items;
  const program = items.find((p) => p.programId === params.get('program')) ?? items[0];
  const isDirector = may(me.data, 'program.setup');

  return (
    <Stack>
      <Title order={1} size="h2">
        Programs at {site.name}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={`Programs at ${site.name}`} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Program</Table.Th>
              <Table.Th>Weekly hours</Table.Th>
              <Table.Th>Week starts</Table.Th>
              <Table.Th>Time zone</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
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
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
        {tracks.isPending && <Loader aria-label="Loading tracks" />}
        {tracks.isError && (
          <Alert color="red" role="alert">
            {tracks.error.message}
          </Alert>
        )}
        {tracks.data && tracks.data.items.length === 0 && (
          <Text c="dimmed">No tracks yet{mayEdit ? ': add the first one below.' : '.'}</Text>
        )}
        {tracks.data && tracks.data.items.length > 0 && (
          <Table aria-label={`Tracks of ${program.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Track</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>How</Table.Th>
                <Table.Th>Members</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tracks.data.items.map((track) => (
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
              ))}
            </Table.Tbody>
          </Table>
        )}
        {mayEdit && tracks.data && tracks.data.items.length > 0 && (
          <EnrolFromTrack siteId={siteId} program={program} tracks={tracks.data.items} />
        )}
        {mayEdit && tracks.data && tracks.data.items.length > 0 && (
          <CurriculumEditor siteId={siteId} tracks={tracks.data.items} />
        )}
        {mayEdit && <AddTrackForm siteId={siteId} program={program} />}
        {mayEdit && <ProgramSettingsForm key={program.programId} siteId={siteId} program={program} />}
      </Stack>
    </Paper>
  );
}

/** The week the dose is counted in, the zone its sessions run in and the weekly hour band. */
function ProgramSettingsForm({ siteId, program }: { siteId: string; program: ProgramSettings }) {
  const [weekStartsOn, setWeekStartsOn] = useState(String(program.weekStartsOn));
  const [timeZone, setTimeZone] = useState(program.timeZone);
  const [atLeast, setAtLeast] = useState<number | string>(program.band.atLeastHours);
  const [lessThan, setLessThan] = useState<number | string>(program.band.lessThanHours ?? '');
  const save = useSaveProgramSettings(siteId, program);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      weekStartsOn: Number(weekStartsOn),
      timeZone,
      band: {
        atLeastHours: Number(atLeast),
        lessThanHours: lessThan === '' ? null : Number(lessThan),
      },
    });
  };
  const general = formError(save.error, [
    'weekStartsOn',
    'timeZone',
    'band.atLeastHours',
    'band.lessThanHours',
  ]);
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
            value={weekStartsOn}
            onChange={(e) => setWeekStartsOn(e.currentTarget.value)}
            error={fieldError(save.error, 'weekStartsOn')}
          />
          <TextInput
            label="Time zone"
            description="IANA name, e.g. America/Chicago"
            value={timeZone}
            onChange={(e) => setTimeZone(e.currentTarget.value)}
            error={fieldError(save.error, 'timeZone')}
          />
          <NumberInput
            label="Weekly hours at least"
            min={0}
            max={80}
            value={atLeast}
            onChange={setAtLeast}
            error={fieldError(save.error, 'band.atLeastHours')}
          />
          <NumberInput
            label="Weekly hours under"
            description="Empty: no ceiling"
            min={1}
            max={80}
            value={lessThan}
            onChange={setLessThan}
            error={fieldError(save.error, 'band.lessThanHours')}
          />
        </SimpleGrid>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        {save.isSuccess && (
          <Text c="teal.8" role="status">
            Program week saved.
          </Text>
        )}
        <Group>
          <Button type="submit" variant="light" loading={save.isPending}>
            Save program week
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const TRACK_FIELDS = [
  'name',
  'timeOfDay',
  'modality',
  'capacity',
  'telehealthUrl',
  'room',
  'weekdays',
  'startTime',
  'endTime',
  'startsOn',
  'endsOn',
  'facilitatorId',
  'topic',
  'rotateCurriculum',
] as const;

/** Roles the demo marks licensed; the server refuses a group facilitator who is not (422 on facilitatorId). */
const FACILITATOR_ROLES = new Set(['program_director', 'clinician', 'prescriber']);

/** A track and its recurring week, saved together: the track first, then the schedule that makes its sessions. */
function AddTrackForm({ siteId, program }: { siteId: string; program: ProgramSettings }) {
  const queryClient = useQueryClient();
  const staff = useSiteStaff(siteId);
  const facilitators = (staff.data?.items ?? []).filter((m) => FACILITATOR_ROLES.has(m.role));
  const [name, setName] = useState('');
  const [timeOfDay, setTimeOfDay] = useState<TrackKind>('evening');
  const [modality, setModality] = useState<TrackModality>('virtual');
  const [capacity, setCapacity] = useState<number | string>(12);
  const [telehealthUrl, setTelehealthUrl] = useState('');
  const [room, setRoom] = useState('');
  const [topic, setTopic] = useState('');
  const [curriculum, setCurriculum] = useState('');
  const [facilitatorChoice, setFacilitatorId] = useState('');
  const [weekdays, setWeekdays] = useState<string[]>(['1', '3', '4']);
  const [startTime, setStartTime] = useState('18:00');
  const [endTime, setEndTime] = useState('21:00');
  const [startsOn, setStartsOn] = useState(() => clinicDayInDays(program.timeZone, 0));
  const [endsOn, setEndsOn] = useState(() => clinicDayInDays(program.timeZone, 8 * 7));
  const [created, setCreated] = useState<Track | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const facilitatorId = facilitatorChoice || facilitators[0]?.id || '';

  const save = useMutation({
    mutationFn: async () => {
      // A retry after a schedule error keeps the track already made rather than adding a second one.
      const track =
        created ??
        (await createTrack(siteId, program.programId, {
          name: name.trim(),
          timeOfDay,
          modality,
          capacity: Number(capacity),
        }));
      setCreated(track);
      const topics = curriculumLines(curriculum);
      if (topics.length > 0) {
        const current = await fetchCurriculum(siteId, track.id);
        if (current.topics.length === 0) {
          await saveCurriculum(
            siteId,
            track.id,
            current.version,
            topics.map((title) => ({ title })),
          );
        }
      }
      await createSchedule(siteId, track.id, {
        weekdays: weekdays.map(Number).sort(),
        startTime,
        endTime,
        startsOn,
        endsOn,
        sessionType: 'group_therapy',
        topic: topics.length > 0 ? null : topic.trim() || null,
        rotateCurriculum: topics.length > 0,
        facilitatorId: facilitatorId || null,
        room: modality === 'virtual' ? null : room.trim() || null,
        telehealthUrl: modality === 'in_person' ? null : telehealthUrl.trim() || null,
      });
      return track;
    },
    onSuccess: (track) => {
      setDone(`${track.name} added with its schedule.`);
      setCreated(null);
      setName('');
      setCurriculum('');
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.tracks(program.programId) });
      void queryClient.invalidateQueries({ queryKey: programKeys.sessions(program.programId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    save.mutate();
  };
  const error = (field: string) => fieldError(save.error, field);
  const general = formError(save.error, TRACK_FIELDS);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-track-heading">
      <Stack>
        <Title order={3} size="h4" id="add-track-heading">
          Add a track
        </Title>
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <TextInput
            label="Track name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error('name')}
            disabled={created !== null}
            required
          />
          <NativeSelect
            label="Time of day"
            data={[
              { value: 'day', label: 'Day' },
              { value: 'evening', label: 'Evening' },
              { value: 'weekend', label: 'Weekend' },
            ]}
            value={timeOfDay}
            onChange={(e) => setTimeOfDay(e.currentTarget.value as TrackKind)}
            error={error('timeOfDay')}
            disabled={created !== null}
          />
          <NativeSelect
            label="Attendance"
            data={[
              { value: 'in_person', label: 'In person' },
              { value: 'virtual', label: 'Virtual (telehealth)' },
              { value: 'hybrid', label: 'Hybrid' },
            ]}
            value={modality}
            onChange={(e) => setModality(e.currentTarget.value as TrackModality)}
            error={error('modality')}
            disabled={created !== null}
          />
          <NumberInput
            label="Capacity"
            description="Seats in the group, at most 15"
            min={1}
            max={15}
            value={capacity}
            onChange={setCapacity}
            error={error('capacity')}
            disabled={created !== null}
          />
        </SimpleGrid>
        <Checkbox.Group label="Meets on" value={weekdays} onChange={setWeekdays} error={error('weekdays')}>
          <Group mt={6}>
            {WEEKDAYS.map((day, i) => (
              <Checkbox key={day.short} value={String(i + 1)} label={day.short} aria-label={day.long} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <TextInput
            label="Starts at"
            type="time"
            value={startTime}
            onChange={(e) => setStartTime(e.currentTarget.value)}
            error={error('startTime')}
          />
          <TextInput
            label="Ends at"
            type="time"
            value={endTime}
            onChange={(e) => setEndTime(e.currentTarget.value)}
            error={error('endTime')}
          />
          <TextInput
            label="First day"
            type="date"
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            error={error('startsOn')}
          />
          <TextInput
            label="Last day"
            type="date"
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            error={error('endsOn')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <NativeSelect
            label="Facilitator"
            description="Group therapy needs a licensed facilitator"
            data={[
              { value: '', label: staff.isPending ? 'Loading…' : 'None' },
              ...facilitators.map((m) => ({ value: m.id, label: m.displayName })),
            ]}
            value={facilitatorId}
            onChange={(e) => setFacilitatorId(e.currentTarget.value)}
            error={error('facilitatorId')}
          />
          <TextInput
            label="Topic"
            description="Optional, e.g. Relapse prevention (or a curriculum below)"
            value={topic}
            onChange={(e) => setTopic(e.currentTarget.value)}
            error={error('topic')}
            disabled={curriculumLines(curriculum).length > 0}
          />
          {modality === 'in_person' ? (
            <TextInput
              label="Room"
              value={room}
              onChange={(e) => setRoom(e.currentTarget.value)}
              error={error('room')}
            />
          ) : (
            <TextInput
              label="Telehealth link"
              type="url"
              description="https://…"
              value={telehealthUrl}
              onChange={(e) => setTelehealthUrl(e.currentTarget.value)}
              error={error('telehealthUrl')}
            />
          )}
        </SimpleGrid>
        <Textarea
          label="Curriculum"
          description="Optional: one topic per line, in order. The sessions rotate through it; members join at any point."
          autosize
          minRows={2}
          maxRows={8}
          value={curriculum}
          onChange={(e) => setCurriculum(e.currentTarget.value)}
          error={error('rotateCurriculum')}
        />
        <Text size="sm" c="dimmed">
          Group therapy sessions, times local to {program.timeZone}.
        </Text>
        {created && save.isError && (
          <Alert color="yellow">The track {created.name} was added; fix its schedule and save again.</Alert>
        )}
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        {done && (
          <Text c="teal.8" role="status">
            {done}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {created ? 'Save the schedule' : 'Add track'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
