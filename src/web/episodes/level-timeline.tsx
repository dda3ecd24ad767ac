import { Paper, Text, Timeline, Title } from '@mantine/core';
import { formatDay } from '../shared/date-time';
import { levelName } from '../shared/level-name';
import { levelChangeTitle } from './episode-values';
import type { Episode } from './episodes-api';

/** The admission level and every step up or down since, oldest first. */
export function LevelTimeline({ episode }: { episode: Episode }) {
  const history = [...episode.levelHistory].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="level-history-heading">
      <Title order={2} size="h4" mb="md" id="level-history-heading">
        Level-of-care history
      </Title>
      <Timeline active={history.length - 1} bulletSize={18} lineWidth={2}>
        {history.map((change) => (
          <Timeline.Item key={change.id} title={levelChangeTitle(change)}>
            <Text size="sm" c="dimmed">
              {formatDay(change.effectiveOn)} · {levelName(episode.edition, change.toLevel)}
            </Text>
            <Text size="sm">{change.reason}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
