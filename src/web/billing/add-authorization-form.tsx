import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useEpisodes } from '../episodes/episodes-api';
import { useClinicToday } from '../shared/clinic-zone';
import { FormAlert, FormStatus, useServerErrors } from '../shared/form-feedback';
import { optionsOf } from '../shared/form-options';
import type { Coverage, NewAuthorization } from './billing-api';
import { AUTHORIZATION_STATUS_LABELS, RANK_LABELS } from './billing-labels';
import { useCreateAuthorization } from './billing-mutations';

/** Records what the payer granted for an episode and level of care: codes, units and dates (inclusive). */
export function AddAuthorizationForm({ patientId, coverages }: { patientId: string; coverages: Coverage[] }) {
  const episodes = useEpisodes(patientId);
  const today = useClinicToday();
  const form = useForm({
    initialValues: {
      episodeId: '',
      coverageId: '',
      levelOfCare: '',
      authorizationNumber: '',
      serviceCodes: 'H0015',
      unitsApproved: 20 as number | string,
      from: today.toString(),
      through: today.add({ days: 29 }).toString(),
      status: 'approved' as NewAuthorization['status'],
    },
  });
  const server = useServerErrors(form);
  const [added, setAdded] = useState<string | null>(null);
  const create = useCreateAuthorization(patientId, {
    onSuccess: (a) => {
      setAdded(`Authorization ${a.authorizationNumber ?? ''} recorded.`.replace('  ', ' '));
      form.reset();
    },
    onError: server.show,
  });
  const open = (episodes.data?.items ?? []).filter((e) => e.status !== 'discharged');
  const values = form.getValues();
  const episode = open.find((e) => e.id === values.episodeId) ?? open[0];
  const coverageId = values.coverageId || coverages[0]?.id || '';
  if (coverages.length === 0) {
    return (
      <Text size="sm" c="dimmed" mt="md">
        Record the patient’s coverage first: an authorization is the coverage payer’s.
      </Text>
    );
  }
  const submit = form.onSubmit((v) => {
    server.clear();
    setAdded(null);
    create.mutate({
      episodeId: episode?.id ?? '',
      coverageId,
      levelOfCare: v.levelOfCare.trim() || episode?.level || '',
      authorizationNumber: v.authorizationNumber.trim() || null,
      serviceCodes: v.serviceCodes
        .split(/[\s,]+/)
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
      unitsRequested: null,
      unitsApproved: Number(v.unitsApproved),
      from: v.from,
      through: v.through,
      status: v.status,
      payerContact: null,
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-authorization-heading">
      <Stack gap="sm" mt="md">
        <Title order={3} size="h5" id="add-authorization-heading">
          Add an authorization
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <NativeSelect
            label="Episode"
            data={
              open.length > 0
                ? open.map((e) => ({ value: e.id, label: `${e.programName} (level ${e.level})` }))
                : [{ value: '', label: episodes.isPending ? 'Loading…' : 'No open episode' }]
            }
            {...form.getInputProps('episodeId')}
            value={episode?.id ?? ''}
          />
          <NativeSelect
            label="Coverage"
            data={coverages.map((c) => ({ value: c.id, label: `${c.payerName} (${RANK_LABELS[c.rank]})` }))}
            {...form.getInputProps('coverageId')}
            value={coverageId}
          />
          <TextInput
            label="Level of care"
            placeholder={episode?.level ?? '2.1'}
            description="Empty: the episode’s level"
            {...form.getInputProps('levelOfCare')}
          />
          <TextInput label="Authorization number" {...form.getInputProps('authorizationNumber')} />
          <TextInput
            label="Service codes"
            description="Separated by commas, e.g. H0015, 90853"
            {...form.getInputProps('serviceCodes')}
          />
          <NumberInput label="Units approved" min={0} max={366} {...form.getInputProps('unitsApproved')} />
          <TextInput label="From" type="date" {...form.getInputProps('from')} />
          <TextInput label="Through" type="date" {...form.getInputProps('through')} />
          <NativeSelect
            label="Status"
            data={optionsOf(AUTHORIZATION_STATUS_LABELS)}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <FormAlert message={server.banner} />
        <FormStatus message={added} />
        <Group>
          <Button type="submit" variant="light" loading={create.isPending} disabled={!episode}>
            Add authorization
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
