import { Alert, Anchor, Badge, Button, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { TableScroll } from '../shared/table-list';
import { TASK_LABELS, useAcknowledgeTask, useMyUrgentTasks } from './measurement-api';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "My urgent tasks": risk answers waiting for the clinician, oldest first. */
export function UrgentTasksPage() {
  const tasks = useMyUrgentTasks();
  const acknowledge = useAcknowledgeTask();
  return (
    <Stack>
      <Title order={1} size="h2">
        My urgent tasks
      </Title>
      <Text c="dimmed" size="sm">
        Raised when a questionnaire shows suicide risk or withdrawal above the program's threshold. Review the
        patient the same day, then acknowledge.
      </Text>
      {tasks.isPending && <Loader aria-label="Loading tasks" />}
      {tasks.isError && (
        <Alert color="red" role="alert">
          {tasks.error.message}
        </Alert>
      )}
      {tasks.data && tasks.data.items.length === 0 && (
        <Paper withBorder p="md">
          <Text>No open urgent tasks.</Text>
        </Paper>
      )}
      {tasks.data && tasks.data.items.length > 0 && (
        <TableScroll label="My urgent tasks" minWidth={720}>
          <Table striped aria-label="My urgent tasks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Task</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Raised</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.data.items.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/patients/${task.patientId}?tab=measures`}>
                      {task.patientName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {task.mrn}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={task.type === 'withdrawal_threshold' ? 'orange' : 'red'}>
                      {TASK_LABELS[task.type]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {task.instrumentName} {task.total ?? ''} ({task.bandLabel}),{' '}
                    {task.enteredVia === 'portal' ? 'portal' : 'staff entry'}
                  </Table.Td>
                  <Table.Td>{timeFormat.format(new Date(task.createdAt))}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      loading={acknowledge.isPending && acknowledge.variables?.task.id === task.id}
                      onClick={() => acknowledge.mutate({ task })}
                    >
                      Acknowledge
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {acknowledge.isError && (
        <Text c="red" role="alert">
          {acknowledge.error.message}
        </Text>
      )}
    </Stack>
  );
}
