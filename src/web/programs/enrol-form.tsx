import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useEpisodeCensus } from '../episodes/episodes-api';
import { clinicTodayIso } from '../shared/clinic-calendar';
import { useClinicToday } from '../shared/clinic-zone';
import { FormAlert, FormStatus, useServerErrors } from '../shared/form-feedback';
import { optionsWithBlank } from '../shared/select-options';
import { type ProgramSettings, type Track, useTracks } from './programs-api';
import { useEnrol as useEnrolMutation } from './programs-mutations';

const useEnrol = (programId: string, onError: (error: Error) => void, onDone: () => void) =>
  useEnrolMutation(programId, { onSuccess: onDone, onError });

/** The track page's way in: any open episode of the program joins a track from a day (rolling admission). */
export function EnrolFromTrack({
  siteId,
  program,
  tracks,
}: {
  siteId: string;
  program: ProgramSettings;
  tracks: Track[];
}) {
  const census = useEpisodeCensus(
    siteId,
    { programId: program.programId, level: '', status: '', clinicianId: '' },
    1,
  );
  const form = useForm({
    initialValues: {
      episodeId: '',
      trackId: tracks[0]?.id ?? '',
      startsOn: clinicTodayIso(program.timeZone),
    },
  });
  const server = useServerErrors(form);
  const [done, setDone] = useState<string | null>(null);
  const episodes = census.data?.items ?? [];
  const { episodeId, trackId } = form.getValues();
  const chosen = episodes.find((row) => row.episodeId === episodeId);
  const save = useEnrol(program.programId, server.show, () => {
    setDone(chosen ? `${chosen.givenName} ${chosen.familyName} enrolled.` : 'Enrolled.');
    form.setFieldValue('episodeId', '');
  });
  const submit = form.onSubmit((values) => {
    setDone(null);
    server.clear();
    save.mutate({ patientId: chosen?.patientId ?? '', ...values });
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="enrol-heading">
      <Stack>
        <Title order={3} size="h4" id="enrol-heading">
          Enrol a patient
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <NativeSelect
            label="Patient (open episode)"
            data={optionsWithBlank(
              'Choose…',
              census.isPending,
              episodes.map((row) => ({
                value: row.episodeId,
                label: `${row.familyName}, ${row.givenName} (${row.mrn})`,
              })),
            )}
            {...form.getInputProps('episodeId')}
          />
          <NativeSelect
            label="Track"
            data={tracks.map((t) => ({ value: t.id, label: t.name }))}
            {...form.getInputProps('trackId')}
          />
          <TextInput label="From" type="date" {...form.getInputProps('startsOn')} />
        </SimpleGrid>
        <FormAlert message={server.banner} />
        <FormStatus message={done} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!episodeId || !trackId}>
            Enrol
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The Episode tab's way in: this episode joins one of its program's tracks. With `transferFrom` it moves to
 * another track from a day (the server ends the current enrolment the day before; history stays).
 */
export function EnrolEpisode({
  siteId,
  programId,
  patientId,
  episodeId,
  transferFrom,
}: {
  siteId: string;
  programId: string;
  patientId: string;
  episodeId: string;
  transferFrom?: string;
}) {
  const tracks = useTracks(siteId, programId);
  const today = useClinicToday().toString();
  const form = useForm({ initialValues: { trackId: '', startsOn: today, medicareCoverage: false } });
  const server = useServerErrors(form);
  const save = useEnrol(programId, server.show, () => form.setFieldValue('trackId', ''));
  const items = (tracks.data?.items ?? []).filter((t) => t.id !== transferFrom);
  const chosenTrack = form.getValues().trackId || items[0]?.id || '';
  const submit = form.onSubmit(({ startsOn, medicareCoverage }) => {
    server.clear();
    save.mutate({
      patientId,
      trackId: chosenTrack,
      episodeId,
      startsOn,
      ...(transferFrom ? {} : { medicareCoverage }),
    });
  });
  if (tracks.isSuccess && items.length === 0) {
    return (
      <Text c="dimmed">
        {transferFrom ? 'The program has no other track.' : 'The program has no tracks yet.'}
      </Text>
    );
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={transferFrom ? 'Transfer to another track' : 'Enrol in a track'}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NativeSelect
            label="Track"
            data={items.map((t) => ({ value: t.id, label: t.name }))}
            {...form.getInputProps('trackId')}
            value={chosenTrack}
          />
          <TextInput label="From" type="date" {...form.getInputProps('startsOn')} />
        </SimpleGrid>
        {!transferFrom && (
          <Checkbox
            label="Medicare IOP coverage (at least 9 h a week)"
            {...form.getInputProps('medicareCoverage', { type: 'checkbox' })}
          />
        )}
        <FormAlert message={server.banner} />
        <Group>
          <Button
            type="submit"
            variant={transferFrom ? 'light' : 'filled'}
            loading={save.isPending}
            disabled={!chosenTrack}
          >
            {transferFrom ? 'Transfer' : 'Enrol'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
