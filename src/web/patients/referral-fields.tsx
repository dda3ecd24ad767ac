import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { REFERRAL_SOURCES, usePrograms } from '../referrals/referrals-api';
import type { NewReferralFieldsProps } from './new-patient-fields';
import { blankSubstance, REFERRAL_FLAGS, type ReferralFlag } from './new-referral-values';

/** The referral: program, who referred and when, presenting substances, medical and psychiatric flags, notes. */
export function ReferralFields({
  form,
  errorFor,
  siteId,
  todayIso,
}: NewReferralFieldsProps & { siteId: string; todayIso: string }) {
  const programs = usePrograms(siteId);
  const input = (path: string) => ({ ...form.getInputProps(path), error: errorFor(path) });
  const substances = form.values.substances;
  return (
    <Fieldset legend="Referral">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Program"
            data={[
              { value: '', label: programs.isPending ? 'Loading programs…' : 'Choose…' },
              ...(programs.data?.items ?? []).map((program) => ({ value: program.id, label: program.name })),
            ]}
            {...form.getInputProps('programId')}
            error={errorFor('programId') ?? (programs.isError ? programs.error.message : undefined)}
            required
          />
          <TextInput
            label="Referrer name"
            description="The person or organization who referred"
            {...input('referrerName')}
          />
          <NativeSelect
            label="Referral source"
            data={[{ value: '', label: 'Choose…' }, ...REFERRAL_SOURCES]}
            {...input('source')}
            required
          />
          <TextInput label="Referral date" type="date" max={todayIso} {...input('referredOn')} required />
        </SimpleGrid>
        <Text fw={500} size="sm">
          Presenting substances
        </Text>
        {substances.map((row, index) => (
          <Group key={row.key} align="flex-start" wrap="nowrap">
            <TextInput
              label={`Substance ${index + 1}`}
              placeholder="Alcohol, opioids, stimulants …"
              {...input(`substances.${index}.substance`)}
              style={{ flex: 1 }}
            />
            <TextInput
              label={`Last use of substance ${index + 1}`}
              type="date"
              max={todayIso}
              {...input(`substances.${index}.lastUseOn`)}
            />
            {substances.length > 1 && (
              <ActionIcon
                mt={26}
                variant="subtle"
                color="gray"
                aria-label={`Remove substance ${index + 1}`}
                onClick={() => form.removeListItem('substances', index)}
              >
                ✕
              </ActionIcon>
            )}
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => form.insertListItem('substances', blankSubstance(substances))}
          >
            Add a substance
          </Button>
        </Group>
        <Stack gap={6}>
          <Text fw={500} size="sm">
            Medical and psychiatric flags
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {(Object.keys(REFERRAL_FLAGS) as ReferralFlag[]).map((flag) => (
              <Checkbox
                key={flag}
                label={REFERRAL_FLAGS[flag]}
                {...form.getInputProps(`flags.${flag}`, { type: 'checkbox' })}
              />
            ))}
          </SimpleGrid>
        </Stack>
        <Textarea label="Referral notes" autosize minRows={2} {...input('note')} />
      </Stack>
    </Fieldset>
  );
}
