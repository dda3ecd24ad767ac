import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormAlert, FormStatus, useServerErrors } from '../shared/form-feedback';
import { optionsOf } from '../shared/form-options';
import { may } from '../shared/permissions';
import { QueryState } from '../shared/query-state';
import { useMe } from '../shared/session';
import { TableScroll } from '../shared/table-list';
import { type NewPayer, usePayers } from './billing-api';
import { BILLING_METHOD_LABELS } from './billing-labels';
import { useCreatePayer } from './billing-mutations';

/** The organization's payer directory, and a form to add one. */
export function PayersTab() {
  const me = useMe();
  const payers = usePayers();
  return (
    <Stack>
      <QueryState
        query={payers}
        loading="Loading payers"
        isEmpty={(list) => list.items.length === 0}
        empty="No payers yet."
      >
        {(list) => (
          <TableScroll label="Payers" minWidth={800}>
            <Table aria-label="Payers" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Payer</Table.Th>
                  <Table.Th>Payer id</Table.Th>
                  <Table.Th>Claim</Table.Th>
                  <Table.Th>Billed as</Table.Th>
                  <Table.Th>Authorization</Table.Th>
                  <Table.Th>Filing limit</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((payer) => (
                  <Table.Tr key={payer.id}>
                    <Table.Td fw={500}>
                      {payer.name}
                      {payer.medicare && (
                        <Badge ml={6} size="sm" variant="light" color="violet" tt="none">
                          Medicare
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace">{payer.payerCode}</Table.Td>
                    <Table.Td>{payer.claimType}</Table.Td>
                    <Table.Td>{BILLING_METHOD_LABELS[payer.billingMethod]}</Table.Td>
                    <Table.Td>
                      {payer.authorizationRequired
                        ? `Required${payer.reviewEveryDays ? `, review every ${payer.reviewEveryDays} days` : ''}`
                        : 'Not required'}
                    </Table.Td>
                    <Table.Td>{payer.timelyFilingDays} days</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={payer.active ? 'teal' : 'gray'} tt="none">
                        {payer.active ? 'Active' : 'Inactive'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </QueryState>
      {may(me.data, 'payer.write') && <AddPayerForm />}
    </Stack>
  );
}

const NEW_PAYER = {
  name: '',
  payerCode: '',
  claimType: '837I' as NewPayer['claimType'],
  billingMethod: 'per_diem' as NewPayer['billingMethod'],
  claimFilingIndicator: 'CI',
  medicare: false,
  authorizationRequired: true,
  reviewEveryDays: '' as number | string,
  timelyFilingDays: 90 as number | string,
};

function AddPayerForm() {
  const form = useForm({ initialValues: NEW_PAYER });
  const server = useServerErrors(form);
  const [added, setAdded] = useState<string | null>(null);
  const create = useCreatePayer({
    onSuccess: (payer) => {
      setAdded(`${payer.name} added.`);
      form.reset();
    },
    onError: server.show,
  });
  const submit = form.onSubmit((values) => {
    server.clear();
    setAdded(null);
    create.mutate({
      ...values,
      name: values.name.trim(),
      payerCode: values.payerCode.trim(),
      reviewEveryDays: values.reviewEveryDays === '' ? null : Number(values.reviewEveryDays),
      timelyFilingDays: Number(values.timelyFilingDays),
      active: true,
    });
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="add-payer-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="add-payer-heading">
            Add a payer
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput label="Payer name" {...form.getInputProps('name')} />
            <TextInput
              label="Payer id"
              description="From the clearinghouse list"
              {...form.getInputProps('payerCode')}
            />
            <TextInput
              label="Claim filing indicator"
              description="e.g. CI commercial, MB Medicare B, MC Medicaid"
              {...form.getInputProps('claimFilingIndicator')}
            />
            <NativeSelect
              label="Claim type"
              data={[
                { value: '837I', label: '837I institutional' },
                { value: '837P', label: '837P professional' },
              ]}
              {...form.getInputProps('claimType')}
            />
            <NativeSelect
              label="Billed as"
              data={optionsOf(BILLING_METHOD_LABELS)}
              {...form.getInputProps('billingMethod')}
            />
            <NumberInput label="Timely filing (days)" min={1} {...form.getInputProps('timelyFilingDays')} />
            <NumberInput
              label="Review every (days)"
              description="Empty: no concurrent review"
              min={1}
              {...form.getInputProps('reviewEveryDays')}
            />
          </SimpleGrid>
          <Group>
            <Checkbox
              label="Needs an authorization"
              {...form.getInputProps('authorizationRequired', { type: 'checkbox' })}
            />
            <Checkbox label="Medicare" {...form.getInputProps('medicare', { type: 'checkbox' })} />
          </Group>
          <FormAlert message={server.banner} />
          <FormStatus message={added} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Add payer
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
