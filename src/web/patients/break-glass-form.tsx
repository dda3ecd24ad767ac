import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError, formError } from '../shared/form-errors';
import { requestBreakGlass } from './patients-api';

/** Emergency access to a patient outside the user's sites: a reason is required, and it is audited. */
export function BreakGlassForm({
  patientId,
  onGranted,
}: {
  patientId: string;
  onGranted: (expiresAt: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string>();
  const breakGlass = useMutation({
    mutationFn: () => requestBreakGlass(patientId, reason.trim()),
    onSuccess: (answer) => onGranted(answer.expiresAt),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing('Give the reason you need this record now');
      return;
    }
    setMissing(undefined);
    breakGlass.mutate();
  };

  const generalError = formError(breakGlass.error, ['reason']);
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
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          <Textarea
            label="Reason for emergency access"
            description="For example: patient presented in crisis at our site; need medication history."
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(undefined);
            }}
            error={missing ?? fieldError(breakGlass.error, 'reason')}
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
