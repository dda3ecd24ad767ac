import { Alert, Badge, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { type TopicStatus, useMemberTopics } from './programs-api';

const STATUS: Record<TopicStatus, { label: string; color: string }> = {
  covered: { label: 'Covered', color: 'teal' },
  missed: { label: 'Missed', color: 'red' },
  not_yet: { label: 'Not yet', color: 'gray' },
};

const day = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const dayOf = (date: string) => day.format(new Date(`${date}T00:00Z`));

/** Rolling admission: the member's topics of their track's curriculum, and where to make up a missed one. */
export function MemberTopics({ patientId }: { patientId: string }) {
  const topics = useMemberTopics(patientId);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="topics-heading">
      <Title order={2} size="h4" id="topics-heading" mb="sm">
        Curriculum topics
      </Title>
      {topics.isPending && <Loader size="sm" aria-label="Loading topics" />}
      {topics.isError && (
        <Alert color="red" role="alert">
          {topics.error.message}
        </Alert>
      )}
      {topics.data?.items.every((p) => p.topics.length === 0) && (
        <Text c="dimmed">The member's track has no curriculum.</Text>
      )}
      {topics.data?.items
        .filter((p) => p.topics.length > 0)
        .map((program) => (
          <Table key={program.programId} aria-label={`Topics of ${program.trackName}`} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Topic ({program.trackName})</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Next session covering it</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {program.topics.map((topic) => (
                <Table.Tr key={topic.topicId}>
                  <Table.Td>{topic.position + 1}</Table.Td>
                  <Table.Td>{topic.title}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS[topic.status].color} variant="light">
                      {STATUS[topic.status].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{topic.sessionDate ? dayOf(topic.sessionDate) : ''}</Table.Td>
                  <Table.Td>
                    {topic.status === 'covered'
                      ? ''
                      : topic.next
                        ? `${dayOf(topic.next.localDate)} · ${topic.next.trackName}`
                        : 'None in the next 8 weeks'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
    </Paper>
  );
}
