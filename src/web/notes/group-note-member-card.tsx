import {
  Alert,
  Badge,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ApiError } from '../shared/api/api-error';
import { memberName, type PartDraft } from './group-note-draft';
import { ATTENDANCE_LABELS, labelOf, OBJECTIVE_PROGRESS, RISK_LEVELS } from './note-labels';
import type { GroupMember } from './notes-api';

export function BlockedList({ error }: { error: ApiError }) {
  return (
    <Alert color="red" title="Signing is blocked" role="alert">
      <Text size="sm" mb={4}>
        {error.message}
      </Text>
      <List size="sm">
        {error.fields.map((f) => (
          <List.Item key={`${f.path}:${f.message}`}>{f.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function MemberCard({
  member,
  part,
  editable,
  problems,
  onChange,
}: {
  member: GroupMember;
  part: PartDraft;
  editable: boolean;
  problems: { field: string; message: string }[];
  onChange: (change: Partial<PartDraft>) => void;
}) {
  const name = memberName(member);
  const whole = problems.filter((p) => p.field === '');
  const at = (field: string) => problems.find((p) => p.field === field)?.message;
  const picked = new Map(part.objectives.map((o) => [o.objectiveId, o.progress]));
  const toggle = (objectiveId: string, on: boolean) =>
    onChange({
      objectives: on
        ? [...part.objectives, { objectiveId, progress: 'some_progress' }]
        : part.objectives.filter((o) => o.objectiveId !== objectiveId),
    });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label={`Part of ${name}`}
      data-blocked={whole.length > 0 || undefined}
      style={whole.length > 0 ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            {name}
            {member.preferredName &&
              member.preferredName !== member.givenName &&
              ` (${member.preferredName})`}
          </Title>
          <Badge variant="light" color={member.attendanceStatus === 'present' ? 'teal' : 'orange'}>
            {ATTENDANCE_LABELS[member.attendanceStatus ?? ''] ?? member.attendanceStatus}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {member.minutes ?? 0} min{member.codeSuggestion && ` · ${member.codeSuggestion.code}`}
        </Text>
      </Group>
      {whole.length > 0 && (
        <Alert color="red" mb="sm" p="xs" role="alert">
          {whole.map((p) => (
            <Text size="sm" key={p.message}>
              {p.message}
            </Text>
          ))}
        </Alert>
      )}
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label="Participation"
            aria-label={`Participation of ${name}`}
            autosize
            minRows={2}
            value={part.participation}
            onChange={(e) => onChange({ participation: e.currentTarget.value })}
            readOnly={!editable}
            error={at('participation')}
          />
          <Textarea
            label="Presentation"
            aria-label={`Presentation of ${name}`}
            autosize
            minRows={2}
            value={part.presentation}
            onChange={(e) => onChange({ presentation: e.currentTarget.value })}
            readOnly={!editable}
            error={at('presentation')}
          />
        </SimpleGrid>
        {member.objectives.length > 0 ? (
          <Stack gap={4} role="group" aria-label={`Objectives of ${name}`}>
            <Text size="sm" fw={500}>
              Progress on objectives of {member.givenName}’s plan
            </Text>
            {member.objectives.map((o) => (
              <Group key={o.id} gap="sm" wrap="nowrap">
                <Checkbox
                  label={o.description}
                  checked={picked.has(o.id)}
                  onChange={(e) => toggle(o.id, e.currentTarget.checked)}
                  disabled={!editable}
                  style={{ flex: 1 }}
                />
                {picked.has(o.id) && (
                  <NativeSelect
                    aria-label={`Progress on ${o.description}`}
                    size="xs"
                    data={OBJECTIVE_PROGRESS}
                    value={picked.get(o.id)}
                    onChange={(e) =>
                      onChange({
                        objectives: part.objectives.map((x) =>
                          x.objectiveId === o.id ? { ...x, progress: e.currentTarget.value } : x,
                        ),
                      })
                    }
                    disabled={!editable}
                  />
                )}
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="xs" c="dimmed">
            No treatment-plan objectives to pick from.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {/* Native select: the first letter (n, l, m, h) picks the level without opening it. */}
          <NativeSelect
            label="Risk"
            aria-label={`Risk of ${name}`}
            data={RISK_LEVELS}
            value={part.riskLevel}
            onChange={(e) => onChange({ riskLevel: e.currentTarget.value })}
            disabled={!editable}
            error={at('risk.level') ?? at('risk')}
          />
          <TextInput
            label="Risk notes"
            aria-label={`Risk notes of ${name}`}
            style={{ gridColumn: 'span 2' }}
            value={part.riskNotes}
            onChange={(e) => onChange({ riskNotes: e.currentTarget.value })}
            readOnly={!editable}
            placeholder={part.riskLevel === 'none' ? '' : 'What was done about it'}
          />
        </SimpleGrid>
        <Textarea
          label="Plan for next session"
          aria-label={`Plan for next session of ${name}`}
          autosize
          minRows={1}
          value={part.planNextSession}
          onChange={(e) => onChange({ planNextSession: e.currentTarget.value })}
          readOnly={!editable}
          error={at('planNextSession')}
        />
        {!editable && part.objectives.length > 0 && (
          <Text size="xs">
            Objectives:{' '}
            {part.objectives
              .map(
                (o) =>
                  `${member.objectives.find((x) => x.id === o.objectiveId)?.description ?? o.objectiveId} — ${labelOf(OBJECTIVE_PROGRESS, o.progress)}`,
              )
              .join('; ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
