import { Alert, Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createReferral } from '../referrals/referrals-api';
import { ageOnDay } from '../shared/clinic-calendar';
import { useClinicToday } from '../shared/clinic-zone';
import { useCurrentSite } from '../shared/current-site';
import { fieldError, formError } from '../shared/form-errors';
import { NewPatientFields } from './new-patient-fields';
import {
  initialNewReferralValues,
  type NewReferralValues,
  needsGuardian,
  newReferralProblems,
  toNewPatient,
  toNewReferral,
} from './new-referral-values';
import { PatientContactsFields } from './patient-contacts-fields';
import { createPatient, type Patient } from './patients-api';
import { patientKeys } from './patients-keys';
import { PossibleDuplicateAlert, possibleDuplicate } from './possible-duplicate-alert';
import { ReferralFields } from './referral-fields';

/** Inputs that show the server's field errors themselves; anything else goes in the alert at the top. */
const SHOWN_BY_INPUTS = [
  ...Object.keys(initialNewReferralValues('')).filter(
    (name) => name !== 'flags' && name !== 'emergencyContact',
  ),
  'guardianContact.name',
  'guardianContact.phone',
  'guardianContact.email',
  'guardianContact.relationship',
  'emergencyContact.name',
  'emergencyContact.relationship',
  'emergencyContact.phone',
  'medicalFlags',
  'psychiatricFlags',
];

/** Registers the patient and their referral in one go, warning first about someone possibly on file. */
export function NewReferralPage() {
  const { site } = useCurrentSite();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const today = useClinicToday();
  const todayIso = today.toString();
  const form = useForm<NewReferralValues>({
    initialValues: initialNewReferralValues(todayIso),
    validate: (values) => newReferralProblems(values, today),
  });
  const [confirmedDifferent, setConfirmedDifferent] = useState(false);
  // When the patient was saved but the referral was not, a second try adds only the referral.
  const savedPatient = useRef<Patient | null>(null);

  const save = useMutation({
    mutationFn: async (values: NewReferralValues): Promise<Patient> => {
      const patient =
        savedPatient.current ??
        (await createPatient(site?.id ?? '', {
          ...toNewPatient(values, today),
          ...(confirmedDifferent ? { confirmNotDuplicate: true } : {}),
        }));
      savedPatient.current = patient;
      await createReferral(patient.id, toNewReferral(values));
      return patient;
    },
    onSuccess: (patient) => {
      void queryClient.invalidateQueries({ queryKey: patientKeys.census });
      navigate(`/patients/${patient.id}?tab=intake`);
    },
  });

  const duplicate = possibleDuplicate(save.error);
  // A changed name or date of birth is another question: the duplicate warning and its answer no longer apply.
  const identityProps = (path: 'givenName' | 'familyName' | 'dateOfBirth') => {
    const props = form.getInputProps(path);
    return {
      ...props,
      onChange: (event: unknown) => {
        props.onChange(event);
        if (duplicate) save.reset();
        setConfirmedDifferent(false);
      },
    };
  };
  const errorFor = (path: string) =>
    (form.errors[path] as string | undefined) ?? fieldError(save.error, path);
  const generalError = duplicate ? undefined : formError(save.error, SHOWN_BY_INPUTS);
  const { dateOfBirth } = form.values;

  if (!site) {
    return (
      <Alert color="yellow">You are not a member of any site yet. Ask an administrator to add you.</Alert>
    );
  }

  const fields = { form, errorFor };
  return (
    <Stack maw={880}>
      <Anchor component={Link} to="/patients" size="sm">
        ← Back to patients
      </Anchor>
      <Title order={1} size="h2">
        New referral at {site.name}
      </Title>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          {duplicate && (
            <PossibleDuplicateAlert
              duplicate={duplicate}
              confirmedDifferent={confirmedDifferent}
              onConfirmedDifferent={setConfirmedDifferent}
            />
          )}
          <NewPatientFields
            {...fields}
            identityProps={identityProps}
            todayIso={todayIso}
            age={ageOnDay(dateOfBirth, today)}
          />
          <PatientContactsFields {...fields} withGuardian={needsGuardian(dateOfBirth, today)} />
          <ReferralFields {...fields} siteId={site.id} todayIso={todayIso} />
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
