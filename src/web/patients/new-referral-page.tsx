import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePrograms } from '../episodes/episodes-api';
import { createReferral, REFERRAL_SOURCES } from '../referrals/referrals-api';
import { ApiError } from '../shared/api-client';
import { ageOnDay } from '../shared/clinic-calendar';
import { useClinicToday } from '../shared/clinic-zone';
import { useCurrentSite } from '../shared/current-site';
import { fieldError, formError } from '../shared/form-errors';
import {
  createPatient,
  type EmergencyContact,
  type GuardianContact,
  LIVING_SITUATIONS,
  type Patient,
} from './patients-api';

const ADULT_AGE = 18;

const REFERRAL_FLAGS = {
  withdrawalComplicationRisk: 'History of complicated withdrawal (seizures, delirium tremens)',
  medicallyUnstable: 'Unstable medical condition',
  pregnant: 'Pregnant',
  acutePsychiatricSymptoms: 'Acute psychiatric symptoms',
  coOccurringDisorder: 'Co-occurring mental health disorder',
  recoveryEnvironmentUnsafe: 'Home environment unsafe for recovery',
} as const;
type ReferralFlag = keyof typeof REFERRAL_FLAGS;

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

interface Form {
  givenName: string;
  familyName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  sexAtBirth: string;
  genderIdentity: string;
  language: string;
  phone: string;
  email: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  postalCode: string;
  livingSituation: string;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
  guardianName: string;
  guardianRelationship: string;
  guardianPhone: string;
  guardianEmail: string;
  programId: string;
  source: string;
  referrerName: string;
  referredOn: string;
  notes: string;
}

const emptyForm = (today: string): Form => ({
  givenName: '',
  familyName: '',
  preferredName: '',
  pronouns: '',
  dateOfBirth: '',
  sexAtBirth: '',
  genderIdentity: '',
  language: '',
  phone: '',
  email: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  state: '',
  postalCode: '',
  livingSituation: '',
  emergencyName: '',
  emergencyRelationship: '',
  emergencyPhone: '',
  guardianName: '',
  guardianRelationship: '',
  guardianPhone: '',
  guardianEmail: '',
  programId: '',
  source: '',
  referrerName: '',
  referredOn: today,
  notes: '',
});

/** Form fields whose problems are named by the request path (as the server names them). */
const PROBLEM_KEYS: Partial<Record<keyof Form, string>> = {
  emergencyName: 'emergencyContact.name',
  emergencyRelationship: 'emergencyContact.relationship',
  emergencyPhone: 'emergencyContact.phone',
  guardianName: 'guardianContact.name',
  guardianRelationship: 'guardianContact.relationship',
  guardianPhone: 'guardianContact.phone',
  guardianEmail: 'guardianContact.phone',
};

interface SubstanceRow {
  key: number;
  substance: string;
  lastUseOn: string;
}

type Problems = Partial<Record<string, string>>;

/** What the form can tell before asking the server; the server checks again and has the last word. */
function problemsWith(form: Form, today: string, under18: boolean, substances: SubstanceRow[]): Problems {
  const problems: Problems = {};
  if (!form.givenName.trim()) problems.givenName = 'Give the legal first name';
  if (!form.familyName.trim()) problems.familyName = 'Give the legal last name';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.dateOfBirth)) problems.dateOfBirth = 'Give the date of birth';
  else if (form.dateOfBirth > today) problems.dateOfBirth = 'The date of birth cannot be in the future';
  if (!form.livingSituation) problems.livingSituation = 'Choose the living situation';
  const emergencyStarted = [form.emergencyName, form.emergencyRelationship, form.emergencyPhone].some((v) =>
    v.trim(),
  );
  if (emergencyStarted) {
    if (!form.emergencyName.trim()) problems['emergencyContact.name'] = 'Give the contact’s name';
    if (!form.emergencyRelationship.trim())
      problems['emergencyContact.relationship'] = 'Give the relationship';
    if (!form.emergencyPhone.trim()) problems['emergencyContact.phone'] = 'Give the contact’s phone';
  }
  if (under18) {
    if (!form.guardianName.trim()) problems['guardianContact.name'] = "Give the guardian's name";
    if (!form.guardianRelationship.trim()) problems['guardianContact.relationship'] = 'Give the relationship';
    if (!form.guardianPhone.trim() && !form.guardianEmail.trim())
      problems['guardianContact.phone'] = 'Give a phone number or an email for the guardian';
  }
  if (!form.programId) problems.programId = 'Choose the program';
  if (!form.source) problems.source = 'Choose who referred the patient';
  if (!form.referredOn) problems.referredOn = 'Give the referral date';
  if (substances.every((row) => !row.substance.trim()))
    problems['substances.0.substance'] = 'Name at least one presenting substance';
  return problems;
}

export function NewReferralPage() {
  const { site } = useCurrentSite();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const today = useClinicToday();
  const todayIso = today.toString();
  const [form, setForm] = useState<Form>(() => emptyForm(todayIso));
  const [substances, setSubstances] = useState<SubstanceRow[]>([{ key: 0, substance: '', lastUseOn: '' }]);
  const [problems, setProblems] = useState<Problems>({});
  const [flags, setFlags] = useState<Record<ReferralFlag, boolean>>({
    withdrawalComplicationRisk: false,
    medicallyUnstable: false,
    pregnant: false,
    acutePsychiatricSymptoms: false,
    coOccurringDisorder: false,
    recoveryEnvironmentUnsafe: false,
  });
  const programs = usePrograms(site?.id);
  const [confirmedDifferent, setConfirmedDifferent] = useState(false);
  // When the patient was saved but the referral was not, a second try adds only the referral.
  const savedPatient = useRef<Patient | null>(null);

  const age = ageOnDay(form.dateOfBirth, today);
  const under18 = age !== null && age < ADULT_AGE;

  const set =
    (name: keyof Form) =>
    (event: { currentTarget: { value: string } }): void => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [name]: value }));
      setProblems((current) => ({ ...current, [name]: undefined, [PROBLEM_KEYS[name] ?? name]: undefined }));
    };

  const save = useMutation({
    mutationFn: async (): Promise<Patient> => {
      const emergencyContact: EmergencyContact | null = form.emergencyName.trim()
        ? {
            name: form.emergencyName.trim(),
            relationship: form.emergencyRelationship.trim(),
            phone: form.emergencyPhone.trim(),
          }
        : null;
      const guardianContact: GuardianContact | null = under18
        ? {
            name: form.guardianName.trim(),
            relationship: form.guardianRelationship.trim(),
            phone: blankToNull(form.guardianPhone),
            email: blankToNull(form.guardianEmail),
          }
        : null;
      const patient =
        savedPatient.current ??
        (await createPatient(site?.id ?? '', {
          givenName: form.givenName.trim(),
          familyName: form.familyName.trim(),
          preferredName: blankToNull(form.preferredName),
          pronouns: blankToNull(form.pronouns),
          dateOfBirth: form.dateOfBirth,
          sexAtBirth: blankToNull(form.sexAtBirth),
          genderIdentity: blankToNull(form.genderIdentity),
          language: blankToNull(form.language),
          phone: blankToNull(form.phone),
          email: blankToNull(form.email),
          addressLine1: blankToNull(form.addressLine1),
          addressLine2: blankToNull(form.addressLine2),
          city: blankToNull(form.city),
          state: blankToNull(form.state),
          postalCode: blankToNull(form.postalCode),
          livingSituation: form.livingSituation,
          emergencyContact,
          guardianContact,
          ...(confirmedDifferent ? { confirmNotDuplicate: true } : {}),
        }));
      savedPatient.current = patient;
      await createReferral(patient.id, {
        programId: form.programId,
        source: form.source,
        referrerName: blankToNull(form.referrerName),
        referredOn: form.referredOn,
        substances: substances
          .filter((row) => row.substance.trim())
          .map((row) => ({ substance: row.substance.trim(), lastUseOn: row.lastUseOn || null })),
        medicalFlags: {
          withdrawalComplicationRisk: flags.withdrawalComplicationRisk,
          medicallyUnstable: flags.medicallyUnstable,
          pregnant: flags.pregnant,
        },
        psychiatricFlags: {
          acutePsychiatricSymptoms: flags.acutePsychiatricSymptoms,
          coOccurringDisorder: flags.coOccurringDisorder,
        },
        recoveryEnvironmentUnsafe: flags.recoveryEnvironmentUnsafe,
        note: blankToNull(form.notes),
      });
      return patient;
    },
    onSuccess: (patient) => {
      void queryClient.invalidateQueries({ queryKey: ['census'] });
      navigate(`/patients/${patient.id}?tab=intake`);
    },
  });

  const duplicate = possibleDuplicate(save.error);
  // A changed name or date of birth is another question: the duplicate warning and its answer no longer apply.
  const setIdentity = (name: 'givenName' | 'familyName' | 'dateOfBirth') => {
    const setField = set(name);
    return (event: { currentTarget: { value: string } }) => {
      setField(event);
      if (duplicate) save.reset();
      setConfirmedDifferent(false);
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemsWith(form, todayIso, under18, substances);
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    save.mutate();
  };

  const errorFor = (name: string) => problems[name] ?? fieldError(save.error, name);
  const inputNames = [
    ...Object.keys(emptyForm(todayIso)),
    'guardianContact.name',
    'guardianContact.phone',
    'guardianContact.email',
    'guardianContact.relationship',
    'emergencyContact.name',
    'emergencyContact.relationship',
    'emergencyContact.phone',
    'substances',
    'note',
    'medicalFlags',
    'psychiatricFlags',
  ];
  const generalError = duplicate ? undefined : formError(save.error, inputNames);

  if (!site) {
    return (
      <Alert color="yellow">You are not a member of any site yet. Ask an administrator to add you.</Alert>
    );
  }

  return (
    <Stack maw={880}>
      <Anchor component={Link} to="/patients" size="sm">
        ← Back to patients
      </Anchor>
      <Title order={1} size="h2">
        New referral at {site.name}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          {duplicate && (
            <Alert color="yellow" title="This may be someone already on file" role="alert">
              <Stack gap="xs">
                <Text size="sm">
                  {duplicate.elsewhere
                    ? 'A possible match exists at another site; ask a director before registering this person.'
                    : 'A patient with the same name and date of birth already has a record'}
                  {duplicate.mrn ? ` (MRN ${duplicate.mrn})` : ''}
                  {duplicate.elsewhere ? '' : '.'}{' '}
                  {duplicate.id && (
                    <Anchor component={Link} to={`/patients/${duplicate.id}`}>
                      Open the existing patient
                    </Anchor>
                  )}
                </Text>
                <Checkbox
                  label="This is a different person"
                  checked={confirmedDifferent}
                  onChange={(event) => setConfirmedDifferent(event.currentTarget.checked)}
                />
              </Stack>
            </Alert>
          )}

          <Fieldset legend="Patient">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Legal first name"
                value={form.givenName}
                onChange={setIdentity('givenName')}
                error={errorFor('givenName')}
                required
              />
              <TextInput
                label="Legal last name"
                value={form.familyName}
                onChange={setIdentity('familyName')}
                error={errorFor('familyName')}
                required
              />
              <TextInput
                label="Preferred name"
                value={form.preferredName}
                onChange={set('preferredName')}
                error={errorFor('preferredName')}
              />
              <TextInput
                label="Pronouns"
                placeholder="she/her, he/him, they/them …"
                value={form.pronouns}
                onChange={set('pronouns')}
                error={errorFor('pronouns')}
              />
              <TextInput
                label="Date of birth"
                type="date"
                max={todayIso}
                value={form.dateOfBirth}
                onChange={setIdentity('dateOfBirth')}
                error={errorFor('dateOfBirth')}
                description={age !== null && age >= 0 ? `Age ${age}` : undefined}
                required
              />
              <NativeSelect
                label="Sex assigned at birth"
                data={[
                  { value: '', label: 'Not recorded' },
                  { value: 'female', label: 'Female' },
                  { value: 'male', label: 'Male' },
                  { value: 'intersex', label: 'Intersex' },
                  { value: 'unknown', label: 'Unknown' },
                ]}
                value={form.sexAtBirth}
                onChange={set('sexAtBirth')}
                error={errorFor('sexAtBirth')}
              />
              <TextInput
                label="Gender identity"
                value={form.genderIdentity}
                onChange={set('genderIdentity')}
                error={errorFor('genderIdentity')}
              />
              <TextInput
                label="Preferred language"
                value={form.language}
                onChange={set('language')}
                error={errorFor('language')}
              />
              <TextInput
                label="Phone"
                type="tel"
                value={form.phone}
                onChange={set('phone')}
                error={errorFor('phone')}
              />
              <TextInput
                label="Email"
                type="email"
                value={form.email}
                onChange={set('email')}
                error={errorFor('email')}
              />
              <NativeSelect
                label="Living situation"
                data={[{ value: '', label: 'Choose…' }, ...LIVING_SITUATIONS]}
                value={form.livingSituation}
                onChange={set('livingSituation')}
                error={errorFor('livingSituation')}
                required
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend="Address">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Address line 1"
                value={form.addressLine1}
                onChange={set('addressLine1')}
                error={errorFor('addressLine1')}
              />
              <TextInput
                label="Address line 2"
                value={form.addressLine2}
                onChange={set('addressLine2')}
                error={errorFor('addressLine2')}
              />
              <TextInput label="City" value={form.city} onChange={set('city')} error={errorFor('city')} />
              <Group grow>
                <TextInput
                  label="State"
                  value={form.state}
                  onChange={set('state')}
                  error={errorFor('state')}
                />
                <TextInput
                  label="Postal code"
                  value={form.postalCode}
                  onChange={set('postalCode')}
                  error={errorFor('postalCode')}
                />
              </Group>
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend="Emergency contact">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Emergency contact name"
                value={form.emergencyName}
                onChange={set('emergencyName')}
                error={errorFor('emergencyContact.name')}
              />
              <TextInput
                label="Emergency contact relationship"
                value={form.emergencyRelationship}
                onChange={set('emergencyRelationship')}
                error={errorFor('emergencyContact.relationship')}
              />
              <TextInput
                label="Emergency contact phone"
                type="tel"
                value={form.emergencyPhone}
                onChange={set('emergencyPhone')}
                error={errorFor('emergencyContact.phone')}
              />
            </SimpleGrid>
          </Fieldset>

          {under18 && (
            <Fieldset legend="Guardian (required under 18)">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Guardian name"
                  value={form.guardianName}
                  onChange={set('guardianName')}
                  error={errorFor('guardianContact.name') ?? errorFor('guardianContact')}
                  required
                />
                <TextInput
                  label="Guardian relationship"
                  value={form.guardianRelationship}
                  onChange={set('guardianRelationship')}
                  error={errorFor('guardianContact.relationship')}
                  required
                />
                <TextInput
                  label="Guardian phone"
                  type="tel"
                  value={form.guardianPhone}
                  onChange={set('guardianPhone')}
                  error={errorFor('guardianContact.phone')}
                  description="A phone number or an email is required"
                />
                <TextInput
                  label="Guardian email"
                  type="email"
                  value={form.guardianEmail}
                  onChange={set('guardianEmail')}
                  error={errorFor('guardianContact.email')}
                />
              </SimpleGrid>
            </Fieldset>
          )}

          <Fieldset legend="Referral">
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label="Program"
                  data={[
                    { value: '', label: programs.isPending ? 'Loading programs…' : 'Choose…' },
                    ...(programs.data?.items ?? []).map((program) => ({
                      value: program.id,
                      label: program.name,
                    })),
                  ]}
                  value={form.programId}
                  onChange={set('programId')}
                  error={errorFor('programId') ?? (programs.isError ? programs.error.message : undefined)}
                  required
                />
                <TextInput
                  label="Referrer name"
                  description="The person or organization who referred"
                  value={form.referrerName}
                  onChange={set('referrerName')}
                  error={errorFor('referrerName')}
                />
                <NativeSelect
                  label="Referral source"
                  data={[{ value: '', label: 'Choose…' }, ...REFERRAL_SOURCES]}
                  value={form.source}
                  onChange={set('source')}
                  error={errorFor('source')}
                  required
                />
                <TextInput
                  label="Referral date"
                  type="date"
                  max={todayIso}
                  value={form.referredOn}
                  onChange={set('referredOn')}
                  error={errorFor('referredOn')}
                  required
                />
              </SimpleGrid>
              <Text fw={500} size="sm">
                Presenting substances
              </Text>
              {substances.map((row, index) => (
                <Group key={row.key} align="flex-start" wrap="nowrap">
                  <TextInput
                    label={`Substance ${index + 1}`}
                    placeholder="Alcohol, opioids, stimulants …"
                    value={row.substance}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setSubstances((rows) =>
                        rows.map((r) => (r.key === row.key ? { ...r, substance: value } : r)),
                      );
                      setProblems((current) => ({ ...current, 'substances.0.substance': undefined }));
                    }}
                    error={errorFor(`substances.${index}.substance`)}
                    style={{ flex: 1 }}
                  />
                  <TextInput
                    label={`Last use of substance ${index + 1}`}
                    type="date"
                    max={todayIso}
                    value={row.lastUseOn}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setSubstances((rows) =>
                        rows.map((r) => (r.key === row.key ? { ...r, lastUseOn: value } : r)),
                      );
                    }}
                    error={errorFor(`substances.${index}.lastUseOn`)}
                  />
                  {substances.length > 1 && (
                    <ActionIcon
                      mt={26}
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove substance ${index + 1}`}
                      onClick={() => setSubstances((rows) => rows.filter((r) => r.key !== row.key))}
                    >
                      ✕
                    </ActionIcon>
                  )}
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() =>
                    setSubstances((rows) => [
                      ...rows,
                      { key: Math.max(...rows.map((r) => r.key)) + 1, substance: '', lastUseOn: '' },
                    ])
                  }
                >
                  Add a substance
                </Button>
              </Group>
              <Stack gap={6}>
                <Text fw={500} size="sm">
                  Medical and psychiatric flags
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  {(Object.keys(REFERRAL_FLAGS) as ReferralFlag[]).map((flag) => (
                    <Checkbox
                      key={flag}
                      label={REFERRAL_FLAGS[flag]}
                      checked={flags[flag]}
                      onChange={(event) => {
                        const checked = event.currentTarget.checked;
                        setFlags((current) => ({ ...current, [flag]: checked }));
                      }}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
              <Textarea
                label="Referral notes"
                autosize
                minRows={2}
                value={form.notes}
                onChange={set('notes')}
                error={errorFor('note')}
              />
            </Stack>
          </Fieldset>

          <Group>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={Boolean(duplicate) && !confirmedDifferent}
            >
              {duplicate ? 'Create the referral anyway' : 'Create referral'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

interface DuplicateMatch {
  id?: string;
  mrn?: string;
  /** The match is at a site the user cannot open: the API names no one (possible_duplicate_elsewhere). */
  elsewhere?: boolean;
}

/**
 * A 409 possible_duplicate lists the existing patients the user may open (`existing: [{ id, mrn }]`); the
 * first is linked. possible_duplicate_elsewhere names nobody.
 */
function possibleDuplicate(error: unknown): DuplicateMatch | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  if (error.code === 'possible_duplicate_elsewhere') return { elsewhere: true };
  if (error.code !== 'possible_duplicate') return null;
  const existing = Array.isArray(error.details.existing) ? (error.details.existing as DuplicateMatch[]) : [];
  return existing[0] ?? {};
}
