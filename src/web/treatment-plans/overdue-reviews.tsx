import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay } from '../shared/date-time';
import { useCan } from '../shared/permissions';
import { useOverdueReviews } from './treatment-plans-api';

/** The signed-in clinician's plans past their review date; nothing is shown when none are overdue. */
export function OverdueReviews() {
  const overdue = useOverdueReviews(useCan('plan.overdue'));
  const items = overdue.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="overdue-heading" bg="yellow.0">
      <Title order={2} size="h4" id="overdue-heading">
        Treatment plan reviews overdue
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Plans where you are the primary clinician or on the care team.
      </Text>
      <List size="sm">
        {items.map((item) => (
          <List.Item key={item.planId}>
            <Anchor component={Link} to={`/patients/${item.patientId}?tab=plan`}>
              {item.familyName}, {item.givenName}
            </Anchor>{' '}
            ({item.mrn}, {item.programName}): review was due {formatDay(item.reviewDate)}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
