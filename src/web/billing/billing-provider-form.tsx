import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormAlert, FormStatus, useServerErrors } from '../shared/form-feedback';
import { may } from '../shared/permissions';
import { QueryState } from '../shared/query-state';
import { useMe } from '../shared/session';
import { type BillingProvider, type BillingProviderFields, useBillingProvider } from './billing-api';
import { useSaveBillingProvider } from './billing-mutations';

type FormValues = Omit<BillingProviderFields, 'contactName' | 'contactPhone'> & {
  contactName: string;
  contactPhone: string;
};

const EMPTY: FormValues = {
  name: '',
  npi: '',
  taxId: '',
  taxonomy: '',
  addressLine: '',
  city: '',
  state: '',
  postalCode: '',
  contactName: '',
  contactPhone: '',
};

/** The site's billing provider on every claim: name, NPI, EIN, taxonomy and the ZIP+4 address. */
export function BillingProviderTab({ siteId }: { siteId: string }) {
  const provider = useBillingProvider(siteId);
  return (
    <QueryState query={provider} loading="Loading the billing provider">
      {(current) => <BillingProviderForm key={siteId} siteId={siteId} provider={current} />}
    </QueryState>
  );
}

function BillingProviderForm({ siteId, provider }: { siteId: string; provider: BillingProvider | null }) {
  const me = useMe();
  const mayEdit = may(me.data, 'billing.setup.write');
  const { version: _version, ...saved0 } = provider ?? { ...EMPTY, version: 0 };
  const fields: FormValues = {
    ...saved0,
    contactName: saved0.contactName ?? '',
    contactPhone: saved0.contactPhone ?? '',
  };
  const form = useForm<FormValues>({ initialValues: fields });
  const server = useServerErrors(form);
  const [saved, setSaved] = useState(false);
  const save = useSaveBillingProvider(siteId, provider?.version ?? 0, {
    onSuccess: () => setSaved(true),
    onError: server.show,
  });
  // The server's messages are the rules (NPI check digit, 9-digit EIN and ZIP+4); the form only trims.
  const submit = form.onSubmit((values) => {
    server.clear();
    setSaved(false);
    save.mutate({
      ...values,
      npi: values.npi.trim(),
      taxId: values.taxId.replace(/\D/g, ''),
      taxonomy: values.taxonomy.trim().toUpperCase(),
      state: values.state.trim().toUpperCase(),
      postalCode: values.postalCode.replace(/\D/g, ''),
      contactName: values.contactName.trim() || null,
      contactPhone: values.contactPhone.replace(/\D/g, '') || null,
    });
  });
  const input = (name: keyof FormValues) => ({
    ...form.getInputProps(name),
    readOnly: !mayEdit,
  });

  return (
    <Paper withBorder p="md" radius="md" maw={880}>
      <form onSubmit={submit} noValidate aria-labelledby="billing-provider-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="billing-provider-heading">
            Billing provider
          </Title>
          {!provider && (
            <Text size="sm" c="dimmed">
              Not set yet: no charge can be released until the site’s NPI and taxonomy are saved here.
            </Text>
          )}
          <TextInput label="Billing name" maxLength={60} {...input('name')} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput label="NPI" description="10 digits, with the check digit" {...input('npi')} />
            <TextInput
              label="EIN"
              description="Employer identification number, 9 digits"
              {...input('taxId')}
            />
            <TextInput label="Taxonomy" description="e.g. 261QR0405X" {...input('taxonomy')} />
          </SimpleGrid>
          <TextInput label="Street address" maxLength={55} {...input('addressLine')} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput label="City" description="As the payer has it" maxLength={30} {...input('city')} />
            <TextInput label="State" description="Two letters, e.g. IL" maxLength={2} {...input('state')} />
            <TextInput label="ZIP+4" description="9 digits, e.g. 606011234" {...input('postalCode')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label="Billing contact"
              description="Who the payer calls about a claim"
              maxLength={60}
              {...input('contactName')}
            />
            <TextInput
              label="Billing contact phone"
              description="10 digits; claims are not built without it"
              {...input('contactPhone')}
            />
          </SimpleGrid>
          <FormAlert message={server.banner} />
          <FormStatus message={saved ? 'Billing provider saved.' : null} />
          {mayEdit && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save billing provider
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
