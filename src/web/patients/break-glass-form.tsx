import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { FormAlert, useServerErrors } from '../shared/form-feedback';
import { requestBreakGlass } from './patients-api';

/** Emergency access to a patient outside the user's sites: a reason is required, and it is audited. */
export function BreakGlassForm({
  patientId,
  onGranted,
}: {
  patientId: string;
  onGranted: (expiresAt: string) => void;
}) {
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (reason) => (reason.trim() ? null : 'Give the reason you need this record now'),
    },
  });
  const server = useServerErrors(form);
  const breakGlass = useMutation({
    mutationFn: (reason: string) => requestBreakGlass(patientId, reason),
    onSuccess: (answer) => onGranted(answer.expiresAt),
    onError: server.show,
  });
  const submit = form.onSubmit(({ reason }) => {
    server.clear();
    breakGlass.mutate(reason.trim());
  });

  return (
    <Paper withBorder p="lg" radius="md" maw={640}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h3">
            This patient is not at one of your sites
          </Title>
          <Text>
            In an emergency you can break the glass to open this record. Your name, the time and your reason
            are written to the audit log and reviewed by your program. Access lasts 1 hour.
          </Text>
          <FormAlert message={server.banner} />
          <Textarea
            label="Reason for emergency access"
            description="For example: patient presented in crisis at our site; need medication history."
            autosize
            minRows={3}
            {...form.getInputProps('reason')}
            required
          />
          <Group>
            <Button type="submit" color="red" loading={breakGlass.isPending}>
              Break the glass
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
