import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDay } from '../shared/date-time';
import { levelName } from '../shared/level-name';
import { StatusBadge } from '../shared/status-badge';
import { openEpisode, useEpisodes } from './episodes-api';

/** The overview's line about the patient's care now: program, status and level, with the way to the episode. */
export function CurrentEpisodeSummary({ patientId, onOpen }: { patientId: string; onOpen: () => void }) {
  const episodes = useEpisodes(patientId);
  if (!episodes.data) return null;
  const episode = openEpisode(episodes.data.items) ?? episodes.data.items[0];
  return (
    <Paper withBorder p="md" radius="md" mt="md" component="section" aria-labelledby="current-care-heading">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={4}>
          <Title order={2} size="h4" id="current-care-heading">
            Care now
          </Title>
          {episode ? (
            <Group gap="xs">
              <Text size="sm">{episode.programName}</Text>
              <StatusBadge status={episode.status} />
              <Text size="sm">level {levelName(episode.edition, episode.level)}</Text>
              {episode.admittedOn && (
                <Text size="sm" c="dimmed">
                  admitted {formatDay(episode.admittedOn)}
                </Text>
              )}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              No episode of care yet.
            </Text>
          )}
        </Stack>
        <Button variant="light" onClick={onOpen}>
          {episode ? 'Open the episode' : 'Admit to a program'}
        </Button>
      </Group>
    </Paper>
  );
}
