import { Alert, Anchor, Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatInstant, NOTE_TYPE_LABELS } from './note-labels';
import { type QueueItem, useNoteQueue } from './notes-api';

/** Where a queue row opens: a group note's own screen, or the note in the patient's chart. */
export function queueItemPath(item: QueueItem): string {
  if (item.kind === 'group_note') return `/sites/${item.siteId}/group-notes/${item.id}`;
  return `/patients/${item.patientId}?tab=notes&note=${item.id}`;
}

function itemLabel(item: QueueItem): string {
  const type = NOTE_TYPE_LABELS[item.noteType];
  if (item.kind === 'group_note') return `${type} — ${item.members ?? 0} members`;
  return `${type} — ${item.familyName ?? ''}, ${item.givenName ?? ''}`;
}

export function NoteQueuePage() {
  const queue = useNoteQueue();
  return (
    <Stack>
      <Title order={1} size="h2">
        My notes
      </Title>
      {queue.isPending && <Loader aria-label="Loading my notes" />}
      {queue.isError && (
        <Alert color="red" role="alert">
          {queue.error.message}
        </Alert>
      )}
      {queue.data && (
        <>
          <QueueTable
            title="Overdue"
            hint={`Past ${queue.data.lateEntryHours} h after the service: signing now marks a late entry.`}
            items={queue.data.overdue}
            empty="Nothing overdue."
            color="red"
          />
          <QueueTable
            title="Unsigned drafts"
            hint="Oldest first."
            items={queue.data.unsigned}
            empty="No unsigned drafts."
          />
          <QueueTable
            title="Awaiting my co-signature"
            hint="Signed by staff you supervise."
            items={queue.data.awaitingMyCosignature}
            empty="Nothing waits for your co-signature."
          />
        </>
      )}
    </Stack>
  );
}

function QueueTable({
  title,
  hint,
  items,
  empty,
  color,
}: {
  title: string;
  hint: string;
  items: QueueItem[];
  empty: string;
  color?: string;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}{' '}
        <Badge color={color ?? 'gray'} variant="light">
          {items.length}
        </Badge>
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {hint}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <Table aria-label={title} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Note</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Late after</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={`${item.kind}:${item.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={queueItemPath(item)}>
                    {itemLabel(item)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatInstant(item.serviceAt)}</Table.Td>
                <Table.Td>{formatInstant(item.lateAfter)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
