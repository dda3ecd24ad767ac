import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Chip,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { mayAuthorNoteType, noteCodeSuggestion } from '../../domain/documentation/note-types';
import { useEpisodes } from '../episodes/episodes-api';
import { ApiError } from '../shared/api/api-error';
import { useMe } from '../shared/session';
import { MODALITIES } from '../treatment-plans/treatment-plans-api';
import { NOTE_FIELDS } from './note-body';
import { NOTE_TYPE_LABELS, RISK_LEVELS } from './note-labels';
import {
  createNote,
  type NewNote,
  type Note,
  type NoteType,
  type SignProof,
  saveNote,
  signNote,
} from './notes-api';
import { noteKeys } from './notes-keys';
import { SignDialog } from './sign-dialog';

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
export function NoteEditor({
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
    void queryClient.invalidateQueries({ queryKey: noteKeys.patient(patientId) });
    void queryClient.invalidateQueries({ queryKey: noteKeys.queue });
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
