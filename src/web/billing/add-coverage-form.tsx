import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useClinicToday } from '../shared/clinic-zone';
import { FormAlert, FormStatus, useServerErrors } from '../shared/form-feedback';
import { optionsOf } from '../shared/form-options';
import { type NewCoverage, usePayers } from './billing-api';
import { RANK_LABELS, RELATIONSHIP_LABELS } from './billing-labels';
import { useCreateCoverage } from './billing-mutations';

/** Records a coverage: payer, rank, member and group ids, subscriber, dates (no overlap within a rank). */
export function AddCoverageForm({ patientId }: { patientId: string }) {
  const payers = usePayers();
  const today = useClinicToday().toString();
  const form = useForm({
    initialValues: {
      payerId: '',
      rank: 'primary' as NewCoverage['rank'],
      memberId: '',
      groupNumber: '',
      subscriberRelationship: 'self' as NewCoverage['subscriberRelationship'],
      subscriberGivenName: '',
      subscriberFamilyName: '',
      effectiveFrom: today,
      effectiveThrough: '',
    },
  });
  const server = useServerErrors(form);
  const [added, setAdded] = useState<string | null>(null);
  const create = useCreateCoverage(patientId, {
    onSuccess: (coverage) => {
      setAdded(`${coverage.payerName} coverage recorded.`);
      form.reset();
    },
    onError: server.show,
  });
  const active = (payers.data?.items ?? []).filter((p) => p.active);
  const payerId = form.getValues().payerId || active[0]?.id || '';
  const self = form.getValues().subscriberRelationship === 'self';
  const submit = form.onSubmit((v) => {
    server.clear();
    setAdded(null);
    create.mutate({
      payerId,
      rank: v.rank,
      memberId: v.memberId.trim(),
      groupNumber: v.groupNumber.trim() || null,
      subscriberRelationship: v.subscriberRelationship,
      subscriberGivenName: self ? null : v.subscriberGivenName.trim() || null,
      subscriberFamilyName: self ? null : v.subscriberFamilyName.trim() || null,
      effectiveFrom: v.effectiveFrom,
      effectiveThrough: v.effectiveThrough || null,
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-coverage-heading">
      <Stack gap="sm" mt="md">
        <Title order={3} size="h5" id="add-coverage-heading">
          Add coverage
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <NativeSelect
            label="Payer"
            data={
              active.length > 0
                ? active.map((p) => ({ value: p.id, label: p.name }))
                : [{ value: '', label: payers.isPending ? 'Loading…' : 'No payers' }]
            }
            {...form.getInputProps('payerId')}
            value={payerId}
          />
          <NativeSelect label="Rank" data={optionsOf(RANK_LABELS)} {...form.getInputProps('rank')} />
          <TextInput label="Member id" {...form.getInputProps('memberId')} />
          <TextInput label="Group number" {...form.getInputProps('groupNumber')} />
          <NativeSelect
            label="Subscriber is"
            data={optionsOf(RELATIONSHIP_LABELS)}
            {...form.getInputProps('subscriberRelationship')}
          />
          <TextInput label="Effective from" type="date" {...form.getInputProps('effectiveFrom')} />
          {!self && (
            <>
              <TextInput label="Subscriber given name" {...form.getInputProps('subscriberGivenName')} />
              <TextInput label="Subscriber family name" {...form.getInputProps('subscriberFamilyName')} />
            </>
          )}
          <TextInput
            label="Effective through"
            description="Empty: open-ended"
            type="date"
            {...form.getInputProps('effectiveThrough')}
          />
        </SimpleGrid>
        <FormAlert message={server.banner} />
        <FormStatus message={added} />
        <Group>
          <Button type="submit" variant="light" loading={create.isPending} disabled={!payerId}>
            Add coverage
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
