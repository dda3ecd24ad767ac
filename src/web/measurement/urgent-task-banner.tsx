import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useCan } from '../shared/permissions';
import { TASK_LABELS, useAcknowledgeTask, usePatientOpenTasks } from './measurement-api';

/** Shown at the top of the chart while any urgent task of the patient is open, to whoever may act on it. */
export function UrgentTaskBanner({ patientId }: { patientId: string }) {
  const allowed = useCan('measurement.read', 'task.acknowledge');
  const tasks = usePatientOpenTasks(patientId, allowed);
  const acknowledge = useAcknowledgeTask();
  if (!allowed || !tasks.data || tasks.data.items.length === 0) return null;
  return (
    <Stack gap="xs">
      {tasks.data.items.map((task) => (
        <Alert
          key={task.id}
          color="red"
          variant="filled"
          title={`Urgent: ${TASK_LABELS[task.type]}`}
          role="alert"
        >
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm">
              {task.instrumentName} on {task.administeredOn}
              {task.total !== null ? `: ${task.total} (${task.bandLabel})` : `: ${task.bandLabel}`}, entered{' '}
              {task.enteredVia === 'portal' ? 'by the patient in the portal' : 'by staff'}.
            </Text>
            <Button
              variant="white"
              color="red"
              size="xs"
              loading={acknowledge.isPending && acknowledge.variables?.task.id === task.id}
              onClick={() => acknowledge.mutate({ task })}
            >
              Acknowledge
            </Button>
          </Group>
        </Alert>
      ))}
      {acknowledge.isError && (
        <Text c="red" size="sm" role="alert">
          {acknowledge.error.message}
        </Text>
      )}
    </Stack>
  );
}
