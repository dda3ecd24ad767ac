import { ActionIcon, Alert, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../shared/api-client';
import type { Enrolment, TargetStep } from './programs-api';
import { useSaveTargetSteps } from './programs-mutations';

/**
 * The member's weekly hour targets by week of the episode (weeks 1–4: 9 h, weeks 5–6: 6 h). Saving a step
 * below the IOP floor moves the episode to outpatient in its level history.
 */
export function TargetStepsForm({ patientId, enrolment }: { patientId: string; enrolment: Enrolment }) {
  const [steps, setSteps] = useState<TargetStep[]>(enrolment.targetSteps);
  const [message, setMessage] = useState<string | null>(null);
  const save = useSaveTargetSteps(patientId, enrolment, {
    onSuccess: (result) => {
      const moves = result.levelChanges.map((c) => `level ${c.toLevel} from ${c.effectiveOn}`).join(', ');
      setMessage(
        `Weekly targets saved. Level of care now ${result.episodeLevel}${moves ? `; history: ${moves}` : ''}.`,
      );
    },
  });
  const update = (i: number, change: Partial<TargetStep>) =>
    setSteps((all) => all.map((s, k) => (k === i ? { ...s, ...change } : s)));
  const addStep = () =>
    setSteps((all) => {
      const last = all.at(-1);
      const from = last ? last.toWeek + 1 : 1;
      return [...all, { fromWeek: from, toWeek: from + 1, hours: last?.hours ?? 9 }];
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    save.mutate(steps);
  };
  const fieldOf = (i: number, name: string) =>
    save.error instanceof ApiError
      ? save.error.fields.find((f) => f.path.endsWith(`steps[${i}].${name}`))?.message
      : undefined;
  const general =
    save.error instanceof ApiError && save.error.status === 409
      ? 'Someone else changed these targets; reload the page and apply your change again.'
      : save.error && !(save.error instanceof ApiError && save.error.fields.length > 0)
        ? save.error.message
        : undefined;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="steps-heading">
      <Stack gap="xs">
        <Title order={3} size="h5" id="steps-heading">
          Weekly hour targets
        </Title>
        {steps.map((step, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; their order is their identity
          <Group key={i} align="flex-start" gap="xs">
            <NumberInput
              label={`Step ${i + 1} from week`}
              min={1}
              value={step.fromWeek}
              onChange={(v) => update(i, { fromWeek: Number(v) })}
              error={fieldOf(i, 'fromWeek')}
              w={130}
            />
            <NumberInput
              label={`Step ${i + 1} to week`}
              min={1}
              value={step.toWeek}
              onChange={(v) => update(i, { toWeek: Number(v) })}
              error={fieldOf(i, 'toWeek')}
              w={130}
            />
            <NumberInput
              label={`Step ${i + 1} hours a week`}
              min={0}
              max={40}
              decimalScale={2}
              value={step.hours}
              onChange={(v) => update(i, { hours: Number(v) })}
              error={fieldOf(i, 'hours')}
              w={150}
            />
            {steps.length > 1 && (
              <ActionIcon
                mt={26}
                variant="subtle"
                color="red"
                aria-label={`Remove step ${i + 1}`}
                onClick={() => setSteps((all) => all.filter((_, k) => k !== i))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        {message && (
          <Text c="teal.8" role="status">
            {message}
          </Text>
        )}
        <Group>
          <Button variant="subtle" onClick={addStep}>
            Add a step
          </Button>
          <Button type="submit" variant="light" loading={save.isPending}>
            Save weekly targets
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
