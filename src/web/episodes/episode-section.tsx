import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { stepDirection } from '../../domain/episodes/discharge';
import { type EpisodeStatus, isEpisodeStatus } from '../../domain/episodes/episode-status';
import { type AsamEdition, isLevelCode, LEVELS_OF_CARE } from '../../domain/placement/levels-of-care';
import { useAssessments } from '../assessments/assessments-api';
import { levelName } from '../assessments/level-name';
import { formatDateOfBirth } from '../patients/date-of-birth';
import { PatientStatusBadge, statusLabel } from '../patients/patient-status-badge';
import { useReferrals } from '../referrals/referrals-api';
import { ApiError } from '../shared/api-client';
import { useClinicToday } from '../shared/clinic-zone';
import { fieldError, formError } from '../shared/form-errors';
import { useMe } from '../shared/session';
import {
  addDiagnosis,
  admit,
  changeLevel,
  changeStatus,
  type Diagnosis,
  type Episode,
  episodesQueryKey,
  openEpisode,
  updateCareTeam,
  useEpisodes,
  useSiteStaff,
} from './episodes-api';

const MOVE_LABELS: Record<EpisodeStatus, string> = {
  referred: 'Back to referred',
  screening: 'Start screening',
  admitted: 'Admit',
  active: 'Mark active',
  on_hold: 'Put on hold',
  discharged: 'Discharge',
};

/** The overview's line about the patient's care now: program, status and level, with the way to the episode. */
export function CurrentEpisodeSummary({ patientId, onOpen }: { patientId: string; onOpen: () => void }) {
  const episodes = useEpisodes(patientId);
  if (!episodes.data) return null;
  const episode = openEpisode(episodes.data.items) ?? episodes.data.items[0];
  return (
    <Paper withBorder p="md" radius="md" mt="md" component="section" aria-labelledby="current-care-heading">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={4}>
          <Title order={2} size="h4" id="current-care-heading">
            Care now
          </Title>
          {episode ? (
            <Group gap="xs">
              <Text size="sm">{episode.programName}</Text>
              <PatientStatusBadge status={episode.status} />
              <Text size="sm">level {levelName(episode.edition, episode.level)}</Text>
              {episode.admittedOn && (
                <Text size="sm" c="dimmed">
                  admitted {formatDateOfBirth(episode.admittedOn)}
                </Text>
              )}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              No episode of care yet.
            </Text>
          )}
        </Stack>
        <Button variant="light" onClick={onOpen}>
          {episode ? 'Open the episode' : 'Admit to a program'}
        </Button>
      </Group>
    </Paper>
  );
}

export function EpisodeSection({ patientId, onDischarge }: { patientId: string; onDischarge: () => void }) {
  const episodes = useEpisodes(patientId);
  if (episodes.isPending) return <Loader aria-label="Loading episodes" />;
  if (episodes.isError) {
    return (
      <Alert color="red" role="alert">
        {episodes.error.message}
      </Alert>
    );
  }
  const current = openEpisode(episodes.data.items);
  const past = episodes.data.items.filter((episode) => episode !== current);
  return (
    <Stack>
      {current ? (
        <EpisodeCard episode={current} patientId={patientId} onDischarge={onDischarge} />
      ) : (
        <AdmissionForm patientId={patientId} />
      )}
      {past.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="past-episodes-heading">
          <Title order={2} size="h4" mb="sm" id="past-episodes-heading">
            Earlier episodes
          </Title>
          <List>
            {past.map((episode) => (
              <List.Item key={episode.id}>
                {episode.programName}: {statusLabel(episode.status)}
                {episode.admittedOn && `, admitted ${formatDateOfBirth(episode.admittedOn)}`}
                {episode.dischargedOn && `, discharged ${formatDateOfBirth(episode.dischargedOn)}`}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}

function AdmissionForm({ patientId }: { patientId: string }) {
  const queryClient = useQueryClient();
  const referrals = useReferrals(patientId);
  const assessments = useAssessments(patientId);
  const referral = referrals.data?.items[0];
  const latest = assessments.data?.items[0];
  const [levelChoice, setLevelChoice] = useState('');
  const today = useClinicToday().toString();
  const [admittedOn, setAdmittedOn] = useState(today);
  const me = useMe();
  const staff = useSiteStaff(referral?.siteId);
  const clinicians = (staff.data?.items ?? []).filter((m) => CLINICAL_ROLES.has(m.role));
  // The admitting clinician is the usual primary clinician; anyone else can be chosen.
  const [primaryChoice, setPrimaryChoice] = useState<string | null>(null);
  const myId = me.data?.user.id;
  const primary = primaryChoice ?? (clinicians.some((m) => m.id === myId) ? (myId ?? '') : '');
  const edition: AsamEdition = latest?.edition ?? 3;
  const level = levelChoice || latest?.placedLevel || '';

  const save = useMutation({
    mutationFn: () =>
      admit(patientId, {
        programId: referral?.programId ?? '',
        level,
        edition,
        status: 'admitted',
        admittedOn,
        referralId: referral?.id ?? null,
        assessmentId: latest?.id ?? null,
        primaryClinicianId: primary || null,
        careTeam: primary ? [primary] : [],
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: episodesQueryKey(patientId) }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const generalError = formError(save.error, ['level', 'admittedOn', 'primaryClinicianId']);

  if (referrals.isPending || assessments.isPending) return <Loader aria-label="Loading the referral" />;
  if (!referral) {
    return (
      <Alert color="yellow">Record a referral first: it names the program the patient is admitted to.</Alert>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="admit-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="admit-heading">
            Admit to {referral.programName}
          </Title>
          {latest ? (
            <Text size="sm">
              Latest ASAM assessment ({formatDateOfBirth(latest.assessedOn)}): recommended{' '}
              {latest.recommendedLevel}, placed {latest.placedLevel}
              {latest.placedLevelHours ? ` (${latest.placedLevelHours.label})` : ''}.
            </Text>
          ) : (
            <Alert color="yellow">
              No ASAM assessment yet: assess before admitting, so the placement has a basis.
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NativeSelect
              label="Level of care"
              data={[
                ...(level ? [] : [{ value: '', label: 'Choose…' }]),
                ...LEVELS_OF_CARE[edition].map((l) => ({ value: l.code, label: `${l.code} ${l.name}` })),
              ]}
              value={level}
              onChange={(event) => setLevelChoice(event.currentTarget.value)}
              error={fieldError(save.error, 'level')}
            />
            <TextInput
              label="Admission date"
              type="date"
              value={admittedOn}
              onChange={(event) => setAdmittedOn(event.currentTarget.value)}
              error={fieldError(save.error, 'admittedOn')}
            />
            <NativeSelect
              label="Primary clinician"
              data={[
                { value: '', label: 'Not assigned' },
                ...clinicians.map((m) => ({
                  value: m.id,
                  label: m.id === myId ? `${m.displayName} (you)` : m.displayName,
                })),
              ]}
              value={primary}
              onChange={(event) => setPrimaryChoice(event.currentTarget.value)}
              error={fieldError(save.error, 'primaryClinicianId')}
            />
          </SimpleGrid>
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!level || staff.isPending}>
              Admit
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EpisodeCard({
  episode,
  patientId,
  onDischarge,
}: {
  episode: Episode;
  patientId: string;
  onDischarge: () => void;
}) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: episodesQueryKey(patientId) });
  const move = useMutation({ mutationFn: (to: string) => changeStatus(episode, to), onSuccess: refresh });
  // Only the moves the state machine allows are offered; the server names them with the episode.
  const moves = episode.allowedMoves.filter(isEpisodeStatus);

  return (
    <Stack>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="episode-heading">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Group gap="sm">
              <Title order={2} size="h4" id="episode-heading">
                Episode: {episode.programName}
              </Title>
              <PatientStatusBadge status={episode.status} />
            </Group>
            <Badge size="lg" variant="outline" tt="none" aria-label={`Current level ${episode.level}`}>
              Level {levelName(episode.edition, episode.level)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            ASAM edition {episode.edition}
            {episode.admittedOn && ` · admitted ${formatDateOfBirth(episode.admittedOn)}`}
          </Text>
          <Group gap="xs" role="group" aria-label="Change status">
            {moves.map((to) =>
              to === 'discharged' ? (
                <Button key={to} variant="light" color="gray" onClick={onDischarge}>
                  Discharge…
                </Button>
              ) : (
                <Button
                  key={to}
                  variant="light"
                  onClick={() => move.mutate(to)}
                  loading={move.isPending && move.variables === to}
                >
                  {MOVE_LABELS[to]}
                </Button>
              ),
            )}
          </Group>
          {move.isError && (
            <Alert color="red" role="alert">
              {move.error instanceof ApiError && move.error.status === 409
                ? `${move.error.message} Reload to see the current status.`
                : move.error.message}
            </Alert>
          )}
        </Stack>
      </Paper>
      <LevelTimeline episode={episode} />
      <LevelChangeForm episode={episode} patientId={patientId} onChanged={refresh} />
      {episode.diagnoses && <Diagnoses episode={episode} diagnoses={episode.diagnoses} onChanged={refresh} />}
      <CareTeam episode={episode} onChanged={refresh} />
    </Stack>
  );
}

function LevelTimeline({ episode }: { episode: Episode }) {
  const history = [...episode.levelHistory].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="level-history-heading">
      <Title order={2} size="h4" mb="md" id="level-history-heading">
        Level-of-care history
      </Title>
      <Timeline active={history.length - 1} bulletSize={18} lineWidth={2}>
        {history.map((change) => {
          const title = change.fromLevel
            ? `${change.direction === 'step-down' ? 'Step down' : change.direction === 'step-up' ? 'Step up' : 'Change'}: ${change.fromLevel} → ${change.toLevel}`
            : `Admitted at ${change.toLevel}`;
          return (
            <Timeline.Item key={change.id} title={title}>
              <Text size="sm" c="dimmed">
                {formatDateOfBirth(change.effectiveOn)} · {levelName(episode.edition, change.toLevel)}
              </Text>
              <Text size="sm">{change.reason}</Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}

function LevelChangeForm({
  episode,
  patientId,
  onChanged,
}: {
  episode: Episode;
  patientId: string;
  onChanged: () => void;
}) {
  const assessments = useAssessments(patientId);
  const [toLevel, setToLevel] = useState('');
  const today = useClinicToday().toString();
  const [effectiveOn, setEffectiveOn] = useState(today);
  const [reason, setReason] = useState('');
  const [assessmentId, setAssessmentId] = useState('');
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});
  const save = useMutation({
    mutationFn: () =>
      changeLevel(episode, {
        toLevel,
        effectiveOn,
        reason: reason.trim(),
        assessmentId: assessmentId || null,
      }),
    onSuccess: () => {
      setToLevel('');
      setReason('');
      setAssessmentId('');
      onChanged();
    },
  });
  if (episode.status === 'discharged') return null;

  const direction =
    toLevel && isLevelCode(toLevel) && isLevelCode(episode.level)
      ? stepDirection(episode.level, toLevel)
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      toLevel: toLevel ? undefined : 'Choose the new level',
      reason: reason.trim() ? undefined : 'Say why the level changes',
    };
    setProblems(found);
    if (found.toLevel || found.reason) return;
    save.mutate();
  };
  const generalError = formError(save.error, ['toLevel', 'effectiveOn', 'reason', 'assessmentId']);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="level-change-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="level-change-heading">
            Step up or down
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NativeSelect
              label="New level"
              data={[
                { value: '', label: 'Choose…' },
                ...LEVELS_OF_CARE[episode.edition]
                  .filter((l) => l.code !== episode.level)
                  .map((l) => ({ value: l.code, label: `${l.code} ${l.name}` })),
              ]}
              value={toLevel}
              onChange={(event) => setToLevel(event.currentTarget.value)}
              error={problems.toLevel ?? fieldError(save.error, 'toLevel')}
              description={
                direction
                  ? direction === 'step-down'
                    ? 'A step down'
                    : direction === 'step-up'
                      ? 'A step up'
                      : 'Same intensity'
                  : undefined
              }
            />
            <TextInput
              label="Effective date"
              type="date"
              value={effectiveOn}
              onChange={(event) => setEffectiveOn(event.currentTarget.value)}
              error={fieldError(save.error, 'effectiveOn')}
            />
            <NativeSelect
              label="Linked assessment"
              data={[
                { value: '', label: 'None' },
                ...(assessments.data?.items ?? []).map((a) => ({
                  value: a.id,
                  label: `${formatDateOfBirth(a.assessedOn)}: recommended ${a.recommendedLevel}`,
                })),
              ]}
              value={assessmentId}
              onChange={(event) => setAssessmentId(event.currentTarget.value)}
              error={fieldError(save.error, 'assessmentId')}
            />
          </SimpleGrid>
          <TextInput
            label="Reason for the change"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problems.reason ?? fieldError(save.error, 'reason')}
            required
          />
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Change level
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const DIAGNOSIS_KINDS = [
  { value: 'sud', label: 'Substance use disorder' },
  { value: 'mental_health', label: 'Co-occurring mental health' },
];

function Diagnoses({
  episode,
  diagnoses,
  onChanged,
}: {
  episode: Episode;
  diagnoses: Diagnosis[];
  onChanged: () => void;
}) {
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState('sud');
  const [isPrimary, setIsPrimary] = useState(diagnoses.length === 0);
  const save = useMutation({
    mutationFn: () =>
      addDiagnosis(episode, {
        code: code.trim().toUpperCase(),
        description: description.trim(),
        kind,
        primary: isPrimary,
      }),
    onSuccess: () => {
      setCode('');
      setDescription('');
      setIsPrimary(false);
      onChanged();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const generalError = formError(save.error, ['code', 'description', 'kind', 'primary']);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="diagnoses-heading">
      <Stack>
        <Title order={2} size="h4" id="diagnoses-heading">
          Diagnoses
        </Title>
        {diagnoses.length === 0 ? (
          <Text size="sm" c="dimmed">
            No diagnoses recorded.
          </Text>
        ) : (
          <List>
            {diagnoses.map((diagnosis) => (
              <List.Item key={diagnosis.id}>
                <Text span ff="monospace" fw={600}>
                  {diagnosis.code}
                </Text>{' '}
                {diagnosis.description} (
                {DIAGNOSIS_KINDS.find((k) => k.value === diagnosis.kind)?.label ?? diagnosis.kind})
                {diagnosis.primary && (
                  <Badge ml="xs" size="sm" variant="light" tt="none">
                    primary
                  </Badge>
                )}
              </List.Item>
            ))}
          </List>
        )}
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="ICD-10-CM code"
              placeholder="F10.20"
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={fieldError(save.error, 'code')}
              w={140}
            />
            <TextInput
              label="Description"
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              error={fieldError(save.error, 'description')}
              style={{ flex: 1, minWidth: 220 }}
            />
            <NativeSelect
              label="Kind"
              data={DIAGNOSIS_KINDS}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value)}
              error={fieldError(save.error, 'kind')}
            />
            <Checkbox
              label="Primary"
              checked={isPrimary}
              onChange={(event) => setIsPrimary(event.currentTarget.checked)}
              mb={8}
            />
            <Button type="submit" variant="light" loading={save.isPending}>
              Add diagnosis
            </Button>
          </Group>
          {generalError && (
            <Alert color="red" role="alert" mt="sm">
              {generalError}
            </Alert>
          )}
        </form>
      </Stack>
    </Paper>
  );
}

const CLINICAL_ROLES = new Set(['program_director', 'clinician', 'nurse', 'prescriber']);

/** The primary clinician and the care team, chosen from the site's staff. */
function CareTeam({ episode, onChanged }: { episode: Episode; onChanged: () => void }) {
  const me = useMe();
  const staff = useSiteStaff(episode.siteId);
  const members = staff.data?.items ?? [];
  const nameOf = (id: string) => {
    const member = members.find((m) => m.id === id);
    if (!member) return 'A former staff member';
    return id === me.data?.user.id ? `${member.displayName} (you)` : member.displayName;
  };
  const [editing, setEditing] = useState(false);
  const [primary, setPrimary] = useState(episode.primaryClinicianId ?? '');
  const [team, setTeam] = useState<string[]>(episode.careTeam);
  const save = useMutation({
    mutationFn: () => updateCareTeam(episode, { primaryClinicianId: primary || null, careTeam: team }),
    onSuccess: () => {
      setEditing(false);
      onChanged();
    },
  });
  const startEditing = () => {
    setPrimary(episode.primaryClinicianId ?? '');
    setTeam(episode.careTeam);
    setEditing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const clinical = members.filter((m) => CLINICAL_ROLES.has(m.role));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="care-team-heading">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="care-team-heading">
            Care team
          </Title>
          {!editing && episode.status !== 'discharged' && (
            <Button variant="light" size="xs" onClick={startEditing} disabled={!staff.data}>
              Change care team
            </Button>
          )}
        </Group>
        {!editing && (
          <>
            <Text size="sm">
              Primary clinician:{' '}
              {episode.primaryClinicianId ? (
                nameOf(episode.primaryClinicianId)
              ) : (
                <Text span c="dimmed" size="sm">
                  not assigned
                </Text>
              )}
            </Text>
            {episode.careTeam.length > 0 && (
              <List size="sm">
                {episode.careTeam.map((id) => (
                  <List.Item key={id}>{nameOf(id)}</List.Item>
                ))}
              </List>
            )}
          </>
        )}
        {editing && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <NativeSelect
                label="Primary clinician"
                data={[
                  { value: '', label: 'Not assigned' },
                  ...clinical.map((m) => ({ value: m.id, label: nameOf(m.id) })),
                ]}
                value={primary}
                onChange={(event) => setPrimary(event.currentTarget.value)}
                error={fieldError(save.error, 'primaryClinicianId')}
                maw={360}
              />
              <Checkbox.Group
                label="Care team"
                value={team}
                onChange={setTeam}
                error={fieldError(save.error, 'careTeam')}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                  {clinical.map((m) => (
                    <Checkbox key={m.id} value={m.id} label={nameOf(m.id)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              {save.isError && !fieldError(save.error, 'primaryClinicianId') && (
                <Alert color="red" role="alert">
                  {save.error.message}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={save.isPending}>
                  Save care team
                </Button>
                <Button variant="subtle" color="gray" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
