import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormAlert, useServerErrors } from '../shared/form-feedback';
import {
  type GrantForReview,
  type GrantStatus,
  type ReviewOutcome,
  useGrantQueue,
  useReviewGrant,
} from './break-glass-api';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const when = (iso: string) => timeFormat.format(new Date(iso));

/** Emergency access to review: each grant's reason, window, who, which record and everything done under it. */
export function BreakGlassReviewPage() {
  const [status, setStatus] = useState<GrantStatus>('unreviewed');
  const queue = useGrantQueue(status);
  return (
    <Stack>
      <Title order={1} size="h2">
        Break-glass review
      </Title>
      <SegmentedControl
        aria-label="Which grants"
        value={status}
        onChange={(v) => setStatus(v as GrantStatus)}
        data={[
          { value: 'unreviewed', label: 'To review' },
          { value: 'reviewed', label: 'Reviewed' },
          { value: 'all', label: 'All' },
        ]}
        w="fit-content"
      />
      {queue.error && (
        <Alert color="red" role="alert">
          {queue.error.message}
        </Alert>
      )}
      {queue.data && queue.data.items.length === 0 && <Text c="dimmed">No grants here.</Text>}
      {queue.data?.items.map((grant) => (
        <GrantCard key={grant.id} grant={grant} />
      ))}
    </Stack>
  );
}

function GrantCard({ grant }: { grant: GrantForReview }) {
  return (
    <Card withBorder radius="md" component="section" aria-label={`Grant to ${grant.user.displayName}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {grant.user.displayName} ({grant.user.email}) opened record{' '}
            {grant.patient.mrn ?? grant.patient.id} at {grant.site.name}
          </Text>
          {grant.live ? <Badge color="orange">Window open</Badge> : <Badge color="gray">Window closed</Badge>}
        </Group>
        <Text size="sm">
          <strong>Reason:</strong> {grant.reason}
        </Text>
        <Text size="sm">
          <strong>Window:</strong> {when(grant.grantedAt)} – {when(grant.expiresAt)}
        </Text>
        <Table striped withTableBorder aria-label="Accesses under this grant">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Record</Table.Th>
              <Table.Th>Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grant.accesses.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{when(a.at)}</Table.Td>
                <Table.Td>{a.action}</Table.Td>
                <Table.Td>{a.entity}</Table.Td>
                <Table.Td>{a.outcome}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {grant.review ? (
          <Alert
            color={grant.review.outcome === 'follow_up' ? 'orange' : 'teal'}
            title={reviewTitle(grant.review.outcome)}
          >
            {grant.review.reviewedBy} on {when(grant.review.reviewedAt)}
            {grant.review.note ? `: ${grant.review.note}` : ''}
          </Alert>
        ) : (
          <ReviewForm grantId={grant.id} />
        )}
      </Stack>
    </Card>
  );
}

const reviewTitle = (outcome: ReviewOutcome) =>
  outcome === 'follow_up' ? 'Needs follow-up' : 'Reviewed: justified';

function ReviewForm({ grantId }: { grantId: string }) {
  const form = useForm({ initialValues: { note: '' } });
  const server = useServerErrors(form);
  const review = useReviewGrant(grantId);
  const send = (outcome: ReviewOutcome) => {
    const { note } = form.getValues();
    server.clear();
    review.mutate({ outcome, ...(note.trim() ? { note } : {}) }, { onError: server.show });
  };
  return (
    <Stack gap="xs">
      <Textarea
        label="Review note"
        description="Required for follow-up"
        {...form.getInputProps('note')}
        autosize
        minRows={2}
      />
      <FormAlert message={server.banner} />
      <Group>
        <Button onClick={() => send('reviewed')} loading={review.isPending}>
          Mark reviewed
        </Button>
        <Button variant="default" color="orange" onClick={() => send('follow_up')} loading={review.isPending}>
          Needs follow-up
        </Button>
      </Group>
    </Stack>
  );
}
