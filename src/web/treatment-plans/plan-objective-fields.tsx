import { Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { fieldError } from '../shared/form-errors';
import { AddButton, RemoveButton } from './plan-tree-buttons';
import {
  newIntervention,
  type PlanValues,
  responsibleStaffChoices,
  type StaffOption,
} from './treatment-plan-values';
import { MODALITIES, OBJECTIVE_STATUSES, type Objective } from './treatment-plans-api';

export interface PlanTreeProps {
  form: UseFormReturnType<PlanValues>;
  /** The save's error, whose field paths (document.problems.0…) are the form's own. */
  saveError: unknown;
  staffOptions: StaffOption[];
  defaultStaff: string;
}

/** One objective (measurable, with a target date and status) and the interventions that serve it. */
export function ObjectiveFields({
  form,
  saveError,
  staffOptions,
  defaultStaff,
  objective,
  listPath,
  index,
  number,
  removable,
}: PlanTreeProps & {
  objective: Objective;
  /** The path of the goal's objectives list; this objective is at `${listPath}.${index}`. */
  listPath: string;
  index: number;
  number: string;
  removable: boolean;
}) {
  const path = `${listPath}.${index}`;
  const err = (at: string) => fieldError(saveError, at);
  return (
    <Stack gap="xs" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-blue-2)' }}>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={`Objective ${number}`}
          description="Measurable: what, how much, by when"
          {...form.getInputProps(`${path}.description`)}
          error={err(`${path}.description`)}
          style={{ flex: 1, minWidth: 260 }}
        />
        <TextInput
          label={`Target date ${number}`}
          type="date"
          {...form.getInputProps(`${path}.targetDate`)}
          error={err(`${path}.targetDate`)}
        />
        <NativeSelect
          label={`Status ${number}`}
          data={[...OBJECTIVE_STATUSES]}
          {...form.getInputProps(`${path}.status`)}
          error={err(`${path}.status`)}
        />
        <RemoveButton
          label={`Remove objective ${number}`}
          hidden={!removable}
          onClick={() => form.removeListItem(listPath, index)}
        />
      </Group>
      {objective.interventions.map((intervention, i) => {
        const n = `${number}.${i + 1}`;
        const at = `${path}.interventions.${i}`;
        return (
          <SimpleGrid key={n} cols={{ base: 1, md: 4 }} pl="md">
            <NativeSelect
              label={`Intervention ${n} modality`}
              data={[...MODALITIES]}
              {...form.getInputProps(`${at}.modality`)}
              error={err(`${at}.modality`)}
            />
            <TextInput
              label={`Intervention ${n} frequency`}
              placeholder="3 groups a week"
              {...form.getInputProps(`${at}.frequency`)}
              error={err(`${at}.frequency`)}
            />
            <NativeSelect
              label={`Intervention ${n} responsible staff`}
              data={responsibleStaffChoices(staffOptions, intervention.responsibleStaffId)}
              {...form.getInputProps(`${at}.responsibleStaffId`)}
              error={err(`${at}.responsibleStaffId`)}
            />
            <Group align="flex-end">
              <RemoveButton
                label={`Remove intervention ${n}`}
                hidden={objective.interventions.length === 1}
                onClick={() => form.removeListItem(`${path}.interventions`, i)}
              />
            </Group>
          </SimpleGrid>
        );
      })}
      <AddButton onClick={() => form.insertListItem(`${path}.interventions`, newIntervention(defaultStaff))}>
        Add an intervention to objective {number}
      </AddButton>
    </Stack>
  );
}
