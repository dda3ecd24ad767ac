import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { LEVELS_OF_CARE } from '../../domain/placement/levels-of-care';
import { useAssessments } from '../assessments/assessments-api';
import { useClinicToday } from '../shared/clinic-zone';
import { formatDay } from '../shared/date-time';
import { fieldError, formError } from '../shared/form-errors';
import { directionHint, type LevelChangeValues, levelChangeProblems, toLevelChange } from './episode-values';
import { type Episode, useChangeLevel } from './episodes-api';

/** A step up or down: the new level, from when, why, and the assessment behind it. */
export function LevelChangeForm({ episode }: { episode: Episode }) {
  const assessments = useAssessments(episode.patientId);
  const today = useClinicToday().toString();
  const form = useForm<LevelChangeValues>({
    initialValues: { toLevel: '', effectiveOn: today, reason: '', assessmentId: '' },
    validate: levelChangeProblems,
  });
  const save = useChangeLevel(episode);
  const submit = form.onSubmit((values) =>
    save.mutate(toLevelChange(values), {
      onSuccess: () => form.setValues({ toLevel: '', reason: '', assessmentId: '' }),
    }),
  );
  const errorFor = (path: keyof LevelChangeValues) =>
    (form.errors[path] as string | undefined) ?? fieldError(save.error, path);
  const generalError = formError(save.error, ['toLevel', 'effectiveOn', 'reason', 'assessmentId']);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="level-change-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="level-change-heading">
            Step up or down
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NativeSelect
              label="New level"
              data={[
                { value: '', label: 'Choose…' },
                ...LEVELS_OF_CARE[episode.edition]
                  .filter((l) => l.code !== episode.level)
                  .map((l) => ({ value: l.code, label: `${l.code} ${l.name}` })),
              ]}
              {...form.getInputProps('toLevel')}
              error={errorFor('toLevel')}
              description={directionHint(episode.level, form.values.toLevel)}
            />
            <TextInput
              label="Effective date"
              type="date"
              {...form.getInputProps('effectiveOn')}
              error={errorFor('effectiveOn')}
            />
            <NativeSelect
              label="Linked assessment"
              data={[
                { value: '', label: 'None' },
                ...(assessments.data?.items ?? []).map((a) => ({
                  value: a.id,
                  label: `${formatDay(a.assessedOn)}: recommended ${a.recommendedLevel}`,
                })),
              ]}
              {...form.getInputProps('assessmentId')}
              error={errorFor('assessmentId')}
            />
          </SimpleGrid>
          <TextInput
            label="Reason for the change"
            {...form.getInputProps('reason')}
            error={errorFor('reason')}
            required
          />
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Change level
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
