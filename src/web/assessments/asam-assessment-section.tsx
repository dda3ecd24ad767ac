import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  type AsamEdition,
  findLevel,
  LEVELS_OF_CARE,
  type Population,
} from '../../domain/placement/levels-of-care';
import {
  DIMENSIONS,
  type DimensionId,
  PLACEMENT_DIFFERENCE_REASONS,
  type Ratings,
  type Recommendation,
  recommendLevel,
} from '../../domain/placement/recommend-level';
import { fieldError, formError } from '../app/form-errors';
import { formatDateOfBirth } from '../patients/date-of-birth';
import { useClinicToday } from '../shared/clinic-zone';
import { type Assessment, useAssessments, useCreateAssessment } from './assessments-api';
import { levelName } from './level-name';

const RATING_LABELS = ['0 none', '1 mild', '2 moderate', '3 substantial', '4 severe'];

const dimensionLabel = (id: string) => DIMENSIONS.find((d) => d.id === id)?.label ?? id;

export function AsamAssessmentSection({
  patientId,
  population,
  episodeId,
}: {
  patientId: string;
  population: Population;
  /** The open episode, if any: a reassessment during an episode belongs to it, so level changes can cite it. */
  episodeId: string | undefined;
}) {
  const assessments = useAssessments(patientId);
  return (
    <Stack>
      <AssessmentForm patientId={patientId} population={population} episodeId={episodeId} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="assessment-history-heading">
        <Title order={2} size="h4" mb="sm" id="assessment-history-heading">
          Assessment history
        </Title>
        {assessments.isError && (
          <Alert color="red" role="alert">
            {assessments.error.message}
          </Alert>
        )}
        {assessments.data && assessments.data.items.length === 0 && (
          <Text c="dimmed" size="sm">
            No assessments yet.
          </Text>
        )}
        {assessments.data && assessments.data.items.length > 0 && (
          <AssessmentHistory items={assessments.data.items} />
        )}
      </Paper>
    </Stack>
  );
}

function AssessmentHistory({ items }: { items: Assessment[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Assessment history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Edition</Table.Th>
            {DIMENSIONS.map((d) => (
              <Table.Th key={d.id} title={d.label}>
                {d.id}
              </Table.Th>
            ))}
            <Table.Th>Recommended</Table.Th>
            <Table.Th>Placed</Table.Th>
            <Table.Th>Reason for difference</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((assessment) => (
            <Table.Tr key={assessment.id}>
              <Table.Td>{formatDateOfBirth(assessment.assessedOn)}</Table.Td>
              <Table.Td>{assessment.edition}</Table.Td>
              {DIMENSIONS.map((d) => (
                <Table.Td key={d.id}>{assessment.ratings[d.id]}</Table.Td>
              ))}
              <Table.Td>{assessment.recommendedLevel}</Table.Td>
              <Table.Td>
                {assessment.placedLevel}
                {assessment.placedLevelHours && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({assessment.placedLevelHours.label})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {PLACEMENT_DIFFERENCE_REASONS.find((r) => r.code === assessment.placementReason)?.label ??
                  '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const emptyNotes = (): Record<DimensionId, string> => ({ D1: '', D2: '', D3: '', D4: '', D5: '', D6: '' });

function AssessmentForm({
  patientId,
  population,
  episodeId,
}: {
  patientId: string;
  population: Population;
  episodeId: string | undefined;
}) {
  const [edition, setEdition] = useState<AsamEdition>(3);
  const today = useClinicToday().toString();
  const [assessedOn, setAssessedOn] = useState(today);
  const [ratings, setRatings] = useState<Partial<Ratings>>({});
  const [notes, setNotes] = useState(emptyNotes);
  // Empty means "follow the recommendation" until the clinician picks another level.
  const [placedChoice, setPlacedChoice] = useState('');
  const [reason, setReason] = useState('');
  const [placementNote, setPlacementNote] = useState('');
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});

  const allRated = DIMENSIONS.every((d) => ratings[d.id] !== undefined);
  let recommendation: Recommendation | null = null;
  if (allRated) {
    try {
      recommendation = recommendLevel(ratings, undefined, edition);
    } catch {
      recommendation = null;
    }
  }
  const placed = placedChoice || recommendation?.level || '';
  const differs = recommendation !== null && placed !== '' && placed !== recommendation.level;

  const save = useCreateAssessment(patientId);
  const saveAssessment = () =>
    save.mutate(
      {
        edition,
        assessedOn,
        ratings: ratings as Ratings,
        notes,
        placedLevel: placed,
        episodeId: episodeId ?? null,
        reason: differs ? reason : null,
        reasonNote: differs ? placementNote.trim() || null : null,
      },
      {
        onSuccess: () => {
          setRatings({});
          setNotes(emptyNotes());
          setPlacedChoice('');
          setReason('');
          setPlacementNote('');
        },
      },
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string | undefined> = {};
    for (const d of DIMENSIONS) {
      if (ratings[d.id] === undefined) found[`ratings.${d.id}`] = `Rate ${d.id} from 0 to 4`;
    }
    if (differs && !reason) found.reason = 'Give the reason the placed level differs';
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    saveAssessment();
  };

  const errorFor = (name: string) => problems[name] ?? fieldError(save.error, name);
  const levels = LEVELS_OF_CARE[edition];
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
              value={String(edition)}
              onChange={(event) => {
                setEdition(Number(event.currentTarget.value) as AsamEdition);
                setPlacedChoice('');
              }}
              error={errorFor('edition')}
            />
            <TextInput
              label="Assessed on"
              type="date"
              max={today}
              value={assessedOn}
              onChange={(event) => setAssessedOn(event.currentTarget.value)}
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
                      value={ratings[dimension.id] === undefined ? '' : String(ratings[dimension.id])}
                      onChange={(value) => {
                        setRatings((current) => ({ ...current, [dimension.id]: Number(value) }));
                        setProblems((current) => ({ ...current, [`ratings.${dimension.id}`]: undefined }));
                      }}
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
                    value={notes[dimension.id]}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setNotes((current) => ({ ...current, [dimension.id]: value }));
                    }}
                    error={errorFor(`notes.${dimension.id}`)}
                  />
                </SimpleGrid>
              </Paper>
            );
          })}

          <RecommendationView recommendation={recommendation} edition={edition} population={population} />

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
                setPlacedChoice(event.currentTarget.value);
                setProblems((current) => ({ ...current, reason: undefined }));
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
                value={reason}
                onChange={(event) => {
                  setReason(event.currentTarget.value);
                  setProblems((current) => ({ ...current, reason: undefined }));
                }}
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
              value={placementNote}
              onChange={(event) => setPlacementNote(event.currentTarget.value)}
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

function RecommendationView({
  recommendation,
  edition,
  population,
}: {
  recommendation: Recommendation | null;
  edition: AsamEdition;
  population: Population;
}) {
  if (!recommendation) {
    return (
      <Alert color="gray" title="Recommended level" role="status">
        Rate all six dimensions to see the recommended level.
      </Alert>
    );
  }
  const level = findLevel(edition, recommendation.level);
  const hours = level?.weeklyHours[population];
  return (
    <Alert color="teal" title="Recommended level" role="status" aria-label="Recommended level">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge size="lg" tt="none">
            {recommendation.level}
          </Badge>
          <Text fw={600}>{level?.name}</Text>
          {hours && (
            <Text size="sm" c="dimmed">
              ({population === 'adolescent' ? 'adolescents' : 'adults'}: {hours.label})
            </Text>
          )}
        </Group>
        <Text size="sm">
          Driven by{' '}
          {recommendation.drivenBy
            .map((id) => {
              const row = recommendation.perDimension.find((r) => r.dimension === id);
              return `${id} ${dimensionLabel(id)} (rated ${row?.rating}${row?.note ? `, ${row.note}` : ''})`;
            })
            .join('; ')}
          . The highest dimension sets the level; ratings are never averaged.
        </Text>
        {recommendation.alternatives.map((alternative) => (
          <Text size="sm" key={alternative.level}>
            Alternative: {levelName(edition, alternative.level)}
            {alternative.note ? ` ${alternative.note}` : ''} (offered by {alternative.offeredBy.join(', ')})
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
