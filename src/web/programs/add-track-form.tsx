import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSiteStaff } from '../episodes/episodes-api';
import { clinicDayInDays } from '../shared/clinic-calendar';
import { fieldError, formError } from '../shared/form-errors';
import { curriculumLines } from './curriculum-editor';
import { WEEKDAYS } from './program-labels';
import {
  createSchedule,
  createTrack,
  fetchCurriculum,
  type ProgramSettings,
  saveCurriculum,
  type Track,
  type TrackKind,
  type TrackModality,
} from './programs-api';
import { programKeys } from './programs-keys';

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
export function AddTrackForm({ siteId, program }: { siteId: string; program: ProgramSettings }) {
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
