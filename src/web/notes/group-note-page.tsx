import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Group,
  List,
  Loader,
  NativeSelect,
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
import { ApiError, api } from '../shared/api-client';
import { useMe } from '../shared/session';
import { MODALITIES } from '../treatment-plans/treatment-plans-api';
import {
  blockingError,
  memberName,
  memberProblems,
  type PartDraft,
  partBody,
  partDraft,
  sharedBody,
  sharedDraft,
} from './group-note-draft';
import {
  ATTENDANCE_LABELS,
  formatInstant,
  labelOf,
  OBJECTIVE_PROGRESS,
  RISK_LEVELS,
  STATUS_LABELS,
} from './note-labels';
import {
  cosignGroupNote,
  type GroupMember,
  type GroupNote,
  groupNoteKey,
  noteQueueKey,
  patientNotesKey,
  type SignProof,
  saveGroupNote,
  signGroupNote,
  useGroupNote,
} from './notes-api';
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
    queryClient.setQueryData(groupNoteKey(answer.id), answer);
  };

  const save = useMutation({
    mutationFn: (version: number) => saveGroupNote(current.siteId, current.id, version, changes()),
    onSuccess: (answer) => {
      accept(answer);
      setSavedAt(new Date().toLocaleTimeString());
      void queryClient.invalidateQueries({ queryKey: noteQueueKey });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'version_conflict';
  // Someone saved in between: read their version number, then save what is on this screen over it.
  const saveOverTheirs = async () => {
    const latest = await api.get<GroupNote>(`/api/sites/${current.siteId}/group-notes/${current.id}`);
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
      void queryClient.invalidateQueries({ queryKey: noteQueueKey });
      for (const m of answer.members) {
        void queryClient.invalidateQueries({ queryKey: patientNotesKey(m.patientId) });
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

function BlockedList({ error }: { error: ApiError }) {
  return (
    <Alert color="red" title="Signing is blocked" role="alert">
      <Text size="sm" mb={4}>
        {error.message}
      </Text>
      <List size="sm">
        {error.fields.map((f) => (
          <List.Item key={`${f.path}:${f.message}`}>{f.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function MemberCard({
  member,
  part,
  editable,
  problems,
  onChange,
}: {
  member: GroupMember;
  part: PartDraft;
  editable: boolean;
  problems: { field: string; message: string }[];
  onChange: (change: Partial<PartDraft>) => void;
}) {
  const name = memberName(member);
  const whole = problems.filter((p) => p.field === '');
  const at = (field: string) => problems.find((p) => p.field === field)?.message;
  const picked = new Map(part.objectives.map((o) => [o.objectiveId, o.progress]));
  const toggle = (objectiveId: string, on: boolean) =>
    onChange({
      objectives: on
        ? [...part.objectives, { objectiveId, progress: 'some_progress' }]
        : part.objectives.filter((o) => o.objectiveId !== objectiveId),
    });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label={`Part of ${name}`}
      data-blocked={whole.length > 0 || undefined}
      style={whole.length > 0 ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            {name}
            {member.preferredName &&
              member.preferredName !== member.givenName &&
              ` (${member.preferredName})`}
          </Title>
          <Badge variant="light" color={member.attendanceStatus === 'present' ? 'teal' : 'orange'}>
            {ATTENDANCE_LABELS[member.attendanceStatus ?? ''] ?? member.attendanceStatus}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {member.minutes ?? 0} min{member.codeSuggestion && ` · ${member.codeSuggestion.code}`}
        </Text>
      </Group>
      {whole.length > 0 && (
        <Alert color="red" mb="sm" p="xs" role="alert">
          {whole.map((p) => (
            <Text size="sm" key={p.message}>
              {p.message}
            </Text>
          ))}
        </Alert>
      )}
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label="Participation"
            aria-label={`Participation of ${name}`}
            autosize
            minRows={2}
            value={part.participation}
            onChange={(e) => onChange({ participation: e.currentTarget.value })}
            readOnly={!editable}
            error={at('participation')}
          />
          <Textarea
            label="Presentation"
            aria-label={`Presentation of ${name}`}
            autosize
            minRows={2}
            value={part.presentation}
            onChange={(e) => onChange({ presentation: e.currentTarget.value })}
            readOnly={!editable}
            error={at('presentation')}
          />
        </SimpleGrid>
        {member.objectives.length > 0 ? (
          <Stack gap={4} role="group" aria-label={`Objectives of ${name}`}>
            <Text size="sm" fw={500}>
              Progress on objectives of {member.givenName}’s plan
            </Text>
            {member.objectives.map((o) => (
              <Group key={o.id} gap="sm" wrap="nowrap">
                <Checkbox
                  label={o.description}
                  checked={picked.has(o.id)}
                  onChange={(e) => toggle(o.id, e.currentTarget.checked)}
                  disabled={!editable}
                  style={{ flex: 1 }}
                />
                {picked.has(o.id) && (
                  <NativeSelect
                    aria-label={`Progress on ${o.description}`}
                    size="xs"
                    data={OBJECTIVE_PROGRESS}
                    value={picked.get(o.id)}
                    onChange={(e) =>
                      onChange({
                        objectives: part.objectives.map((x) =>
                          x.objectiveId === o.id ? { ...x, progress: e.currentTarget.value } : x,
                        ),
                      })
                    }
                    disabled={!editable}
                  />
                )}
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="xs" c="dimmed">
            No treatment-plan objectives to pick from.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {/* Native select: the first letter (n, l, m, h) picks the level without opening it. */}
          <NativeSelect
            label="Risk"
            aria-label={`Risk of ${name}`}
            data={RISK_LEVELS}
            value={part.riskLevel}
            onChange={(e) => onChange({ riskLevel: e.currentTarget.value })}
            disabled={!editable}
            error={at('risk.level') ?? at('risk')}
          />
          <TextInput
            label="Risk notes"
            aria-label={`Risk notes of ${name}`}
            style={{ gridColumn: 'span 2' }}
            value={part.riskNotes}
            onChange={(e) => onChange({ riskNotes: e.currentTarget.value })}
            readOnly={!editable}
            placeholder={part.riskLevel === 'none' ? '' : 'What was done about it'}
          />
        </SimpleGrid>
        <Textarea
          label="Plan for next session"
          aria-label={`Plan for next session of ${name}`}
          autosize
          minRows={1}
          value={part.planNextSession}
          onChange={(e) => onChange({ planNextSession: e.currentTarget.value })}
          readOnly={!editable}
          error={at('planNextSession')}
        />
        {!editable && part.objectives.length > 0 && (
          <Text size="xs">
            Objectives:{' '}
            {part.objectives
              .map(
                (o) =>
                  `${member.objectives.find((x) => x.id === o.objectiveId)?.description ?? o.objectiveId} — ${labelOf(OBJECTIVE_PROGRESS, o.progress)}`,
              )
              .join('; ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
