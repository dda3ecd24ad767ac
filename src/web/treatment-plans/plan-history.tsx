import { List, Paper, Title } from '@mantine/core';
import type { Episode } from '../episodes/episodes-api';
import { usePlanHistory } from './treatment-plans-api';

/** Every version of the plan, once there is more than one. */
export function PlanHistory({ episode }: { episode: Episode }) {
  const history = usePlanHistory(episode, true);
  const items = history.data?.items ?? [];
  if (items.length < 2) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-history-heading">
      <Title order={2} size="h4" mb="sm" id="plan-history-heading">
        Version history
      </Title>
      <List size="sm">
        {items.map((entry) => (
          <List.Item key={entry.revision}>
            Version {entry.revision}
            {entry.current ? ' (current)' : ''}: {entry.status.replaceAll('_', ' ')}
            {entry.clinicianSignature ? `, clinician ${entry.clinicianSignature.name}` : ''}
            {entry.patientSignature ? `, patient ${entry.patientSignature.name}` : ''}
            {entry.supersededAt ? `; replaced ${new Date(entry.supersededAt).toLocaleString()}` : ''}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
