import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import type { Population } from '../../domain/placement/levels-of-care';
import { AssessmentForm } from './assessment-form';
import { AssessmentHistory } from './assessment-history';
import { useAssessments } from './assessments-api';

/** The chart's ASAM tab: a new assessment, then every earlier one. */
export function AsamAssessmentSection({
  patientId,
  population,
  episodeId,
}: {
  patientId: string;
  population: Population;
  /** The open episode, if any: a reassessment during an episode belongs to it, so level changes can cite it. */
  episodeId: string | undefined;
}) {
  const assessments = useAssessments(patientId);
  return (
    <Stack>
      <AssessmentForm patientId={patientId} population={population} episodeId={episodeId} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="assessment-history-heading">
        <Title order={2} size="h4" mb="sm" id="assessment-history-heading">
          Assessment history
        </Title>
        {assessments.isError && (
          <Alert color="red" role="alert">
            {assessments.error.message}
          </Alert>
        )}
        {assessments.data && assessments.data.items.length === 0 && (
          <Text c="dimmed" size="sm">
            No assessments yet.
          </Text>
        )}
        {assessments.data && assessments.data.items.length > 0 && (
          <AssessmentHistory items={assessments.data.items} />
        )}
      </Paper>
    </Stack>
  );
}
