import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { mayAuthorNoteType, noteCodeSuggestion } from '../../domain/documentation/note-types';
import { useEpisodes } from '../episodes/episodes-api';
import { ApiError } from '../shared/api-client';
import { useMe } from '../shared/session';
import { useUrlParams } from '../shared/use-url-params';
import { MODALITIES } from '../treatment-plans/treatment-plans-api';
import { GroupSharedView, NOTE_FIELDS, NoteBodyView } from './note-body';
import { formatInstant, NOTE_TYPE_LABELS, RISK_LEVELS, STATUS_LABELS } from './note-labels';
import {
  addAddendum,
  cosignNote,
  createNote,
  type NewNote,
  type Note,
  type NoteType,
  noteQueueKey,
  patientNotesKey,
  type SignProof,
  saveNote,
  signNote,
  useNote,
  usePatientNotes,
} from './notes-api';
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
        {notes.isPending && <Loader aria-label="Loading notes" />}
        {notes.isError && (
          <Alert color="red" role="alert">
            {notes.error.message}
          </Alert>
        )}
        {notes.data && notes.data.items.length === 0 && <Text size="sm">No notes yet.</Text>}
        {notes.data && notes.data.items.length > 0 && (
          <Table aria-label="Notes" verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Note</Table.Th>
                <Table.Th>Service</Table.Th>
                <Table.Th>Author</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Code</Table.Th>
                <Table.Th>Label</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {notes.data.items.map((note) => (
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
              ))}
            </Table.Tbody>
          </Table>
        )}
        {notes.data && notes.data.total > notes.data.pageSize && (
          <Pagination
            mt="sm"
            total={Math.ceil(notes.data.total / notes.data.pageSize)}
            value={page}
            onChange={setPage}
          />
        )}
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
    void queryClient.invalidateQueries({ queryKey: patientNotesKey(patientId) });
    void queryClient.invalidateQueries({ queryKey: noteQueueKey });
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

type WritableType = Exclude<NoteType, 'group_therapy'>;
const WRITABLE_TYPES = (Object.keys(NOTE_TYPE_LABELS) as NoteType[]).filter(
  (type): type is WritableType => type !== 'group_therapy',
);

interface Draft {
  noteType: WritableType;
  episodeId: string;
  minutes: number | string;
  values: Record<string, unknown>;
}

function bodyOf(draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of NOTE_FIELDS[draft.noteType]) {
    const value = draft.values[field.key];
    if (field.kind === 'text') {
      if (typeof value === 'string' && value.trim() !== '') body[field.key] = value.trim();
    } else if (field.kind === 'risk') {
      const risk = (value ?? { level: 'none' }) as { level: string; notes?: string };
      body.risk = { level: risk.level, notes: risk.notes?.trim() ? risk.notes.trim() : null };
    } else if (field.kind === 'interventions') {
      if (Array.isArray(value) && value.length > 0) body[field.key] = value;
    } else if (field.kind === 'boolean') {
      body[field.key] = Boolean(value);
    } else if (field.kind === 'empty-object') {
      body[field.key] = value ?? {};
    } else if (field.kind === 'empty-list') {
      body[field.key] = value ?? [];
    }
  }
  return body;
}

/** Writes a new single-patient note, or edits the author's draft; signing saves first, then signs. */
function NoteEditor({
  patientId,
  existing,
  onDone,
}: {
  patientId: string;
  existing?: Note;
  onDone: (noteId: string | null) => void;
}) {
  const me = useMe();
  const role = me.data?.user.role ?? '';
  const episodes = useEpisodes(patientId);
  const queryClient = useQueryClient();
  const types = WRITABLE_TYPES.filter((type) => mayAuthorNoteType(role, type));
  const openEpisodes = (episodes.data?.items ?? []).filter((e) => e.status !== 'discharged');
  const [saved, setSaved] = useState<Note | null>(existing ?? null);
  const [draft, setDraft] = useState<Draft>(() => ({
    noteType: (existing?.noteType as WritableType | undefined) ?? types[0] ?? 'individual_therapy',
    episodeId: existing?.episodeId ?? '',
    minutes: existing?.minutes ?? '',
    values: existing?.body ?? {},
  }));
  const [signOpen, setSignOpen] = useState(false);
  const episodeId = draft.episodeId || openEpisodes[0]?.id || '';
  const minutes = draft.minutes === '' ? null : Number(draft.minutes);
  // The same rule the server applies (src/domain/documentation): shown live as the minutes change.
  const suggestion =
    minutes !== null && Number.isFinite(minutes) && minutes >= 0
      ? noteCodeSuggestion(draft.noteType, minutes)
      : null;

  const persist = async (): Promise<Note> => {
    const body = bodyOf(draft);
    const answer = saved
      ? await saveNote(patientId, saved.id, saved.version, { body, minutes })
      : await createNote(patientId, { noteType: draft.noteType, episodeId, minutes, body } satisfies NewNote);
    setSaved(answer);
    return answer;
  };
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: patientNotesKey(patientId) });
    void queryClient.invalidateQueries({ queryKey: noteQueueKey });
  };
  const save = useMutation({ mutationFn: persist, onSuccess: refresh });
  const sign = useMutation({
    mutationFn: async (proof: SignProof) => {
      const current = await persist();
      return signNote(patientId, current.id, current.version, proof);
    },
    onSuccess: (answer) => {
      setSignOpen(false);
      refresh();
      onDone(answer.id);
    },
  });
  const error = sign.error ?? save.error;
  const fieldMessage = (key: string) =>
    error instanceof ApiError
      ? error.fields.find((f) => f.path === `body.${key}` || f.path.startsWith(`body.${key}.`))?.message
      : undefined;
  const set = (key: string, value: unknown) =>
    setDraft({ ...draft, values: { ...draft.values, [key]: value } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const risk = (draft.values.risk ?? { level: 'none' }) as { level: string; notes?: string };
  const conflict = error instanceof ApiError && error.code === 'version_conflict';
  const signBlocked =
    sign.error instanceof ApiError && sign.error.fields.some((f) => f.path.startsWith('body'))
      ? sign.error
      : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Write a note">
      <form onSubmit={submit} noValidate aria-label="Note">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {saved ? 'Draft note' : 'New note'}
            </Title>
            <Anchor component="button" type="button" size="sm" onClick={() => onDone(saved?.id ?? null)}>
              Close
            </Anchor>
          </Group>
          <Group grow align="flex-start">
            <NativeSelect
              label="Type"
              data={types.map((type) => ({ value: type, label: NOTE_TYPE_LABELS[type] }))}
              value={draft.noteType}
              onChange={(e) => setDraft({ ...draft, noteType: e.currentTarget.value as WritableType })}
              disabled={saved !== null}
            />
            <NativeSelect
              label="Episode"
              data={openEpisodes.map((e) => ({ value: e.id, label: `${e.programName} (${e.status})` }))}
              value={episodeId}
              onChange={(e) => setDraft({ ...draft, episodeId: e.currentTarget.value })}
              disabled={saved !== null}
              error={
                error instanceof ApiError
                  ? error.fields.find((f) => f.path === 'episodeId')?.message
                  : undefined
              }
            />
            <NumberInput
              label="Minutes"
              min={0}
              max={600}
              hideControls
              value={draft.minutes}
              onChange={(value) => setDraft({ ...draft, minutes: value })}
              description={
                suggestion
                  ? `Suggested code ${suggestion.code}: ${suggestion.description}`
                  : draft.noteType === 'individual_therapy'
                    ? 'Under 16 min: no psychotherapy code'
                    : 'No time-based code for this type'
              }
            />
          </Group>
          {NOTE_FIELDS[draft.noteType].map((field) => {
            if (field.kind === 'text') {
              return (
                <Textarea
                  key={field.key}
                  label={field.optional ? `${field.label} (optional)` : field.label}
                  autosize
                  minRows={1}
                  value={String(draft.values[field.key] ?? '')}
                  onChange={(e) => set(field.key, e.currentTarget.value)}
                  error={fieldMessage(field.key)}
                />
              );
            }
            if (field.kind === 'risk') {
              return (
                <Group key="risk" grow align="flex-start">
                  <NativeSelect
                    label="Risk"
                    data={RISK_LEVELS}
                    value={risk.level}
                    onChange={(e) => set('risk', { ...risk, level: e.currentTarget.value })}
                    error={fieldMessage('risk')}
                  />
                  <TextInput
                    label="Risk notes"
                    value={risk.notes ?? ''}
                    onChange={(e) => set('risk', { ...risk, notes: e.currentTarget.value })}
                  />
                </Group>
              );
            }
            if (field.kind === 'interventions') {
              return (
                <Stack key={field.key} gap={4}>
                  <Text size="sm" fw={500}>
                    Interventions
                  </Text>
                  <Chip.Group
                    multiple
                    value={(draft.values[field.key] as string[] | undefined) ?? []}
                    onChange={(value) => set(field.key, value)}
                  >
                    <Group gap={6}>
                      {MODALITIES.map((m) => (
                        <Chip key={m.value} value={m.value} size="xs">
                          {m.label}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  {fieldMessage(field.key) && (
                    <Text size="xs" c="red">
                      {fieldMessage(field.key)}
                    </Text>
                  )}
                </Stack>
              );
            }
            if (field.kind === 'boolean') {
              return (
                <Checkbox
                  key={field.key}
                  label={field.label}
                  checked={Boolean(draft.values[field.key])}
                  onChange={(e) => set(field.key, e.currentTarget.checked)}
                />
              );
            }
            return null;
          })}
          {conflict && (
            <Alert color="orange" role="alert" title="Someone else saved this note">
              Your text is still here. Reload the note to see theirs, or copy yours first.
            </Alert>
          )}
          {error && !conflict && !signOpen && (
            <Alert color="red" role="alert">
              {error instanceof ApiError ? error.message : 'Something went wrong. Please try again.'}
            </Alert>
          )}
          <Group>
            <Button type="submit" variant="default" loading={save.isPending} disabled={!episodeId}>
              Save draft
            </Button>
            <Button type="button" onClick={() => setSignOpen(true)} disabled={!episodeId}>
              Sign note
            </Button>
            {save.isSuccess && (
              <Text size="sm" c="teal.8" role="status">
                Draft saved.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      <SignDialog
        opened={signOpen}
        title="Sign the note"
        action="Sign"
        onClose={() => setSignOpen(false)}
        onSign={(proof) => sign.mutate(proof)}
        pending={sign.isPending}
        error={signBlocked ? null : sign.error}
        blocked={
          signBlocked ? (
            <Alert color="red" role="alert" title="Not ready to sign">
              {signBlocked.fields.map((f) => (
                <Text size="sm" key={f.path}>
                  {f.path.replace(/^body\./, '')}: {f.message}
                </Text>
              ))}
            </Alert>
          ) : undefined
        }
      />
    </Paper>
  );
}
