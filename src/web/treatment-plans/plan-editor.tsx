import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Episode, useSiteStaff } from '../episodes/episodes-api';
import { ApiError } from '../shared/api/api-error';
import { fieldError, formError } from '../shared/form-errors';
import { useMe } from '../shared/session';
import { ProblemFields } from './plan-problem-fields';
import { AddButton } from './plan-tree-buttons';
import { SignatureForms } from './signature-forms';
import {
  emptyDocument,
  newProblem,
  type PlanValues,
  planEditorTitle,
  staffOptions as staffOptionsOf,
  toPlanChange,
} from './treatment-plan-values';
import { type PlanEditMode, type TreatmentPlan, useSavePlan } from './treatment-plans-api';

/** Writes the plan: a new one, an unsigned one, or the next version of a signed one. */
export function PlanEditor({
  episode,
  plan,
  mode,
  onDone,
}: {
  episode: Episode;
  plan: TreatmentPlan | null;
  mode: PlanEditMode;
  onDone: () => void;
}) {
  const me = useMe().data?.user;
  const staff = useSiteStaff(episode.siteId);
  const staffOptions = staffOptionsOf(me, staff.data?.items ?? []);
  const defaultStaff = staffOptions[0]?.value ?? '';
  const form = useForm<PlanValues>({
    initialValues: {
      reviewDate: plan?.reviewDate ?? '',
      document: plan ? structuredClone(plan.document) : emptyDocument(defaultStaff),
    },
  });
  const save = useSavePlan(episode, plan, mode);
  const submit = form.onSubmit((values) => save.mutate(toPlanChange(values), { onSuccess: onDone }));
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const generalError = conflict ? undefined : formError(save.error, ['document', 'reviewDate']);
  const problems = form.values.document.problems;
  const tree = { form, saveError: save.error, staffOptions, defaultStaff };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-editor-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4" id="plan-editor-heading">
              {planEditorTitle(mode, plan)}
            </Title>
            {mode === 'revise' && (
              <Button variant="subtle" color="gray" onClick={onDone}>
                Cancel
              </Button>
            )}
          </Group>
          {mode === 'edit' && (plan?.clinicianSignature || plan?.patientSignature) && (
            <Alert color="yellow">
              Saving a change withdraws the signatures already given; the plan is signed again.
            </Alert>
          )}
          <TextInput
            label="Review date"
            type="date"
            description={plan ? undefined : 'Leave empty for the program default (30 days after admission)'}
            {...form.getInputProps('reviewDate')}
            error={fieldError(save.error, 'reviewDate')}
            maw={260}
          />
          {problems.map((problem, p) => (
            <ProblemFields
              // biome-ignore lint/suspicious/noArrayIndexKey: the numbering is positional (goal 1.2 is the second goal of problem 1) and the inputs are controlled, so a row keeps no state of its own
              key={`${p + 1}`}
              {...tree}
              problem={problem}
              index={p}
              removable={problems.length > 1}
            />
          ))}
          <AddButton onClick={() => form.insertListItem('document.problems', newProblem(defaultStaff))}>
            Add a problem
          </AddButton>
          {conflict && (
            <Alert color="orange" role="alert" title="Someone else changed this plan">
              Reload the page to see their changes, then apply yours again.
            </Alert>
          )}
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          {save.isSuccess && (
            <Text size="sm" c="teal" role="status">
              Plan saved.
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {mode === 'revise' ? 'Save new version' : 'Save plan'}
            </Button>
          </Group>
          {plan && mode === 'edit' && <SignatureForms plan={plan} episode={episode} />}
        </Stack>
      </form>
    </Paper>
  );
}
