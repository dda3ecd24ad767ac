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
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSiteStaff } from '../episodes/episodes-api';
import { clinicDayInDays } from '../shared/clinic-calendar';
import { FormAlert, FormStatus, useServerErrors } from '../shared/form-feedback';
import { optionsWithBlank } from '../shared/select-options';
import { TimeRangeInputs } from '../shared/time-range-inputs';
import { curriculumLines } from './curriculum-editor';
import { MODALITY_OPTIONS, TIME_OF_DAY_OPTIONS, WEEKDAYS } from './program-labels';
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

/** Roles the demo marks licensed; the server refuses a group facilitator who is not (422 on facilitatorId). */
const FACILITATOR_ROLES = new Set(['program_director', 'clinician', 'prescriber']);

/** A track and its recurring week, saved together: the track first, then the schedule that makes its sessions. */
export function AddTrackForm({ siteId, program }: { siteId: string; program: ProgramSettings }) {
  const queryClient = useQueryClient();
  const staff = useSiteStaff(siteId);
  const facilitators = (staff.data?.items ?? []).filter((m) => FACILITATOR_ROLES.has(m.role));
  const form = useForm({
    initialValues: {
      name: '',
      timeOfDay: 'evening' as TrackKind,
      modality: 'virtual' as TrackModality,
      capacity: 12 as number | string,
      telehealthUrl: '',
      room: '',
      topic: '',
      curriculum: '',
      facilitatorId: '',
      weekdays: ['1', '3', '4'],
      startTime: '18:00',
      endTime: '21:00',
      startsOn: clinicDayInDays(program.timeZone, 0),
      endsOn: clinicDayInDays(program.timeZone, 8 * 7),
    },
  });
  // The schedule's rotateCurriculum is the curriculum box's doing.
  const server = useServerErrors(form, { rotateCurriculum: 'curriculum' });
  const [created, setCreated] = useState<Track | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const values = form.getValues();
  const facilitatorId = values.facilitatorId || facilitators[0]?.id || '';

  const save = useMutation({
    mutationFn: async (v: typeof values) => {
      // A retry after a schedule error keeps the track already made rather than adding a second one.
      const track =
        created ??
        (await createTrack(siteId, program.programId, {
          name: v.name.trim(),
          timeOfDay: v.timeOfDay,
          modality: v.modality,
          capacity: Number(v.capacity),
        }));
      setCreated(track);
      const topics = curriculumLines(v.curriculum);
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
        weekdays: v.weekdays.map(Number).sort(),
        startTime: v.startTime,
        endTime: v.endTime,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        sessionType: 'group_therapy',
        topic: topics.length > 0 ? null : v.topic.trim() || null,
        rotateCurriculum: topics.length > 0,
        facilitatorId: v.facilitatorId || null,
        room: v.modality === 'virtual' ? null : v.room.trim() || null,
        telehealthUrl: v.modality === 'in_person' ? null : v.telehealthUrl.trim() || null,
      });
      return track;
    },
    onSuccess: (track) => {
      setDone(`${track.name} added with its schedule.`);
      setCreated(null);
      form.setValues({ name: '', curriculum: '' });
    },
    onError: server.show,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.tracks(program.programId) });
      void queryClient.invalidateQueries({ queryKey: programKeys.sessions(program.programId) });
    },
  });
  const submit = form.onSubmit((v) => {
    setDone(null);
    server.clear();
    save.mutate({ ...v, facilitatorId });
  });
  const trackMade = created !== null;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-track-heading">
      <Stack>
        <Title order={3} size="h4" id="add-track-heading">
          Add a track
        </Title>
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <TextInput label="Track name" {...form.getInputProps('name')} disabled={trackMade} required />
          <NativeSelect
            label="Time of day"
            data={TIME_OF_DAY_OPTIONS}
            {...form.getInputProps('timeOfDay')}
            disabled={trackMade}
          />
          <NativeSelect
            label="Attendance"
            data={MODALITY_OPTIONS}
            {...form.getInputProps('modality')}
            disabled={trackMade}
          />
          <NumberInput
            label="Capacity"
            description="Seats in the group, at most 15"
            min={1}
            max={15}
            {...form.getInputProps('capacity')}
            disabled={trackMade}
          />
        </SimpleGrid>
        <Checkbox.Group label="Meets on" {...form.getInputProps('weekdays')}>
          <Group mt={6}>
            {WEEKDAYS.map((day, i) => (
              <Checkbox key={day.short} value={String(i + 1)} label={day.short} aria-label={day.long} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <TimeRangeInputs form={form} />
          <TextInput label="First day" type="date" {...form.getInputProps('startsOn')} />
          <TextInput label="Last day" type="date" {...form.getInputProps('endsOn')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <NativeSelect
            label="Facilitator"
            description="Group therapy needs a licensed facilitator"
            data={optionsWithBlank(
              'None',
              staff.isPending,
              facilitators.map((m) => ({ value: m.id, label: m.displayName })),
            )}
            {...form.getInputProps('facilitatorId')}
            value={facilitatorId}
          />
          <TextInput
            label="Topic"
            description="Optional, e.g. Relapse prevention (or a curriculum below)"
            {...form.getInputProps('topic')}
            disabled={curriculumLines(values.curriculum).length > 0}
          />
          {values.modality === 'in_person' ? (
            <TextInput label="Room" {...form.getInputProps('room')} />
          ) : (
            <TextInput
              label="Telehealth link"
              type="url"
              description="https://…"
              {...form.getInputProps('telehealthUrl')}
            />
          )}
        </SimpleGrid>
        <Textarea
          label="Curriculum"
          description="Optional: one topic per line, in order. The sessions rotate through it; members join at any point."
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('curriculum')}
        />
        <Text size="sm" c="dimmed">
          Group therapy sessions, times local to {program.timeZone}.
        </Text>
        {created && save.isError && (
          <Alert color="yellow">The track {created.name} was added; fix its schedule and save again.</Alert>
        )}
        <FormAlert message={server.banner} />
        <FormStatus message={done} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {created ? 'Save the schedule' : 'Add track'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
