import {
  Alert,
  Button,
  Checkbox,
  DataList,
  Fieldset,
  Group,
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
import { type FormEvent, useState } from 'react';
import { DISCHARGE_REASONS } from '../../domain/episodes/discharge';
import { LEVELS_OF_CARE } from '../../domain/placement/levels-of-care';
import { levelName } from '../assessments/level-name';
import { type Episode, episodesQueryKey, openEpisode, useEpisodes } from '../episodes/episodes-api';
import { formatDateOfBirth } from '../patients/date-of-birth';
import { ApiError } from '../shared/api-client';
import { useClinicToday } from '../shared/clinic-zone';
import { fieldError, formError } from '../shared/form-errors';
import { AftercarePlanView } from './aftercare-plan-view';
import {
  type AftercareAppointment,
  type Discharge,
  dischargeEpisode,
  dischargeQueryKey,
  RECOVERY_SUPPORTS,
  useDischarge,
} from './discharges-api';

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function DischargeSection({ patientId }: { patientId: string }) {
  const episodes = useEpisodes(patientId);
  const episode = openEpisode(episodes.data?.items) ?? episodes.data?.items[0];
  const discharge = useDischarge(episode?.status === 'discharged' ? episode : undefined);
  if (episodes.isPending) return <Loader aria-label="Loading episodes" />;
  if (!episode) return <Alert color="yellow">This patient has no episode to discharge.</Alert>;
  if (episode.status === 'discharged') {
    if (discharge.isPending) return <Loader aria-label="Loading the discharge" />;
    if (discharge.data) return <DischargeSummary discharge={discharge.data} episode={episode} />;
    return (
      <Alert color="red" role="alert">
        {discharge.error?.message ?? 'The discharge record could not be found.'}
      </Alert>
    );
  }
  return <DischargeForm episode={episode} patientId={patientId} />;
}

function DischargeSummary({ discharge, episode }: { discharge: Discharge; episode: Episode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="discharge-heading">
      <Stack>
        <Title order={2} size="h4" id="discharge-heading">
          Discharged {formatDateOfBirth(discharge.dischargedOn)}
        </Title>
        <DataList withDivider labelWidth="200px">
          <DataList.Item>
            <DataList.ItemLabel>Reason (TEDS)</DataList.ItemLabel>
            <DataList.ItemValue>
              {discharge.reason.code} {discharge.reason.label}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Level at discharge</DataList.ItemLabel>
            <DataList.ItemValue>{levelName(episode.edition, discharge.levelAtDischarge)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Referred to</DataList.ItemLabel>
            <DataList.ItemValue>
              {[discharge.referralTo, discharge.nextLevel && `level ${discharge.nextLevel}`]
                .filter(Boolean)
                .join(', ') || '—'}
            </DataList.ItemValue>
          </DataList.Item>
          {discharge.summary !== undefined && (
            <DataList.Item>
              <DataList.ItemLabel>Summary</DataList.ItemLabel>
              <DataList.ItemValue>{discharge.summary}</DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
        {discharge.aftercare && (
          <>
            <Title order={3} size="h4">
              Aftercare plan
            </Title>
            <AftercarePlanView plan={discharge.aftercare} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

interface AppointmentRow extends AftercareAppointment {
  key: number;
}

function DischargeForm({ episode, patientId }: { episode: Episode; patientId: string }) {
  const queryClient = useQueryClient();
  const today = useClinicToday().toString();
  const [dischargedOn, setDischargedOn] = useState(today);
  const [reasonCode, setReasonCode] = useState('');
  const [levelAtDischarge, setLevelAtDischarge] = useState(episode.level);
  const [summary, setSummary] = useState('');
  const [referralTo, setReferralTo] = useState('');
  const [nextLevel, setNextLevel] = useState('');
  const [provider, setProvider] = useState({ name: '', levelOfCare: '', phone: '', address: '' });
  const [appointments, setAppointments] = useState<AppointmentRow[]>([]);
  const [supports, setSupports] = useState<string[]>([]);
  const [crisis, setCrisis] = useState({
    crisisLine: '988 Suicide & Crisis Lifeline (call or text 988)',
    warningSigns: '',
    copingSteps: '',
    contacts: '',
  });
  const [medication, setMedication] = useState({
    medications: '',
    prescriber: '',
    supplyUntil: '',
    note: '',
  });
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});

  const save = useMutation({
    mutationFn: () =>
      dischargeEpisode(episode, {
        dischargedOn,
        reason: reasonCode ? Number(reasonCode) : null,
        levelAtDischarge,
        summary: summary.trim(),
        referralTo: blankToNull(referralTo),
        nextLevel: blankToNull(nextLevel),
        aftercare: {
          nextProvider: {
            name: provider.name.trim(),
            levelOfCare: blankToNull(provider.levelOfCare),
            phone: blankToNull(provider.phone),
            address: blankToNull(provider.address),
          },
          appointments: appointments
            .filter((a) => a.on && a.with.trim())
            .map(({ key: _key, ...a }) => ({
              ...a,
              with: a.with.trim(),
              time: a.time || null,
              purpose: a.purpose?.trim() || null,
            })),
          recoverySupports: supports,
          crisisPlan: {
            crisisLine: crisis.crisisLine.trim(),
            warningSigns: blankToNull(crisis.warningSigns),
            copingSteps: blankToNull(crisis.copingSteps),
            contacts: blankToNull(crisis.contacts),
          },
          medicationContinuity: {
            medications: blankToNull(medication.medications),
            prescriber: blankToNull(medication.prescriber),
            supplyUntil: medication.supplyUntil || null,
            note: blankToNull(medication.note),
          },
        },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(dischargeQueryKey(episode.id), saved);
      void queryClient.invalidateQueries({ queryKey: episodesQueryKey(patientId) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string | undefined> = {
      reasonCode: reasonCode ? undefined : 'Choose the reason for discharge',
      summary: summary.trim() ? undefined : 'Write a short discharge summary',
      'nextProvider.name': provider.name.trim() ? undefined : 'Name the next provider',
      crisisLine: crisis.crisisLine.trim() ? undefined : 'Give the 24-hour crisis line',
    };
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    save.mutate();
  };
  const errorFor = (name: string, serverPath = name) => problems[name] ?? fieldError(save.error, serverPath);
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const generalError = conflict
    ? `${save.error?.message} Reload the page to see the episode as it is now.`
    : formError(save.error, [
        'dischargedOn',
        'reason',
        'levelAtDischarge',
        'summary',
        'referralTo',
        'nextLevel',
        'nextProvider.name',
        'nextProvider.phone',
        'crisisPlan.crisisLine',
        'recoverySupports',
      ]);
  const levels = LEVELS_OF_CARE[episode.edition];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="discharge-form-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="discharge-form-heading">
            Discharge and aftercare
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput
              label="Discharge date"
              type="date"
              max={today}
              value={dischargedOn}
              onChange={(e) => setDischargedOn(e.currentTarget.value)}
              error={errorFor('dischargedOn')}
              required
            />
            <NativeSelect
              label="Reason for discharge (TEDS)"
              data={[
                { value: '', label: 'Choose…' },
                ...DISCHARGE_REASONS.map((r) => ({ value: String(r.code), label: `${r.code} ${r.label}` })),
              ]}
              value={reasonCode}
              onChange={(e) => {
                setReasonCode(e.currentTarget.value);
                setProblems((c) => ({ ...c, reasonCode: undefined }));
              }}
              error={errorFor('reasonCode', 'reason')}
              required
            />
            <NativeSelect
              label="Level at discharge"
              data={levels.map((l) => ({ value: l.code, label: `${l.code} ${l.name}` }))}
              value={levelAtDischarge}
              onChange={(e) => setLevelAtDischarge(e.currentTarget.value)}
              error={errorFor('levelAtDischarge')}
            />
          </SimpleGrid>
          <Textarea
            label="Discharge summary"
            autosize
            minRows={3}
            value={summary}
            onChange={(e) => {
              setSummary(e.currentTarget.value);
              setProblems((c) => ({ ...c, summary: undefined }));
            }}
            error={errorFor('summary')}
            required
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label="Referred to"
              value={referralTo}
              onChange={(e) => setReferralTo(e.currentTarget.value)}
              error={errorFor('referralTo')}
            />
            <NativeSelect
              label="Next level of care"
              data={[
                { value: '', label: 'None' },
                ...levels.map((l) => ({ value: l.code, label: `${l.code} ${l.name}` })),
              ]}
              value={nextLevel}
              onChange={(e) => setNextLevel(e.currentTarget.value)}
              error={errorFor('nextLevel')}
            />
          </SimpleGrid>

          <Fieldset legend="Aftercare: next provider">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TextInput
                label="Next provider"
                value={provider.name}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setProvider((c) => ({ ...c, name: v }));
                  setProblems((c) => ({ ...c, 'nextProvider.name': undefined }));
                }}
                error={errorFor('nextProvider.name', 'aftercare.nextProvider.name')}
                required
              />
              <TextInput
                label="Provider's level of care"
                value={provider.levelOfCare}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setProvider((c) => ({ ...c, levelOfCare: v }));
                }}
                error={errorFor('nextProvider.levelOfCare', 'aftercare.nextProvider.levelOfCare')}
              />
              <TextInput
                label="Provider phone"
                type="tel"
                value={provider.phone}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setProvider((c) => ({ ...c, phone: v }));
                }}
                error={errorFor('nextProvider.phone', 'aftercare.nextProvider.phone')}
              />
              <TextInput
                label="Provider address"
                value={provider.address}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setProvider((c) => ({ ...c, address: v }));
                }}
                error={errorFor('nextProvider.address', 'aftercare.nextProvider.address')}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend="Aftercare: appointments">
            <Stack gap="xs">
              {appointments.map((appointment, index) => {
                const n = index + 1;
                const update = (change: Partial<AftercareAppointment>) =>
                  setAppointments((rows) =>
                    rows.map((r) => (r.key === appointment.key ? { ...r, ...change } : r)),
                  );
                return (
                  <Group key={appointment.key} align="flex-end" wrap="wrap">
                    <TextInput
                      label={`Appointment ${n} date`}
                      type="date"
                      value={appointment.on}
                      onChange={(e) => update({ on: e.currentTarget.value })}
                      error={fieldError(save.error, `aftercare.appointments.${index}.on`)}
                    />
                    <TextInput
                      label={`Appointment ${n} time`}
                      type="time"
                      value={appointment.time ?? ''}
                      onChange={(e) => update({ time: e.currentTarget.value })}
                    />
                    <TextInput
                      label={`Appointment ${n} with`}
                      value={appointment.with}
                      onChange={(e) => update({ with: e.currentTarget.value })}
                      error={fieldError(save.error, `aftercare.appointments.${index}.with`)}
                    />
                    <TextInput
                      label={`Appointment ${n} purpose`}
                      value={appointment.purpose ?? ''}
                      onChange={(e) => update({ purpose: e.currentTarget.value })}
                    />
                    <Button
                      variant="subtle"
                      color="gray"
                      onClick={() => setAppointments((rows) => rows.filter((r) => r.key !== appointment.key))}
                    >
                      Remove appointment {n}
                    </Button>
                  </Group>
                );
              })}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() =>
                    setAppointments((rows) => [
                      ...rows,
                      {
                        key: rows.length === 0 ? 0 : Math.max(...rows.map((r) => r.key)) + 1,
                        on: '',
                        time: '',
                        with: '',
                        purpose: '',
                      },
                    ])
                  }
                >
                  Add an appointment
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Fieldset legend="Aftercare: recovery supports">
            <Checkbox.Group value={supports} onChange={setSupports} aria-label="Recovery supports">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                {RECOVERY_SUPPORTS.map((support) => (
                  <Checkbox key={support.value} value={support.value} label={support.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Fieldset>

          <Fieldset legend="Aftercare: crisis plan">
            <Stack gap="sm">
              <TextInput
                label="24-hour crisis line"
                value={crisis.crisisLine}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setCrisis((c) => ({ ...c, crisisLine: v }));
                  setProblems((c) => ({ ...c, crisisLine: undefined }));
                }}
                error={errorFor('crisisLine', 'aftercare.crisisPlan.crisisLine')}
                required
              />
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                <Textarea
                  label="Warning signs"
                  autosize
                  minRows={2}
                  value={crisis.warningSigns}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setCrisis((c) => ({ ...c, warningSigns: v }));
                  }}
                />
                <Textarea
                  label="Coping steps"
                  autosize
                  minRows={2}
                  value={crisis.copingSteps}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setCrisis((c) => ({ ...c, copingSteps: v }));
                  }}
                />
                <Textarea
                  label="People to call"
                  autosize
                  minRows={2}
                  value={crisis.contacts}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setCrisis((c) => ({ ...c, contacts: v }));
                  }}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend="Aftercare: medication continuity">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TextInput
                label="Medications"
                value={medication.medications}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setMedication((c) => ({ ...c, medications: v }));
                }}
              />
              <TextInput
                label="Continuing prescriber"
                value={medication.prescriber}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setMedication((c) => ({ ...c, prescriber: v }));
                }}
              />
              <TextInput
                label="Supply until"
                type="date"
                value={medication.supplyUntil}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setMedication((c) => ({ ...c, supplyUntil: v }));
                }}
                error={fieldError(save.error, 'aftercare.medicationContinuity.supplyUntil')}
              />
              <TextInput
                label="Medication note"
                value={medication.note}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setMedication((c) => ({ ...c, note: v }));
                }}
              />
            </SimpleGrid>
          </Fieldset>

          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            Discharge closes the episode. The patient sees the aftercare plan in their portal.
          </Text>
          <Group>
            <Button type="submit" color="red" loading={save.isPending}>
              Discharge patient
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
