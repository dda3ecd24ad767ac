import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { type Episode, openEpisode, useEpisodes, useSiteStaff } from '../episodes/episodes-api';
import { formatDateOfBirth } from '../patients/date-of-birth';
import { ApiError } from '../shared/api-client';
import { fieldError, formError } from '../shared/form-errors';
import { useMe } from '../shared/session';
import {
  createPlan,
  MODALITIES,
  OBJECTIVE_STATUSES,
  type Objective,
  type PlanDocument,
  planHistoryQueryKey,
  planQueryKey,
  reviseSignedPlan,
  signPlan,
  type TreatmentPlan,
  updatePlan,
  usePlanHistory,
  useTreatmentPlan,
} from './treatment-plans-api';

const newIntervention = (staffId: string) => ({
  modality: 'cbt',
  frequency: '',
  responsibleStaffId: staffId,
});
const newObjective = (staffId: string): Objective => ({
  description: '',
  targetDate: '',
  status: 'not_started',
  interventions: [newIntervention(staffId)],
});
const newGoal = (staffId: string) => ({ statement: '', objectives: [newObjective(staffId)] });
const newProblem = (staffId: string) => ({ statement: '', goals: [newGoal(staffId)] });
const emptyDocument = (staffId: string): PlanDocument => ({ problems: [newProblem(staffId)] });

const modalityLabel = (value: string) => MODALITIES.find((m) => m.value === value)?.label ?? value;
const statusLabel = (value: string) => OBJECTIVE_STATUSES.find((s) => s.value === value)?.label ?? value;
const signedTime = (at: string | null) => (at ? new Date(at).toLocaleString() : '');

interface StaffOption {
  value: string;
  label: string;
}

const CLINICAL_ROLES = new Set(['program_director', 'clinician', 'nurse', 'prescriber']);

/** Who can be responsible for an intervention: the site's clinical staff, the signed-in user first. */
function useStaffOptions(episode: Episode): StaffOption[] {
  const me = useMe();
  const staff = useSiteStaff(episode.siteId);
  const myId = me.data?.user.id;
  const options: StaffOption[] = [];
  if (myId) options.push({ value: myId, label: `${me.data?.user.displayName} (you)` });
  for (const member of staff.data?.items ?? []) {
    if (member.id !== myId && CLINICAL_ROLES.has(member.role)) {
      options.push({ value: member.id, label: member.displayName });
    }
  }
  return options;
}

export function TreatmentPlanSection({ patientId }: { patientId: string }) {
  const episodes = useEpisodes(patientId);
  const episode = openEpisode(episodes.data?.items) ?? episodes.data?.items[0];
  const plan = useTreatmentPlan(episode);
  const [revising, setRevising] = useState(false);
  if (episodes.isPending || (episode && plan.isPending)) return <Loader aria-label="Loading the plan" />;
  if (!episode) return <Alert color="yellow">Admit the patient to an episode before writing a plan.</Alert>;
  if (plan.isError) {
    return (
      <Alert color="red" role="alert">
        {plan.error.message}
      </Alert>
    );
  }
  const current = plan.data;
  const closed = episode.status === 'discharged';
  return (
    <Stack>
      {!current && closed && (
        <Alert color="gray">This episode was discharged without a treatment plan.</Alert>
      )}
      {!current && !closed && (
        <PlanEditor episode={episode} plan={null} mode="create" onDone={() => undefined} />
      )}
      {current && (current.readOnly || closed) && !revising && (
        <SignedPlan
          plan={current}
          episode={episode}
          onRevise={closed ? undefined : () => setRevising(true)}
        />
      )}
      {current?.readOnly && revising && (
        <PlanEditor
          episode={episode}
          plan={current}
          mode="revise"
          onDone={() => setRevising(false)}
          key={current.version}
        />
      )}
      {current && !current.readOnly && !closed && (
        <PlanEditor
          episode={episode}
          plan={current}
          mode="edit"
          onDone={() => undefined}
          key={current.version}
        />
      )}
      {current && <PlanHistory episode={episode} />}
    </Stack>
  );
}

function PlanEditor({
  episode,
  plan,
  mode,
  onDone,
}: {
  episode: Episode;
  plan: TreatmentPlan | null;
  mode: 'create' | 'edit' | 'revise';
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const staffOptions = useStaffOptions(episode);
  const defaultStaff = staffOptions[0]?.value ?? '';
  const [doc, setDoc] = useState<PlanDocument>(() => plan?.document ?? emptyDocument(defaultStaff));
  const [reviewDate, setReviewDate] = useState(plan?.reviewDate ?? '');
  const edit = (change: (draft: PlanDocument) => void) =>
    setDoc((current) => {
      const draft = structuredClone(current);
      change(draft);
      return draft;
    });

  const save = useMutation({
    mutationFn: () => {
      const change = { document: doc, ...(reviewDate ? { reviewDate } : {}) };
      if (!plan) return createPlan(episode, change);
      return mode === 'revise' ? reviseSignedPlan(episode, plan, change) : updatePlan(episode, plan, change);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(planQueryKey(episode.id), saved);
      void queryClient.invalidateQueries({ queryKey: planHistoryQueryKey(episode.id) });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const err = (path: string) => fieldError(save.error, path);
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const generalError = conflict ? undefined : formError(save.error, ['document', 'reviewDate']);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-editor-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4" id="plan-editor-heading">
              {mode === 'create'
                ? 'New treatment plan'
                : mode === 'revise'
                  ? `New version of the treatment plan (version ${plan ? plan.revision + 1 : ''})`
                  : `Treatment plan, version ${plan?.revision} (${plan?.status === 'draft' ? 'draft' : 'awaiting signatures'})`}
            </Title>
            {mode === 'revise' && (
              <Button variant="subtle" color="gray" onClick={onDone}>
                Cancel
              </Button>
            )}
          </Group>
          {mode === 'edit' && (plan?.clinicianSignature || plan?.patientSignature) && (
            <Alert color="yellow">
              Saving a change withdraws the signatures already given; the plan is signed again.
            </Alert>
          )}
          <TextInput
            label="Review date"
            type="date"
            description={plan ? undefined : 'Leave empty for the program default (30 days after admission)'}
            value={reviewDate}
            onChange={(event) => setReviewDate(event.currentTarget.value)}
            error={err('reviewDate')}
            maw={260}
          />
          {doc.problems.map((problem, p) => {
            const pn = `${p + 1}`;
            return (
              <Paper key={pn} withBorder p="sm" radius="md" bg="gray.0">
                <Stack gap="sm">
                  <Group align="flex-end" wrap="nowrap">
                    <Textarea
                      label={`Problem ${pn}`}
                      autosize
                      minRows={1}
                      value={problem.statement}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        edit((d) => {
                          d.problems[p]!.statement = v;
                        });
                      }}
                      error={err(`document.problems.${p}.statement`)}
                      style={{ flex: 1 }}
                    />
                    <RemoveButton
                      label={`Remove problem ${pn}`}
                      hidden={doc.problems.length === 1}
                      onClick={() => edit((d) => void d.problems.splice(p, 1))}
                    />
                  </Group>
                  {problem.goals.map((goal, g) => {
                    const gn = `${pn}.${g + 1}`;
                    return (
                      <Stack
                        key={gn}
                        gap="sm"
                        pl="md"
                        style={{ borderLeft: '3px solid var(--mantine-color-teal-3)' }}
                      >
                        <Group align="flex-end" wrap="nowrap">
                          <Textarea
                            label={`Goal ${gn}`}
                            autosize
                            minRows={1}
                            value={goal.statement}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              edit((d) => {
                                d.problems[p]!.goals[g]!.statement = v;
                              });
                            }}
                            error={err(`document.problems.${p}.goals.${g}.statement`)}
                            style={{ flex: 1 }}
                          />
                          <RemoveButton
                            label={`Remove goal ${gn}`}
                            hidden={problem.goals.length === 1}
                            onClick={() => edit((d) => void d.problems[p]!.goals.splice(g, 1))}
                          />
                        </Group>
                        {goal.objectives.map((objective, o) => {
                          const on = `${gn}.${o + 1}`;
                          const base = `document.problems.${p}.goals.${g}.objectives.${o}`;
                          const setObjective = (change: (draft: Objective) => void) =>
                            edit((d) => change(d.problems[p]!.goals[g]!.objectives[o]!));
                          return (
                            <Stack
                              key={on}
                              gap="xs"
                              pl="md"
                              style={{ borderLeft: '3px solid var(--mantine-color-blue-2)' }}
                            >
                              <Group align="flex-end" wrap="wrap">
                                <TextInput
                                  label={`Objective ${on}`}
                                  description="Measurable: what, how much, by when"
                                  value={objective.description}
                                  onChange={(e) => {
                                    const v = e.currentTarget.value;
                                    setObjective((x) => {
                                      x.description = v;
                                    });
                                  }}
                                  error={err(`${base}.description`)}
                                  style={{ flex: 1, minWidth: 260 }}
                                />
                                <TextInput
                                  label={`Target date ${on}`}
                                  type="date"
                                  value={objective.targetDate}
                                  onChange={(e) => {
                                    const v = e.currentTarget.value;
                                    setObjective((x) => {
                                      x.targetDate = v;
                                    });
                                  }}
                                  error={err(`${base}.targetDate`)}
                                />
                                <NativeSelect
                                  label={`Status ${on}`}
                                  data={[...OBJECTIVE_STATUSES]}
                                  value={objective.status}
                                  onChange={(e) => {
                                    const v = e.currentTarget.value;
                                    setObjective((x) => {
                                      x.status = v;
                                    });
                                  }}
                                  error={err(`${base}.status`)}
                                />
                                <RemoveButton
                                  label={`Remove objective ${on}`}
                                  hidden={goal.objectives.length === 1}
                                  onClick={() =>
                                    edit((d) => void d.problems[p]!.goals[g]!.objectives.splice(o, 1))
                                  }
                                />
                              </Group>
                              {objective.interventions.map((intervention, i) => {
                                const inn = `${on}.${i + 1}`;
                                const ib = `${base}.interventions.${i}`;
                                return (
                                  <SimpleGrid key={inn} cols={{ base: 1, md: 4 }} pl="md">
                                    <NativeSelect
                                      label={`Intervention ${inn} modality`}
                                      data={[...MODALITIES]}
                                      value={intervention.modality}
                                      onChange={(e) => {
                                        const v = e.currentTarget.value;
                                        setObjective((x) => {
                                          x.interventions[i]!.modality = v;
                                        });
                                      }}
                                      error={err(`${ib}.modality`)}
                                    />
                                    <TextInput
                                      label={`Intervention ${inn} frequency`}
                                      placeholder="3 groups a week"
                                      value={intervention.frequency}
                                      onChange={(e) => {
                                        const v = e.currentTarget.value;
                                        setObjective((x) => {
                                          x.interventions[i]!.frequency = v;
                                        });
                                      }}
                                      error={err(`${ib}.frequency`)}
                                    />
                                    <NativeSelect
                                      label={`Intervention ${inn} responsible staff`}
                                      data={[
                                        ...(staffOptions.some(
                                          (o) => o.value === intervention.responsibleStaffId,
                                        )
                                          ? []
                                          : [
                                              {
                                                value: intervention.responsibleStaffId,
                                                label: 'Another staff member',
                                              },
                                            ]),
                                        ...staffOptions,
                                      ]}
                                      value={intervention.responsibleStaffId}
                                      onChange={(e) => {
                                        const v = e.currentTarget.value;
                                        setObjective((x) => {
                                          x.interventions[i]!.responsibleStaffId = v;
                                        });
                                      }}
                                      error={err(`${ib}.responsibleStaffId`)}
                                    />
                                    <Group align="flex-end">
                                      <RemoveButton
                                        label={`Remove intervention ${inn}`}
                                        hidden={objective.interventions.length === 1}
                                        onClick={() => setObjective((x) => void x.interventions.splice(i, 1))}
                                      />
                                    </Group>
                                  </SimpleGrid>
                                );
                              })}
                              <AddButton
                                onClick={() =>
                                  setObjective(
                                    (x) => void x.interventions.push(newIntervention(defaultStaff)),
                                  )
                                }
                              >
                                Add an intervention to objective {on}
                              </AddButton>
                            </Stack>
                          );
                        })}
                        <AddButton
                          onClick={() =>
                            edit(
                              (d) =>
                                void d.problems[p]!.goals[g]!.objectives.push(newObjective(defaultStaff)),
                            )
                          }
                        >
                          Add an objective to goal {gn}
                        </AddButton>
                      </Stack>
                    );
                  })}
                  <AddButton
                    onClick={() => edit((d) => void d.problems[p]!.goals.push(newGoal(defaultStaff)))}
                  >
                    Add a goal to problem {pn}
                  </AddButton>
                </Stack>
              </Paper>
            );
          })}
          <AddButton onClick={() => edit((d) => void d.problems.push(newProblem(defaultStaff)))}>
            Add a problem
          </AddButton>
          {conflict && (
            <Alert color="orange" role="alert" title="Someone else changed this plan">
              Reload the page to see their changes, then apply yours again.
            </Alert>
          )}
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          {save.isSuccess && (
            <Text size="sm" c="teal" role="status">
              Plan saved.
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {mode === 'revise' ? 'Save new version' : 'Save plan'}
            </Button>
          </Group>
          {plan && mode === 'edit' && <SignatureForms plan={plan} episode={episode} />}
        </Stack>
      </form>
    </Paper>
  );
}

function RemoveButton({ label, hidden, onClick }: { label: string; hidden: boolean; onClick: () => void }) {
  if (hidden) return null;
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick} mb={4}>
      ✕
    </ActionIcon>
  );
}

function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Group>
      <Button variant="subtle" size="xs" onClick={onClick}>
        + {children}
      </Button>
    </Group>
  );
}

/** Typed-name signatures: the clinician and the patient (here on the staff screen, or in the portal). */
function SignatureForms({ plan, episode }: { plan: TreatmentPlan; episode: Episode }) {
  const queryClient = useQueryClient();
  const [clinicianName, setClinicianName] = useState('');
  const [patientName, setPatientName] = useState('');
  const onSigned = (saved: TreatmentPlan) => {
    queryClient.setQueryData(planQueryKey(episode.id), saved);
    void queryClient.invalidateQueries({ queryKey: planHistoryQueryKey(episode.id) });
  };
  const clinician = useMutation({
    mutationFn: () => signPlan(episode, plan, 'clinician', clinicianName.trim()),
    onSuccess: onSigned,
  });
  const patient = useMutation({
    mutationFn: () => signPlan(episode, plan, 'patient', patientName.trim()),
    onSuccess: onSigned,
  });
  const errorOf = (mutation: typeof clinician) =>
    fieldError(mutation.error, 'typedName') ?? (mutation.isError ? mutation.error.message : undefined);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="signatures-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="signatures-heading">
          Signatures
        </Title>
        {plan.clinicianSignature ? (
          <Text size="sm">
            Signed by clinician <strong>{plan.clinicianSignature.name}</strong> at{' '}
            {signedTime(plan.clinicianSignature.signedAt)}
          </Text>
        ) : (
          <Group align="flex-start">
            <TextInput
              label="Clinician's typed name"
              value={clinicianName}
              onChange={(e) => setClinicianName(e.currentTarget.value)}
              error={errorOf(clinician)}
            />
            <Button
              mt={25}
              variant="light"
              onClick={() => clinician.mutate()}
              loading={clinician.isPending}
              disabled={!clinicianName.trim()}
            >
              Sign as clinician
            </Button>
          </Group>
        )}
        {plan.patientSignature ? (
          <Text size="sm">
            Signed by patient <strong>{plan.patientSignature.name}</strong> at{' '}
            {signedTime(plan.patientSignature.signedAt)} (
            {plan.patientSignature.via === 'portal' ? 'in the portal' : 'on the staff screen'})
          </Text>
        ) : (
          <Group align="flex-start">
            <TextInput
              label="Patient's typed name"
              value={patientName}
              onChange={(e) => setPatientName(e.currentTarget.value)}
              error={errorOf(patient)}
            />
            <Button
              mt={25}
              variant="light"
              onClick={() => patient.mutate()}
              loading={patient.isPending}
              disabled={!patientName.trim()}
            >
              Record patient's signature
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function SignedPlan({
  plan,
  episode,
  onRevise,
}: {
  plan: TreatmentPlan;
  episode: Episode;
  onRevise: (() => void) | undefined;
}) {
  const staff = useSiteStaff(episode.siteId);
  const staffName = (id: string) => staff.data?.items.find((m) => m.id === id)?.displayName;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="signed-plan-heading">
      <Stack>
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={2} size="h4" id="signed-plan-heading">
              Treatment plan, version {plan.revision}
            </Title>
            <Badge color={plan.readOnly ? 'teal' : 'yellow'} variant="light" tt="none">
              {plan.readOnly ? 'Signed' : 'Not fully signed'}
            </Badge>
          </Group>
          {onRevise && plan.readOnly && (
            <Button variant="light" onClick={onRevise}>
              Make a new version
            </Button>
          )}
        </Group>
        <Text size="sm">
          Review by {formatDateOfBirth(plan.reviewDate)}
          {episode.status === 'discharged' ? ' · the episode is discharged, so the plan is closed' : ''}
        </Text>
        <PlanDocumentView document={plan.document} staffName={staffName} />
        <Stack gap={2}>
          {plan.clinicianSignature && (
            <Text size="sm">
              Signed by clinician <strong>{plan.clinicianSignature.name}</strong> at{' '}
              {signedTime(plan.clinicianSignature.signedAt)}
            </Text>
          )}
          {plan.patientSignature && (
            <Text size="sm">
              Signed by patient <strong>{plan.patientSignature.name}</strong> at{' '}
              {signedTime(plan.patientSignature.signedAt)} (
              {plan.patientSignature.via === 'portal' ? 'in the portal' : 'on the staff screen'})
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

// A signed plan never reorders, so its numbering (1, 1.2, 1.2.3) is a stable key.
export function PlanDocumentView({
  document,
  staffName,
}: {
  document: PlanDocument;
  /** Names the responsible staff member where the viewer may see the staff list. */
  staffName?: (id: string) => string | undefined;
}) {
  return (
    <Stack gap="sm">
      {document.problems.map((problem, p) => {
        const pn = `${p + 1}`;
        return (
          <Stack key={pn} gap={4}>
            <Text fw={700}>
              Problem {pn}: {problem.statement}
            </Text>
            {problem.goals.map((goal, g) => {
              const gn = `${pn}.${g + 1}`;
              return (
                <Stack key={gn} gap={2} pl="md">
                  <Text fw={600}>
                    Goal {gn}: {goal.statement}
                  </Text>
                  <List size="sm" pl="md">
                    {goal.objectives.map((objective, o) => {
                      const on = `${gn}.${o + 1}`;
                      return (
                        <List.Item key={on}>
                          Objective {on}: {objective.description} — by{' '}
                          {objective.targetDate ? formatDateOfBirth(objective.targetDate) : '—'} (
                          {statusLabel(objective.status)})
                          <List size="sm" withPadding>
                            {objective.interventions.map((intervention, i) => {
                              const inn = `${on}.${i + 1}`;
                              return (
                                <List.Item key={inn}>
                                  {modalityLabel(intervention.modality)}, {intervention.frequency}
                                  {staffName?.(intervention.responsibleStaffId)
                                    ? ` (${staffName(intervention.responsibleStaffId)})`
                                    : ''}
                                </List.Item>
                              );
                            })}
                          </List>
                        </List.Item>
                      );
                    })}
                  </List>
                </Stack>
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}

function PlanHistory({ episode }: { episode: Episode }) {
  const history = usePlanHistory(episode, true);
  const items = history.data?.items ?? [];
  if (items.length < 2) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-history-heading">
      <Title order={2} size="h4" mb="sm" id="plan-history-heading">
        Version history
      </Title>
      <List size="sm">
        {items.map((entry) => (
          <List.Item key={entry.revision}>
            Version {entry.revision}
            {entry.current ? ' (current)' : ''}: {entry.status.replaceAll('_', ' ')}
            {entry.clinicianSignature ? `, clinician ${entry.clinicianSignature.name}` : ''}
            {entry.patientSignature ? `, patient ${entry.patientSignature.name}` : ''}
            {entry.supersededAt ? `; replaced ${new Date(entry.supersededAt).toLocaleString()}` : ''}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
