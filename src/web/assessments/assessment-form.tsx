import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type AsamEdition, LEVELS_OF_CARE, type Population } from '../../domain/placement/levels-of-care';
import { DIMENSIONS, PLACEMENT_DIFFERENCE_REASONS } from '../../domain/placement/recommend-level';
import { useClinicToday } from '../shared/clinic-zone';
import { fieldError, formError } from '../shared/form-errors';
import {
  type AssessmentValues,
  assessmentProblems,
  initialAssessmentValues,
  placedLevelOf,
  placementDiffers,
  recommendationOf,
  toNewAssessment,
} from './asam-values';
import { useCreateAssessment } from './assessments-api';
import { RecommendationView } from './recommendation-view';

const RATING_LABELS = ['0 none', '1 mild', '2 moderate', '3 substantial', '4 severe'];

/** The six ASAM dimensions rated 0–4, the live recommendation, and the level placed (with a reason if it differs). */
export function AssessmentForm({
  patientId,
  population,
  episodeId,
}: {
  patientId: string;
  population: Population;
  episodeId: string | undefined;
}) {
  const today = useClinicToday().toString();
  const form = useForm<AssessmentValues>({
    initialValues: initialAssessmentValues(today),
    validate: assessmentProblems,
  });
  const save = useCreateAssessment(patientId);
  const { values } = form;
  const recommendation = recommendationOf(values);
  const placed = placedLevelOf(values, recommendation);
  const differs = placementDiffers(values, recommendation);

  const submit = form.onSubmit((typed) =>
    save.mutate(toNewAssessment(typed, episodeId), {
      // A new assessment starts from blank ratings; the edition and the day stay as they were.
      onSuccess: () => form.setValues(initialAssessmentValues(typed.assessedOn, typed.edition)),
    }),
  );
  const errorFor = (path: string) =>
    (form.errors[path] as string | undefined) ?? fieldError(save.error, path);
  const levels = LEVELS_OF_CARE[values.edition];
  const generalError = formError(save.error, [
    'ratings',
    'notes',
    'placedLevel',
    'reason',
    'reasonNote',
    'edition',
    'assessedOn',
  ]);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="asam-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="asam-heading">
            ASAM multidimensional assessment
          </Title>
          <Group align="flex-end">
            <NativeSelect
              label="ASAM edition"
              data={[
                { value: '3', label: '3rd edition' },
                { value: '4', label: '4th edition (2023)' },
              ]}
              value={String(values.edition)}
              onChange={(event) => {
                // The levels differ between editions, so a placement chosen in the other one no longer applies.
                form.setValues({
                  edition: Number(event.currentTarget.value) as AsamEdition,
                  placedLevel: '',
                });
              }}
              error={errorFor('edition')}
            />
            <TextInput
              label="Assessed on"
              type="date"
              max={today}
              {...form.getInputProps('assessedOn')}
              error={errorFor('assessedOn')}
            />
          </Group>
          {DIMENSIONS.map((dimension) => {
            const id = `rating-${dimension.id}`;
            const ratingError = errorFor(`ratings.${dimension.id}`);
            return (
              <Paper key={dimension.id} withBorder p="sm" radius="md">
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                  <Stack gap={4}>
                    <Text fw={600} id={id}>
                      {dimension.id} {dimension.label}
                    </Text>
                    <SegmentedControl
                      aria-labelledby={id}
                      data={RATING_LABELS.map((label, value) => ({ value: String(value), label }))}
                      {...form.getInputProps(`ratings.${dimension.id}`, { withError: false })}
                      fullWidth
                      color="teal"
                      size="xs"
                    />
                    {ratingError && (
                      <Text c="red" size="xs" role="alert">
                        {ratingError}
                      </Text>
                    )}
                  </Stack>
                  <Textarea
                    label={`${dimension.id} note`}
                    autosize
                    minRows={2}
                    {...form.getInputProps(`notes.${dimension.id}`)}
                    error={errorFor(`notes.${dimension.id}`)}
                  />
                </SimpleGrid>
              </Paper>
            );
          })}

          <RecommendationView
            recommendation={recommendation}
            edition={values.edition}
            population={population}
          />

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <NativeSelect
              label="Placed level"
              data={[
                ...(recommendation ? [] : [{ value: '', label: 'Rate all six dimensions first' }]),
                ...levels.map((level) => ({
                  value: level.code,
                  label: `${level.code} ${level.name}${level.code === recommendation?.level ? ' (recommended)' : ''}`,
                })),
              ]}
              value={placed}
              onChange={(event) => {
                form.setFieldValue('placedLevel', event.currentTarget.value);
                form.clearFieldError('reason');
              }}
              error={errorFor('placedLevel')}
              disabled={!recommendation}
            />
            {differs && (
              <NativeSelect
                label="Reason the placed level differs"
                data={[
                  { value: '', label: 'Choose…' },
                  ...PLACEMENT_DIFFERENCE_REASONS.map((r) => ({ value: r.code, label: r.label })),
                ]}
                {...form.getInputProps('reason')}
                error={errorFor('reason')}
                required
              />
            )}
          </SimpleGrid>
          {differs && (
            <Textarea
              label="Placement note"
              autosize
              minRows={2}
              {...form.getInputProps('reasonNote')}
              error={errorFor('reasonNote')}
            />
          )}
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          {save.isSuccess && (
            <Alert color="teal" role="status">
              Assessment saved: recommended {save.data.recommendedLevel}, placed {save.data.placedLevel}.
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save assessment
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
