import { Alert, List, Loader, Paper, Stack, Title } from '@mantine/core';
import { formatDay } from '../shared/date-time';
import { statusLabel } from '../shared/status-badge';
import { AdmissionForm } from './admission-form';
import { EpisodeCard } from './episode-card';
import { openEpisode, useEpisodes } from './episodes-api';

/** The chart's Episode tab: the open episode (or the admission form), then the earlier episodes. */
export function EpisodeSection({ patientId, onDischarge }: { patientId: string; onDischarge: () => void }) {
  const episodes = useEpisodes(patientId);
  if (episodes.isPending) return <Loader aria-label="Loading episodes" />;
  if (episodes.isError) {
    return (
      <Alert color="red" role="alert">
        {episodes.error.message}
      </Alert>
    );
  }
  const current = openEpisode(episodes.data.items);
  const past = episodes.data.items.filter((episode) => episode !== current);
  return (
    <Stack>
      {current ? (
        <EpisodeCard episode={current} onDischarge={onDischarge} />
      ) : (
        <AdmissionForm patientId={patientId} />
      )}
      {past.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="past-episodes-heading">
          <Title order={2} size="h4" mb="sm" id="past-episodes-heading">
            Earlier episodes
          </Title>
          <List>
            {past.map((episode) => (
              <List.Item key={episode.id}>
                {episode.programName}: {statusLabel(episode.status)}
                {episode.admittedOn && `, admitted ${formatDay(episode.admittedOn)}`}
                {episode.dischargedOn && `, discharged ${formatDay(episode.dischargedOn)}`}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
