import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert, useServerErrors } from '../shared/form-feedback';
import { optionsOf } from '../shared/form-options';
import {
  type CancelReason,
  type CsvImportResult,
  importParticipantCsv,
  type RosterRow,
} from './programs-api';
import { useCancelSession } from './programs-mutations';

/** Cancels the session with a reason; every enrolled patient sees the notice in the portal. */
export function CancelSessionForm({ siteId, sessionId }: { siteId: string; sessionId: string }) {
  const form = useForm({ initialValues: { reason: 'holiday' as CancelReason, note: '' } });
  const server = useServerErrors(form);
  const cancel = useCancelSession(siteId, sessionId);
  const submit = form.onSubmit(({ reason, note }) => {
    server.clear();
    cancel.mutate({ reason, note: note.trim() || undefined }, { onError: server.show });
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="cancel-session-heading">
        <Stack gap="xs">
          <Title order={2} size="h5" id="cancel-session-heading">
            Cancel this session
          </Title>
          <Group align="flex-start">
            <NativeSelect
              label="Reason"
              data={optionsOf({ holiday: 'Holiday', weather: 'Weather', other: 'Other' })}
              {...form.getInputProps('reason')}
            />
            <TextInput
              label="Note to patients"
              description="Shown in the portal with the cancellation"
              {...form.getInputProps('note')}
              w={360}
            />
          </Group>
          <FormAlert message={server.banner} />
          <Group>
            <Button type="submit" color="red" variant="light" loading={cancel.isPending}>
              Cancel session
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * A virtual session's participant export (name/email, join, leave): the server sums rejoins and matches people
 * to the roster; rows it could not match are shown here to match by hand. "Use these minutes" fills the roster
 * form, which is then saved as usual (one request).
 */
export function CsvImportPanel({
  siteId,
  sessionId,
  members,
  onApply,
}: {
  siteId: string;
  sessionId: string;
  members: RosterRow[];
  onApply: (minutesByPatient: Map<string, number>) => void;
}) {
  // `manual` is the member chosen by hand for each unmatched row, by its place in the result.
  const form = useForm({ initialValues: { csv: '', manual: {} as Record<string, string> } });
  const server = useServerErrors(form);
  const [applied, setApplied] = useState<number | null>(null);
  const match = useMutation({
    mutationFn: (csv: string) => importParticipantCsv(siteId, sessionId, csv),
    onSuccess: () => {
      form.setFieldValue('manual', {});
      setApplied(null);
    },
    onError: server.show,
  });
  const result: CsvImportResult | undefined = match.data;
  const { csv, manual } = form.getValues();
  const submit = form.onSubmit((values) => {
    server.clear();
    match.mutate(values.csv);
  });
  const apply = () => {
    if (!result) return;
    const minutes = new Map<string, number>();
    for (const m of result.matched) minutes.set(m.patientId, m.minutes);
    result.unmatched.forEach((row, i) => {
      const patientId = manual[i];
      if (patientId) minutes.set(patientId, (minutes.get(patientId) ?? 0) + row.minutes);
    });
    onApply(minutes);
    setApplied(minutes.size);
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="csv-heading">
        <Stack gap="xs">
          <Title order={2} size="h5" id="csv-heading">
            Minutes from the participant export
          </Title>
          <Textarea
            label="Participant CSV"
            description="Paste the video platform's export: name or email, join time, leave time (rejoins are summed)"
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('csv')}
          />
          <Group>
            <Button type="submit" variant="light" loading={match.isPending} disabled={csv.trim() === ''}>
              Match participants
            </Button>
          </Group>
          <FormAlert message={server.banner} />
          {result && (
            <Stack gap="xs">
              <Text size="sm">
                Matched {result.matched.length}:{' '}
                {result.matched.map((m) => `${m.familyName}, ${m.givenName} (${m.minutes} min)`).join('; ') ||
                  'nobody'}
                .
              </Text>
              {result.problems.map((p) => (
                <Text key={p.line} size="sm" c="orange.8">
                  Line {p.line}: {p.message}
                </Text>
              ))}
              {result.unmatched.length > 0 && (
                <Table aria-label="Unmatched participants" withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>In the file</Table.Th>
                      <Table.Th>Minutes</Table.Th>
                      <Table.Th>Member</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.unmatched.map((row, i) => (
                      <Table.Tr key={`${row.name}:${row.email ?? ''}`}>
                        <Table.Td>
                          {row.name}
                          {row.email ? ` <${row.email}>` : ''}
                        </Table.Td>
                        <Table.Td>{row.minutes}</Table.Td>
                        <Table.Td>
                          <NativeSelect
                            aria-label={`Member for ${row.name}`}
                            data={[
                              { value: '', label: 'Not a member' },
                              ...members.map((m) => ({
                                value: m.patientId,
                                label: `${m.familyName}, ${m.givenName}`,
                              })),
                            ]}
                            value={manual[i] ?? ''}
                            onChange={(e) => form.setFieldValue(`manual.${i}`, e.currentTarget.value)}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <Group>
                <Button variant="light" onClick={apply}>
                  Use these minutes
                </Button>
                {applied !== null && (
                  <Text c="teal.8" size="sm" role="status">
                    Minutes filled in for {applied} members; check the roster and save attendance.
                  </Text>
                )}
              </Group>
            </Stack>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
