import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { type AsamEdition, findLevel, type Population } from '../../domain/placement/levels-of-care';
import { DIMENSIONS, type Recommendation } from '../../domain/placement/recommend-level';
import { levelName } from '../shared/level-name';

const dimensionLabel = (id: string) => DIMENSIONS.find((d) => d.id === id)?.label ?? id;

/** The level the ratings recommend, live as the clinician rates: which dimensions drive it, and alternatives. */
export function RecommendationView({
  recommendation,
  edition,
  population,
}: {
  recommendation: Recommendation | null;
  edition: AsamEdition;
  population: Population;
}) {
  if (!recommendation) {
    return (
      <Alert color="gray" title="Recommended level" role="status">
        Rate all six dimensions to see the recommended level.
      </Alert>
    );
  }
  const level = findLevel(edition, recommendation.level);
  const hours = level?.weeklyHours[population];
  return (
    <Alert color="teal" title="Recommended level" role="status" aria-label="Recommended level">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge size="lg" tt="none">
            {recommendation.level}
          </Badge>
          <Text fw={600}>{level?.name}</Text>
          {hours && (
            <Text size="sm" c="dimmed">
              ({population === 'adolescent' ? 'adolescents' : 'adults'}: {hours.label})
            </Text>
          )}
        </Group>
        <Text size="sm">
          Driven by{' '}
          {recommendation.drivenBy
            .map((id) => {
              const row = recommendation.perDimension.find((r) => r.dimension === id);
              return `${id} ${dimensionLabel(id)} (rated ${row?.rating}${row?.note ? `, ${row.note}` : ''})`;
            })
            .join('; ')}
          . The highest dimension sets the level; ratings are never averaged.
        </Text>
        {recommendation.alternatives.map((alternative) => (
          <Text size="sm" key={alternative.level}>
            Alternative: {levelName(edition, alternative.level)}
            {alternative.note ? ` ${alternative.note}` : ''} (offered by {alternative.offeredBy.join(', ')})
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
