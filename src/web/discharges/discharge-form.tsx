import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { DISCHARGE_REASONS } from '../../domain/episodes/discharge';
import { LEVELS_OF_CARE } from '../../domain/placement/levels-of-care';
import type { Episode } from '../episodes/episodes-api';
import { ApiError } from '../shared/api/api-error';
import { useClinicToday } from '../shared/clinic-zone';
import { fieldError, formError } from '../shared/form-errors';
import { AftercareFields } from './aftercare-fields';
import {
  type DischargeValues,
  dischargeProblems,
  initialDischargeValues,
  toNewDischarge,
} from './discharge-values';
import { useDischargeEpisode } from './discharges-api';

/** Inputs that show the server's field errors themselves; anything else goes in the alert above the button. */
const SHOWN_BY_INPUTS = [
  'dischargedOn',
  'reason',
  'levelAtDischarge',
  'summary',
  'referralTo',
  'nextLevel',
  'nextProvider.name',
  'nextProvider.phone',
  'crisisPlan.crisisLine',
  'recoverySupports',
];

/** An open episode's discharge: reason (TEDS), level, summary and the aftercare plan the patient will see. */
export function DischargeForm({ episode }: { episode: Episode }) {
  const today = useClinicToday().toString();
  const form = useForm<DischargeValues>({
    initialValues: initialDischargeValues(episode.level, today),
    validate: dischargeProblems,
  });

  const save = useDischargeEpisode(episode);

  /** The form's own problem first (by form path), else the server's (by request path). */
  const errorFor = (path: string, serverPath = path) =>
    (form.errors[path] as string | undefined) ?? fieldError(save.error, serverPath);
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const generalError = conflict
    ? `${save.error?.message} Reload the page to see the episode as it is now.`
    : formError(save.error, SHOWN_BY_INPUTS);
  const levels = LEVELS_OF_CARE[episode.edition].map((l) => ({
    value: l.code,
    label: `${l.code} ${l.name}`,
  }));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="discharge-form-heading">
      <form onSubmit={form.onSubmit((values) => save.mutate(toNewDischarge(values)))} noValidate>
        <Stack>
          <Title order={2} size="h4" id="discharge-form-heading">
            Discharge and aftercare
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput
              label="Discharge date"
              type="date"
              max={today}
              {...form.getInputProps('dischargedOn')}
              error={errorFor('dischargedOn')}
              required
            />
            <NativeSelect
              label="Reason for discharge (TEDS)"
              data={[
                { value: '', label: 'Choose…' },
                ...DISCHARGE_REASONS.map((r) => ({ value: String(r.code), label: `${r.code} ${r.label}` })),
              ]}
              {...form.getInputProps('reasonCode')}
              error={errorFor('reasonCode', 'reason')}
              required
            />
            <NativeSelect
              label="Level at discharge"
              data={levels}
              {...form.getInputProps('levelAtDischarge')}
              error={errorFor('levelAtDischarge')}
            />
          </SimpleGrid>
          <Textarea
            label="Discharge summary"
            autosize
            minRows={3}
            {...form.getInputProps('summary')}
            error={errorFor('summary')}
            required
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label="Referred to"
              {...form.getInputProps('referralTo')}
              error={errorFor('referralTo')}
            />
            <NativeSelect
              label="Next level of care"
              data={[{ value: '', label: 'None' }, ...levels]}
              {...form.getInputProps('nextLevel')}
              error={errorFor('nextLevel')}
            />
          </SimpleGrid>

          <AftercareFields form={form} errorFor={errorFor} />

          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            Discharge closes the episode. The patient sees the aftercare plan in their portal.
          </Text>
          <Group>
            <Button type="submit" color="red" loading={save.isPending}>
              Discharge patient
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
