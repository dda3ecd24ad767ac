import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Episode } from '../episodes/episodes-api';
import { fieldError } from '../shared/form-errors';
import { ClinicianSignatureLine, PatientSignatureLine } from './signature-lines';
import { type TreatmentPlan, useSignPlan } from './treatment-plans-api';

/** Typed-name signatures: the clinician and the patient (here on the staff screen, or in the portal). */
export function SignatureForms({ plan, episode }: { plan: TreatmentPlan; episode: Episode }) {
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="signatures-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="signatures-heading">
          Signatures
        </Title>
        {plan.clinicianSignature ? (
          <ClinicianSignatureLine signature={plan.clinicianSignature} />
        ) : (
          <TypedNameSignature
            episode={episode}
            plan={plan}
            signer="clinician"
            label="Clinician's typed name"
            action="Sign as clinician"
          />
        )}
        {plan.patientSignature ? (
          <PatientSignatureLine signature={plan.patientSignature} />
        ) : (
          <TypedNameSignature
            episode={episode}
            plan={plan}
            signer="patient"
            label="Patient's typed name"
            action="Record patient's signature"
          />
        )}
      </Stack>
    </Paper>
  );
}

function TypedNameSignature({
  episode,
  plan,
  signer,
  label,
  action,
}: {
  episode: Episode;
  plan: TreatmentPlan;
  signer: 'clinician' | 'patient';
  label: string;
  action: string;
}) {
  const form = useForm({ initialValues: { typedName: '' } });
  const sign = useSignPlan(episode, plan, signer);
  const typedName = form.values.typedName.trim();
  // Inside the plan editor's <form>: a button, not a nested form, signs.
  return (
    <Group align="flex-start">
      <TextInput
        label={label}
        {...form.getInputProps('typedName')}
        error={fieldError(sign.error, 'typedName') ?? (sign.isError ? sign.error.message : undefined)}
      />
      <Button
        mt={25}
        variant="light"
        onClick={() => sign.mutate(typedName)}
        loading={sign.isPending}
        disabled={!typedName}
      >
        {action}
      </Button>
    </Group>
  );
}
