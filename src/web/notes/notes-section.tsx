import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../shared/api/api-error';
import { PagedTable } from '../shared/paged-table';
import { QueryState } from '../shared/query-state';
import { useMe } from '../shared/session';
import { useUrlParams } from '../shared/use-url-params';
import { GroupSharedView, NoteBodyView } from './note-body';
import { NoteEditor } from './note-editor';
import { formatInstant, NOTE_TYPE_LABELS, STATUS_LABELS } from './note-labels';
import { addAddendum, cosignNote, type Note, type SignProof, useNote, usePatientNotes } from './notes-api';
import { noteKeys } from './notes-keys';
import { SignDialog } from './sign-dialog';

/** The chart's Notes tab: the patient's notes (a group note as this patient's own copy), one note, a new one. */
export function NotesSection({ patientId }: { patientId: string }) {
  const [params, editParams] = useUrlParams();
  const selected = params.get('note');
  const writing = params.get('write') === '1';
  const [page, setPage] = useState(1);
  const notes = usePatientNotes(patientId, page);
  const me = useMe();
  const role = me.data?.user.role ?? '';
  const open = (noteId: string | null) =>
    editParams((next) => {
      next.delete('write');
      if (noteId) next.set('note', noteId);
      else next.delete('note');
    });
  const startWriting = () =>
    editParams((next) => {
      next.delete('note');
      next.set('write', '1');
    });
  const part2 = notes.data?.items.find((n) => n.part2.applies)?.part2;

  return (
    <Stack>
      {part2?.notice && (
        <Alert color="grape" variant="filled" title="42 CFR Part 2 — confidential substance use records">
          <Text size="sm">{part2.notice}</Text>
        </Alert>
      )}
      {writing ? (
        <NoteEditor patientId={patientId} onDone={open} />
      ) : selected ? (
        <NoteView patientId={patientId} noteId={selected} onClose={() => open(null)} />
      ) : null}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="notes-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="notes-heading">
            Notes
          </Title>
          {role !== 'billing' && !writing && (
            <Button size="xs" onClick={startWriting}>
              Write a note
            </Button>
          )}
        </Group>
        <QueryState
          query={notes}
          loading="Loading notes"
          isEmpty={(list) => list.total === 0}
          empty={<Text size="sm">No notes yet.</Text>}
        >
          {(list) => (
            <PagedTable
              label="Notes"
              pagerLabel="Notes pages"
              striped={false}
              tableProps={{ verticalSpacing: 'xs', highlightOnHover: true, fz: undefined }}
              columns={['Note', 'Service', 'Author', 'Status', 'Code', 'Label']}
              page={list}
              empty="No notes on this page."
              onPage={setPage}
              row={(note) => (
                <Table.Tr key={note.id} aria-selected={note.id === selected}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => open(note.id)}>
                      {NOTE_TYPE_LABELS[note.noteType]}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatInstant(note.serviceAt)}</Table.Td>
                  <Table.Td>{note.author.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <StatusBadge note={note} />
                      {note.lateEntry && (
                        <Badge color="orange" size="sm">
                          Late entry
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{note.codeSuggestion?.code ?? '—'}</Table.Td>
                  <Table.Td>
                    {note.part2.applies && (
                      <Badge color="grape" size="sm" title={note.part2.notice ?? undefined}>
                        42 CFR Part 2
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              )}
            />
          )}
        </QueryState>
      </Paper>
    </Stack>
  );
}

function StatusBadge({ note }: { note: Pick<Note, 'status'> }) {
  const status = STATUS_LABELS[note.status];
  return (
    <Badge color={status.color} variant="light" size="sm">
      {status.label}
    </Badge>
  );
}

function NoteView({
  patientId,
  noteId,
  onClose,
}: {
  patientId: string;
  noteId: string;
  onClose: () => void;
}) {
  const note = useNote(patientId, noteId);
  const me = useMe();
  const queryClient = useQueryClient();
  const [signing, setSigning] = useState<'cosign' | 'addendum' | null>(null);
  const [addendum, setAddendum] = useState('');
  const [editing, setEditing] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: noteKeys.patient(patientId) });
    void queryClient.invalidateQueries({ queryKey: noteKeys.queue });
  };
  const act = useMutation({
    mutationFn: (proof: SignProof) => {
      const n = note.data!;
      return signing === 'cosign'
        ? cosignNote(patientId, n.id, n.version, proof)
        : addAddendum(patientId, n.id, addendum.trim(), proof);
    },
    onSuccess: () => {
      setSigning(null);
      setAddendum('');
      refresh();
    },
  });
  if (note.isPending) return <Loader aria-label="Loading the note" />;
  if (note.isError) {
    return (
      <Alert color="red" role="alert" withCloseButton onClose={onClose}>
        {note.error instanceof ApiError && note.error.status === 404
          ? 'This note is not in this chart.'
          : note.error.message}
      </Alert>
    );
  }
  const n = note.data;
  const myId = me.data?.user.id;
  if (editing && n.status === 'draft') {
    return <NoteEditor patientId={patientId} existing={n} onDone={() => setEditing(false)} />;
  }
  const mayCosign = n.status === 'awaiting_cosignature' && n.supervisorId === myId;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={`${NOTE_TYPE_LABELS[n.noteType]} note`}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={2} size="h4">
              {NOTE_TYPE_LABELS[n.noteType]} · {formatInstant(n.serviceAt)}
            </Title>
            <StatusBadge note={n} />
            {n.lateEntry && <Badge color="orange">Late entry</Badge>}
            {n.part2.applies && <Badge color="grape">42 CFR Part 2</Badge>}
          </Group>
          <Anchor component="button" type="button" size="sm" onClick={onClose}>
            Close
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed">
          By {n.author.name}
          {n.minutes !== null && ` · ${n.minutes} min`}
          {n.codeSuggestion && ` · suggested code ${n.codeSuggestion.code} (${n.codeSuggestion.description})`}
        </Text>
        {n.groupShared && (
          <Paper bg="gray.0" p="sm" radius="sm" aria-label="Shared part of the group">
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
              Group (shared part)
            </Text>
            <GroupSharedView shared={n.groupShared} />
          </Paper>
        )}
        <Stack gap={4} aria-label="This patient’s part">
          {n.groupShared && (
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              This member
            </Text>
          )}
          <NoteBodyView type={n.noteType} body={n.body} />
        </Stack>
        {n.signature && (
          <Text size="sm">
            Signed by {n.signature.name} on {formatInstant(n.signature.signedAt)}
          </Text>
        )}
        {n.cosignature && (
          <Text size="sm">
            Co-signed by {n.cosignature.name} on {formatInstant(n.cosignature.signedAt)}
          </Text>
        )}
        {n.addenda.length > 0 && (
          <Stack gap={4} aria-label="Addenda">
            <Text size="sm" fw={600}>
              Addenda (the original above is unchanged)
            </Text>
            {n.addenda.map((a) => (
              <Paper key={a.id} withBorder p="xs" radius="sm">
                <Text size="sm">{a.text}</Text>
                <Text size="xs" c="dimmed">
                  {a.signature.name}, {formatInstant(a.signature.signedAt)}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
        <Group>
          {n.status === 'draft' && n.author.userId === myId && !n.groupNoteId && (
            <Button size="xs" onClick={() => setEditing(true)}>
              Edit and sign
            </Button>
          )}
          {n.status === 'draft' && n.groupNoteId && (
            <Text size="sm" c="dimmed">
              A draft of a group note: it is written and signed on the group note.
            </Text>
          )}
          {mayCosign && (
            <Button size="xs" onClick={() => setSigning('cosign')}>
              Co-sign
            </Button>
          )}
        </Group>
        {n.allowedActions.includes('addendum') && (
          <Stack gap="xs">
            <Textarea
              label="Addendum"
              description="A locked note does not change; an addendum is added beneath it with your signature."
              autosize
              minRows={2}
              value={addendum}
              onChange={(e) => setAddendum(e.currentTarget.value)}
            />
            <Group>
              <Button size="xs" disabled={addendum.trim() === ''} onClick={() => setSigning('addendum')}>
                Sign addendum
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
      <SignDialog
        opened={signing !== null}
        title={signing === 'cosign' ? 'Co-sign the note' : 'Sign the addendum'}
        action={signing === 'cosign' ? 'Co-sign' : 'Sign addendum'}
        onClose={() => setSigning(null)}
        onSign={(proof) => act.mutate(proof)}
        pending={act.isPending}
        error={act.error}
      />
    </Paper>
  );
}
