import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { usePrograms } from '../referrals/referrals-api';
import { useClinicToday } from '../shared/clinic-zone';
import { formatDay } from '../shared/date-time';
import { FormAlert, useServerErrors } from '../shared/form-feedback';
import type { GenerationResult, NoChargeReason } from './billing-api';
import { NO_CHARGE_LABELS } from './billing-labels';
import { useGenerateCharges } from './billing-mutations';

/**
 * Makes the charges the record supports for a program between two days (at most 31), and says what came of
 * it: how many were made, how many the record had already charged, and each day that made none, with why.
 */
export function MakeChargesForm({ siteId }: { siteId: string }) {
  const programs = usePrograms(siteId);
  const today = useClinicToday();
  const form = useForm({
    initialValues: {
      programId: '',
      from: today.subtract({ days: 13 }).toString(),
      through: today.toString(),
    },
  });
  const server = useServerErrors(form);
  const [result, setResult] = useState<GenerationResult | null>(null);
  const generate = useGenerateCharges(siteId, { onSuccess: setResult, onError: server.show });
  const items = programs.data?.items ?? [];
  const programId = form.getValues().programId || items[0]?.id || '';
  const submit = form.onSubmit(({ from, through }) => {
    server.clear();
    setResult(null);
    generate.mutate({ programId, from, through });
  });

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="make-charges-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="make-charges-heading">
            Make charges
          </Title>
          <Text size="sm" c="dimmed">
            From attendance and signed notes; a day already charged is never charged twice.
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NativeSelect
              label="Program"
              data={
                items.length > 0
                  ? items.map((p) => ({ value: p.id, label: p.name }))
                  : [{ value: '', label: programs.isPending ? 'Loading…' : 'No programs' }]
              }
              {...form.getInputProps('programId')}
              value={programId}
            />
            <TextInput label="From" type="date" {...form.getInputProps('from')} />
            <TextInput label="Through" type="date" {...form.getInputProps('through')} />
          </SimpleGrid>
          <FormAlert message={server.banner} />
          <Group>
            <Button type="submit" loading={generate.isPending} disabled={!programId}>
              Make charges
            </Button>
          </Group>
          {result && <GenerationReport result={result} />}
        </Stack>
      </form>
    </Paper>
  );
}

function GenerationReport({ result }: { result: GenerationResult }) {
  const byReason = new Map<NoChargeReason, string[]>();
  for (const skip of result.noCharge) {
    byReason.set(skip.reason, [...(byReason.get(skip.reason) ?? []), skip.date]);
  }
  return (
    <Alert color={result.created > 0 ? 'teal' : 'blue'} role="status" title="Charges made">
      <Stack gap={4}>
        <Text size="sm">
          {result.created} {result.created === 1 ? 'charge' : 'charges'} made, {result.alreadyCharged} already
          charged.
        </Text>
        {byReason.size > 0 && (
          <>
            <Text size="sm" fw={500}>
              No charge for {result.noCharge.length} member {result.noCharge.length === 1 ? 'day' : 'days'}:
            </Text>
            <List size="sm" aria-label="No charge">
              {[...byReason].map(([reason, days]) => (
                <List.Item key={reason}>
                  {NO_CHARGE_LABELS[reason]} ({days.length}):{' '}
                  {[...new Set(days)].map((day) => formatDay(day)).join(', ')}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {result.created === 0 && result.alreadyCharged === 0 && result.noCharge.length === 0 && (
          <Text size="sm">The record has no attended services in these days.</Text>
        )}
      </Stack>
    </Alert>
  );
}
