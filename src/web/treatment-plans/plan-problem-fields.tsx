import { Group, Paper, Stack, Textarea } from '@mantine/core';
import { fieldError } from '../shared/form-errors';
import { ObjectiveFields, type PlanTreeProps } from './plan-objective-fields';
import { AddButton, RemoveButton } from './plan-tree-buttons';
import { newGoal, newObjective } from './treatment-plan-values';
import type { Goal, Problem } from './treatment-plans-api';

/** One problem of the plan and its goals (problem → goal → objective → intervention). */
export function ProblemFields({
  problem,
  index,
  removable,
  ...tree
}: PlanTreeProps & { problem: Problem; index: number; removable: boolean }) {
  const { form, defaultStaff } = tree;
  const path = `document.problems.${index}`;
  const number = `${index + 1}`;
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Stack gap="sm">
        <StatementRow
          {...tree}
          what="problem"
          number={number}
          path={path}
          removable={removable}
          onRemove={() => form.removeListItem('document.problems', index)}
        />
        {problem.goals.map((goal, g) => (
          <GoalFields
            // biome-ignore lint/suspicious/noArrayIndexKey: the numbering is positional (goal 1.2 is the second goal of problem 1) and the inputs are controlled, so a row keeps no state of its own
            key={`${number}.${g + 1}`}
            {...tree}
            goal={goal}
            listPath={`${path}.goals`}
            index={g}
            number={`${number}.${g + 1}`}
            removable={problem.goals.length > 1}
          />
        ))}
        <AddButton onClick={() => form.insertListItem(`${path}.goals`, newGoal(defaultStaff))}>
          Add a goal to problem {number}
        </AddButton>
      </Stack>
    </Paper>
  );
}

function GoalFields({
  goal,
  listPath,
  index,
  number,
  removable,
  ...tree
}: PlanTreeProps & { goal: Goal; listPath: string; index: number; number: string; removable: boolean }) {
  const { form, defaultStaff } = tree;
  const path = `${listPath}.${index}`;
  return (
    <Stack gap="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-teal-3)' }}>
      <StatementRow
        {...tree}
        what="goal"
        number={number}
        path={path}
        removable={removable}
        onRemove={() => form.removeListItem(listPath, index)}
      />
      {goal.objectives.map((objective, o) => (
        <ObjectiveFields
          // biome-ignore lint/suspicious/noArrayIndexKey: the numbering is positional (goal 1.2 is the second goal of problem 1) and the inputs are controlled, so a row keeps no state of its own
          key={`${number}.${o + 1}`}
          {...tree}
          objective={objective}
          listPath={`${path}.objectives`}
          index={o}
          number={`${number}.${o + 1}`}
          removable={goal.objectives.length > 1}
        />
      ))}
      <AddButton onClick={() => form.insertListItem(`${path}.objectives`, newObjective(defaultStaff))}>
        Add an objective to goal {number}
      </AddButton>
    </Stack>
  );
}

/** A problem's or goal's statement, with the ✕ that removes it (hidden for the last of its kind). */
function StatementRow({
  form,
  saveError,
  what,
  number,
  path,
  removable,
  onRemove,
}: PlanTreeProps & {
  what: 'problem' | 'goal';
  number: string;
  path: string;
  removable: boolean;
  onRemove: () => void;
}) {
  const label = what === 'problem' ? 'Problem' : 'Goal';
  return (
    <Group align="flex-end" wrap="nowrap">
      <Textarea
        label={`${label} ${number}`}
        autosize
        minRows={1}
        {...form.getInputProps(`${path}.statement`)}
        error={fieldError(saveError, `${path}.statement`)}
        style={{ flex: 1 }}
      />
      <RemoveButton label={`Remove ${what} ${number}`} hidden={!removable} onClick={onRemove} />
    </Group>
  );
}
