import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type EpisodeStatus, isEpisodeStatus } from '../../domain/episodes/episode-status';
import { ApiError } from '../shared/api/api-error';
import { formatDay } from '../shared/date-time';
import { levelName } from '../shared/level-name';
import { StatusBadge } from '../shared/status-badge';
import { CareTeamPanel } from './care-team-panel';
import { DiagnosesPanel } from './diagnoses-panel';
import { type Episode, useChangeStatus } from './episodes-api';
import { LevelChangeForm } from './level-change-form';
import { LevelTimeline } from './level-timeline';

const MOVE_LABELS: Record<EpisodeStatus, string> = {
  referred: 'Back to referred',
  screening: 'Start screening',
  admitted: 'Admit',
  active: 'Mark active',
  on_hold: 'Put on hold',
  discharged: 'Discharge',
};

/** The open episode: status and its moves, level history, level change, diagnoses and care team. */
export function EpisodeCard({ episode, onDischarge }: { episode: Episode; onDischarge: () => void }) {
  const move = useChangeStatus(episode);
  // Only the moves the state machine allows are offered; the server names them with the episode.
  const moves = episode.allowedMoves.filter(isEpisodeStatus);

  return (
    <Stack>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="episode-heading">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Group gap="sm">
              <Title order={2} size="h4" id="episode-heading">
                Episode: {episode.programName}
              </Title>
              <StatusBadge status={episode.status} />
            </Group>
            <Badge size="lg" variant="outline" tt="none" aria-label={`Current level ${episode.level}`}>
              Level {levelName(episode.edition, episode.level)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            ASAM edition {episode.edition}
            {episode.admittedOn && ` · admitted ${formatDay(episode.admittedOn)}`}
          </Text>
          <Group gap="xs" role="group" aria-label="Change status">
            {moves.map((to) =>
              to === 'discharged' ? (
                <Button key={to} variant="light" color="gray" onClick={onDischarge}>
                  Discharge…
                </Button>
              ) : (
                <Button
                  key={to}
                  variant="light"
                  onClick={() => move.mutate(to)}
                  loading={move.isPending && move.variables === to}
                >
                  {MOVE_LABELS[to]}
                </Button>
              ),
            )}
          </Group>
          {move.isError && (
            <Alert color="red" role="alert">
              {move.error instanceof ApiError && move.error.status === 409
                ? `${move.error.message} Reload to see the current status.`
                : move.error.message}
            </Alert>
          )}
        </Stack>
      </Paper>
      <LevelTimeline episode={episode} />
      {episode.status !== 'discharged' && <LevelChangeForm episode={episode} />}
      {episode.diagnoses && <DiagnosesPanel episode={episode} diagnoses={episode.diagnoses} />}
      <CareTeamPanel episode={episode} />
    </Stack>
  );
}
