import {
  Alert,
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../shared/api/api-error';
import { useMe } from '../shared/session';
import { MODALITIES } from '../treatment-plans/treatment-plans-api';
import {
  blockingError,
  memberProblems,
  type PartDraft,
  partBody,
  partDraft,
  sharedBody,
  sharedDraft,
} from './group-note-draft';
import { BlockedList, MemberCard } from './group-note-member-card';
import { formatInstant, STATUS_LABELS } from './note-labels';
import {
  cosignGroupNote,
  fetchGroupNote,
  type GroupNote,
  type SignProof,
  saveGroupNote,
  signGroupNote,
  useGroupNote,
} from './notes-api';
import { noteKeys } from './notes-keys';
import { SignDialog } from './sign-dialog';

export function GroupNotePage() {
  const { siteId = '', groupNoteId = '' } = useParams();
  const note = useGroupNote(siteId, groupNoteId);
  return (
    <Stack>
      <Group gap="md">
        <Anchor component={Link} to="/notes" size="sm">
          ← My notes
        </Anchor>
        {note.data && (
          <Anchor component={Link} to={`/schedule/sessions/${note.data.sessionId}`} size="sm">
            Session roster
          </Anchor>
        )}
      </Group>
      {note.isPending && <Loader aria-label="Loading the group note" />}
      {note.isError && (
        <Alert color="red" role="alert">
          {note.error instanceof ApiError && note.error.status === 404
            ? 'There is no group note with this link.'
            : note.error.message}
        </Alert>
      )}
      {note.data && <GroupNoteForm key={note.data.id} note={note.data} />}
    </Stack>
  );
}

function GroupNoteForm({ note }: { note: GroupNote }) {
  const queryClient = useQueryClient();
  const me = useMe();
  const [current, setCurrent] = useState(note);
  const [shared, setShared] = useState(() => sharedDraft(note.shared));
  const [parts, setParts] = useState<Record<string, PartDraft>>(() =>
    Object.fromEntries(note.members.map((m) => [m.patientId, partDraft(m.part)])),
  );
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [signOpen, setSignOpen] = useState(false);
  const editable = current.allowedActions.includes('edit') && current.author.userId === me.data?.user.id;

  const changes = () => ({
    shared: sharedBody(shared),
    members: current.members.map((m) => ({ patientId: m.patientId, part: partBody(parts[m.patientId]!) })),
  });
  const accept = (answer: GroupNote) => {
    setCurrent(answer);
    queryClient.setQueryData(noteKeys.group(answer.id), answer);
  };

  const save = useMutation({
    mutationFn: (version: number) => saveGroupNote(current.siteId, current.id, version, changes()),
    onSuccess: (answer) => {
      accept(answer);
      setSavedAt(new Date().toLocaleTimeString());
      void queryClient.invalidateQueries({ queryKey: noteKeys.queue });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'version_conflict';
  // Someone saved in between: read their version number, then save what is on this screen over it.
  const saveOverTheirs = async () => {
    const latest = await fetchGroupNote(current.siteId, current.id);
    save.mutate(latest.version);
  };

  // Members whose part changed since signing was last refused: their card no longer shows the refusal.
  const [editedSinceRefusal, setEditedSinceRefusal] = useState<ReadonlySet<string>>(new Set());
  const sign = useMutation({
    onMutate: () => setEditedSinceRefusal(new Set()),
    mutationFn: async (proof: SignProof) => {
      let version = current.version;
      if (editable) {
        const saved = await saveGroupNote(current.siteId, current.id, version, changes());
        accept(saved);
        version = saved.version;
      }
      return current.status === 'awaiting_cosignature'
        ? cosignGroupNote(current.siteId, current.id, version, proof)
        : signGroupNote(current.siteId, current.id, version, proof);
    },
    onSuccess: (answer) => {
      accept(answer);
      setSignOpen(false);
      void queryClient.invalidateQueries({ queryKey: noteKeys.queue });
      for (const m of answer.members) {
        void queryClient.invalidateQueries({ queryKey: noteKeys.patient(m.patientId) });
      }
    },
  });
  const blocked = blockingError(sign.error);

  // Ctrl+S (⌘S) saves the draft from any field.
  const saveRef = useRef(() => {});
  saveRef.current = () => {
    if (editable && !save.isPending) save.mutate(current.version);
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(current.version);
  };
  const setPart = (patientId: string, change: Partial<PartDraft>) => {
    setSavedAt(null);
    setParts((old) => ({ ...old, [patientId]: { ...old[patientId]!, ...change } }));
    setEditedSinceRefusal((old) => (old.has(patientId) ? old : new Set([...old, patientId])));
  };
  const sharedError = (field: string) =>
    save.error instanceof ApiError || blocked
      ? (blocked ?? (save.error as ApiError)).fields.find(
          (f) => f.path === `shared.${field}` || (field === 'topic' && f.path === 'shared'),
        )?.message
      : undefined;
  const status = STATUS_LABELS[current.status];
  const mayCosign = current.status === 'awaiting_cosignature' && current.supervisorId === me.data?.user.id;

  return (
    <>
      <form onSubmit={submit} aria-label="Group note" noValidate>
        <Stack>
          <Stack gap={4}>
            <Title order={1} size="h2">
              Group note: {current.session.localDate}
            </Title>
            <Group gap="xs">
              <Badge color={status.color} variant="light">
                {status.label}
              </Badge>
              <Text size="sm">
                {current.members.length} members present · {current.session.minutes} min · 90853 group
                psychotherapy
              </Text>
              {current.lateEntry && <Badge color="orange">Late entry</Badge>}
            </Group>
            {current.part2.applies && (
              <Alert color="grape" variant="light" title="42 CFR Part 2 record" p="xs">
                <Text size="xs">{current.part2.notice}</Text>
              </Alert>
            )}
          </Stack>
          {current.signature && (
            <Text size="sm" role="status">
              Signed by {current.signature.name} on {formatInstant(current.signature.signedAt)}
              {current.cosignature &&
                `; co-signed by ${current.cosignature.name} on ${formatInstant(current.cosignature.signedAt)}`}
              {current.status === 'awaiting_cosignature' && '; waiting for the supervisor’s co-signature.'}
            </Text>
          )}

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="shared-heading">
            <Title order={2} size="h4" mb="xs" id="shared-heading">
              Shared part (every member’s copy)
            </Title>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Topic"
                  value={shared.topic}
                  onChange={(e) => setShared({ ...shared, topic: e.currentTarget.value })}
                  readOnly={!editable}
                  error={sharedError('topic')}
                />
                <TextInput
                  label="Curriculum item"
                  value={shared.curriculumItem}
                  onChange={(e) => setShared({ ...shared, curriculumItem: e.currentTarget.value })}
                  readOnly={!editable}
                />
              </SimpleGrid>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="interventions-label">
                  Interventions
                </Text>
                <Chip.Group
                  multiple
                  value={shared.interventions}
                  onChange={(value) => editable && setShared({ ...shared, interventions: value })}
                >
                  <Group gap={6} role="group" aria-labelledby="interventions-label">
                    {MODALITIES.map((m) => (
                      <Chip key={m.value} value={m.value} size="xs" disabled={!editable}>
                        {m.label}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
                {sharedError('interventions') && (
                  <Text size="xs" c="red">
                    {sharedError('interventions')}
                  </Text>
                )}
              </Stack>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <Textarea
                  label="What the group did (optional)"
                  autosize
                  minRows={2}
                  style={{ gridColumn: 'span 3' }}
                  value={shared.narrative}
                  onChange={(e) => setShared({ ...shared, narrative: e.currentTarget.value })}
                  readOnly={!editable}
                />
                <NumberInput
                  label="Duration (min)"
                  min={1}
                  max={600}
                  hideControls
                  value={shared.durationMinutes}
                  onChange={(value) => setShared({ ...shared, durationMinutes: value })}
                  readOnly={!editable}
                  error={sharedError('durationMinutes')}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          {current.members.map((member, index) => (
            <MemberCard
              key={member.patientId}
              member={member}
              part={parts[member.patientId]!}
              editable={editable}
              problems={[
                ...(editedSinceRefusal.has(member.patientId) ? [] : memberProblems(blocked, index)),
                ...memberProblems(save.error, index),
              ]}
              onChange={(change) => setPart(member.patientId, change)}
            />
          ))}

          {conflict && (
            <Alert color="orange" title="Someone else saved this note" role="alert">
              <Stack gap="xs">
                <Text size="sm">
                  Your text is still on this screen and nothing of it was lost. Save it over the other
                  version, or reload the page to see theirs.
                </Text>
                <Group>
                  <Button size="xs" onClick={() => void saveOverTheirs()}>
                    Save mine over theirs
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {save.error && !conflict && (
            <Alert color="red" role="alert">
              {save.error instanceof ApiError ? save.error.message : 'Could not save. Please try again.'}
              {save.error instanceof ApiError && save.error.fields.length > 0 && (
                <List size="sm">
                  {save.error.fields.map((f) => (
                    <List.Item key={`${f.path}:${f.message}`}>
                      {f.path}: {f.message}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Group>
            {editable && (
              <>
                <Button type="submit" variant="default" loading={save.isPending}>
                  Save draft
                </Button>
                <Button type="button" onClick={() => setSignOpen(true)}>
                  Sign group note
                </Button>
                <Text size="xs" c="dimmed">
                  Ctrl+S saves
                </Text>
              </>
            )}
            {mayCosign && (
              <Button type="button" onClick={() => setSignOpen(true)}>
                Co-sign group note
              </Button>
            )}
            {savedAt && (
              <Text c="teal.8" size="sm" role="status">
                Draft saved at {savedAt}.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      <SignDialog
        opened={signOpen}
        title={mayCosign ? 'Co-sign the group note' : 'Sign the group note'}
        action={mayCosign ? 'Co-sign' : 'Sign'}
        onClose={() => setSignOpen(false)}
        onSign={(proof) => sign.mutate(proof)}
        pending={sign.isPending}
        error={sign.error}
        blocked={blocked ? <BlockedList error={blocked} /> : undefined}
      />
    </>
  );
}
