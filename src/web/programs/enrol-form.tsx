import {
  Alert,
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
import { type FormEvent, useState } from 'react';
import { useEpisodeCensus } from '../episodes/episodes-api';
import { clinicTodayIso } from '../shared/clinic-calendar';
import { useClinicToday } from '../shared/clinic-zone';
import { fieldError, formError } from '../shared/form-errors';
import { type ProgramSettings, type Track, useTracks } from './programs-api';
import { useEnrol as useEnrolMutation } from './programs-mutations';

const ENROL_FIELDS = ['episodeId', 'trackId', 'startsOn'] as const;

const useEnrol = (programId: string, onDone: () => void) =>
  useEnrolMutation(programId, { onSuccess: onDone });

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
  const [episodeId, setEpisodeId] = useState('');
  const [trackId, setTrackId] = useState(tracks[0]?.id ?? '');
  const [startsOn, setStartsOn] = useState(() => clinicTodayIso(program.timeZone));
  const [done, setDone] = useState<string | null>(null);
  const episodes = census.data?.items ?? [];
  const chosen = episodes.find((row) => row.episodeId === episodeId);
  const save = useEnrol(program.programId, () => {
    setDone(chosen ? `${chosen.givenName} ${chosen.familyName} enrolled.` : 'Enrolled.');
    setEpisodeId('');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    save.mutate({ patientId: chosen?.patientId ?? '', trackId, episodeId, startsOn });
  };
  const general = formError(save.error, ENROL_FIELDS);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="enrol-heading">
      <Stack>
        <Title order={3} size="h4" id="enrol-heading">
          Enrol a patient
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <NativeSelect
            label="Patient (open episode)"
            data={[
              { value: '', label: census.isPending ? 'Loading…' : 'Choose…' },
              ...episodes.map((row) => ({
                value: row.episodeId,
                label: `${row.familyName}, ${row.givenName} (${row.mrn})`,
              })),
            ]}
            value={episodeId}
            onChange={(e) => setEpisodeId(e.currentTarget.value)}
            error={fieldError(save.error, 'episodeId')}
          />
          <NativeSelect
            label="Track"
            data={tracks.map((t) => ({ value: t.id, label: t.name }))}
            value={trackId}
            onChange={(e) => setTrackId(e.currentTarget.value)}
            error={fieldError(save.error, 'trackId')}
          />
          <TextInput
            label="From"
            type="date"
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            error={fieldError(save.error, 'startsOn')}
          />
        </SimpleGrid>
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
  const [trackId, setTrackId] = useState('');
  const today = useClinicToday().toString();
  const [startsOn, setStartsOn] = useState(today);
  const [medicare, setMedicare] = useState(false);
  const save = useEnrol(programId, () => setTrackId(''));
  const items = (tracks.data?.items ?? []).filter((t) => t.id !== transferFrom);
  const chosenTrack = trackId || items[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      patientId,
      trackId: chosenTrack,
      episodeId,
      startsOn,
      ...(transferFrom ? {} : { medicareCoverage: medicare }),
    });
  };
  const general = formError(save.error, ENROL_FIELDS);
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
            value={chosenTrack}
            onChange={(e) => setTrackId(e.currentTarget.value)}
            error={fieldError(save.error, 'trackId')}
          />
          <TextInput
            label="From"
            type="date"
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            error={fieldError(save.error, 'startsOn')}
          />
        </SimpleGrid>
        {!transferFrom && (
          <Checkbox
            label="Medicare IOP coverage (at least 9 h a week)"
            checked={medicare}
            onChange={(e) => setMedicare(e.currentTarget.checked)}
          />
        )}
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
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
