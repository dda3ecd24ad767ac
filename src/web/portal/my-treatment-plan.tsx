import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDay } from '../shared/date-time';
import { fieldError } from '../shared/form-errors';
import { PlanDocumentView } from '../treatment-plans/plan-document-view';
import { myPlanQueryKey, signMyPlan, useMyTreatmentPlan } from '../treatment-plans/treatment-plans-api';

/** The patient's current treatment plan; once the clinician has signed, the patient signs it here. */
export function MyTreatmentPlan() {
  const queryClient = useQueryClient();
  const plan = useMyTreatmentPlan();
  const [typedName, setTypedName] = useState('');
  const sign = useMutation({
    mutationFn: () => signMyPlan(plan.data!, typedName.trim()),
    onSuccess: (saved) => queryClient.setQueryData(myPlanQueryKey, saved),
  });
  if (!plan.data) return null;
  const current = plan.data;
  const maySign = Boolean(current.clinicianSignature) && !current.patientSignature;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    sign.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-plan-heading">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h3" id="my-plan-heading">
            My treatment plan
          </Title>
          <Badge color={current.readOnly ? 'teal' : 'yellow'} variant="light" tt="none">
            {current.readOnly ? 'Signed' : 'Not signed yet'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Version {current.revision} · next review by {formatDay(current.reviewDate)}
        </Text>
        <PlanDocumentView document={current.document} />
        {current.patientSignature && (
          <Text size="sm">
            You signed as <strong>{current.patientSignature.name}</strong> on{' '}
            {new Date(current.patientSignature.signedAt).toLocaleString()}.
          </Text>
        )}
        {maySign && (
          <form onSubmit={submit} noValidate>
            <Group align="flex-start">
              <TextInput
                label="Type your full name to sign"
                value={typedName}
                onChange={(event) => setTypedName(event.currentTarget.value)}
                error={fieldError(sign.error, 'typedName')}
              />
              <Button type="submit" mt={25} loading={sign.isPending} disabled={!typedName.trim()}>
                Sign my plan
              </Button>
            </Group>
          </form>
        )}
        {sign.isError && !fieldError(sign.error, 'typedName') && (
          <Alert color="red" role="alert">
            {sign.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
