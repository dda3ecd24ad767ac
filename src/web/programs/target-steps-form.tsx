import { ActionIcon, Button, Group, NumberInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../shared/api/api-error';
import { FormAlert, FormStatus, useServerErrors } from '../shared/form-feedback';
import type { Enrolment, TargetStep } from './programs-api';
import { useSaveTargetSteps } from './programs-mutations';

/**
 * The member's weekly hour targets by week of the episode (weeks 1–4: 9 h, weeks 5–6: 6 h). Saving a step
 * below the IOP floor moves the episode to outpatient in its level history.
 */
export function TargetStepsForm({ patientId, enrolment }: { patientId: string; enrolment: Enrolment }) {
  const form = useForm({ initialValues: { steps: enrolment.targetSteps } });
  // The server names a step `targetSteps.steps[1].hours`: the form's `steps.1.hours`.
  const server = useServerErrors(form);
  const [message, setMessage] = useState<string | null>(null);
  const save = useSaveTargetSteps(patientId, enrolment, {
    onSuccess: (result) => {
      const moves = result.levelChanges.map((c) => `level ${c.toLevel} from ${c.effectiveOn}`).join(', ');
      setMessage(
        `Weekly targets saved. Level of care now ${result.episodeLevel}${moves ? `; history: ${moves}` : ''}.`,
      );
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        server.say('Someone else changed these targets; reload the page and apply your change again.');
      } else server.show(error);
    },
  });
  const steps = form.getValues().steps;
  const addStep = () => {
    const last = steps.at(-1);
    // A NumberInput holds '' while it is emptied, so each value is read as a number.
    const from = last ? Number(last.toWeek) + 1 : 1;
    form.insertListItem('steps', {
      fromWeek: from,
      toWeek: from + 1,
      hours: Number(last?.hours ?? 9),
    } satisfies TargetStep);
  };
  const submit = form.onSubmit((values) => {
    setMessage(null);
    server.clear();
    save.mutate(
      values.steps.map((s) => ({
        fromWeek: Number(s.fromWeek),
        toWeek: Number(s.toWeek),
        hours: Number(s.hours),
      })),
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="steps-heading">
      <Stack gap="xs">
        <Title order={3} size="h5" id="steps-heading">
          Weekly hour targets
        </Title>
        {steps.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; their order is their identity
          <Group key={i} align="flex-start" gap="xs">
            <NumberInput
              label={`Step ${i + 1} from week`}
              min={1}
              {...form.getInputProps(`steps.${i}.fromWeek`)}
              w={130}
            />
            <NumberInput
              label={`Step ${i + 1} to week`}
              min={1}
              {...form.getInputProps(`steps.${i}.toWeek`)}
              w={130}
            />
            <NumberInput
              label={`Step ${i + 1} hours a week`}
              min={0}
              max={40}
              decimalScale={2}
              {...form.getInputProps(`steps.${i}.hours`)}
              w={150}
            />
            {steps.length > 1 && (
              <ActionIcon
                mt={26}
                variant="subtle"
                color="red"
                aria-label={`Remove step ${i + 1}`}
                onClick={() => form.removeListItem('steps', i)}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        <FormAlert message={server.banner} />
        <FormStatus message={message} />
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
