import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { openGroupNoteOfSession } from '../notes/notes-api';
import { ApiError } from '../shared/api/api-error';
import { useCurrentSite } from '../shared/current-site';
import { fieldError, formError } from '../shared/form-errors';
import { FormAlert, FormStatus } from '../shared/form-feedback';
import { useCan } from '../shared/permissions';
import { ListTable } from '../shared/table-list';
import { sessionTypeOf } from './program-labels';
import {
  type AttendanceStatus,
  type Roster,
  type RosterRow,
  useProgramSettings,
  useRoster,
  useTracks,
} from './programs-api';
import { programKeys } from './programs-keys';
import { useSaveRoster } from './programs-mutations';
import { CancelSessionForm, CsvImportPanel } from './session-tools';

export const ATTENDANCE_STATUSES: { value: AttendanceStatus; label: string }[] = [
  { value: 'present', label: 'Present' },
  { value: 'late', label: 'Late' },
  { value: 'left_early', label: 'Left early' },
  { value: 'excused', label: 'Excused absence' },
  { value: 'unexcused', label: 'Unexcused absence' },
];
const ABSENT = new Set<AttendanceStatus>(['excused', 'unexcused']);

const dateTime = (timeZone: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone });
const timeOnly = (timeZone: string) => new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone });

export function SessionRosterPage() {
  const { sessionId = '' } = useParams();
  const { site } = useCurrentSite();
  const roster = useRoster(site?.id, sessionId);
  return (
    <Stack>
      <Anchor component={Link} to="/schedule" size="sm">
        ← Back to the schedule
      </Anchor>
      {roster.isPending && <Loader aria-label="Loading the roster" />}
      {roster.isError && (
        <Alert color="red" role="alert">
          {roster.error instanceof ApiError && roster.error.status === 404
            ? 'There is no session with this link.'
            : roster.error.message}
        </Alert>
      )}
      {roster.data && site && (
        <RosterForm key={roster.data.session.id} siteId={site.id} roster={roster.data} />
      )}
    </Stack>
  );
}

interface Line {
  status: AttendanceStatus;
  minutes: number | string;
  absenceReason: string;
}

function initialLines(roster: Roster): Record<string, Line> {
  const lines: Record<string, Line> = {};
  for (const member of roster.members) {
    lines[member.patientId] = member.attendance
      ? {
          status: member.attendance.status,
          minutes: member.attendance.minutes,
          absenceReason: member.attendance.absenceReason ?? '',
        }
      : { status: 'present', minutes: roster.session.minutes, absenceReason: '' };
  }
  return lines;
}

function RosterForm({ siteId, roster }: { siteId: string; roster: Roster }) {
  const queryClient = useQueryClient();
  const { session } = roster;
  const programs = useProgramSettings(siteId);
  const tracks = useTracks(siteId, session.programId);
  const zone = programs.data?.items.find((p) => p.programId === session.programId)?.timeZone ?? 'UTC';
  const trackName = tracks.data?.items.find((t) => t.id === session.trackId)?.name;
  const form = useForm({ initialValues: { lines: initialLines(roster) } });
  const { lines } = form.getValues();
  const [saved, setSaved] = useState(false);
  // Someone else saved this roster after it was opened: their save is shown, and this one's changes are gone.
  const [conflict, setConflict] = useState(false);
  const mayCancel = useCan('schedule.write');
  const update = (patientId: string, change: Partial<Line>) => {
    setSaved(false);
    setConflict(false);
    const line = form.getValues().lines[patientId]!;
    const next = { ...line, ...change };
    // An absence gives no minutes; coming back from one prefills the session length again.
    if (change.status && ABSENT.has(change.status)) next.minutes = 0;
    else if (change.status && ABSENT.has(line.status)) next.minutes = session.minutes;
    form.setFieldValue(`lines.${patientId}`, next);
  };

  const save = useSaveRoster(siteId, session.id, {
    onSuccess: () => {
      setSaved(true);
      setConflict(false);
    },
    onError: async (error) => {
      if (!(error instanceof ApiError && error.code === 'version_conflict')) return;
      // Reload the roster as it is now and start the form from it, so the next save cannot overwrite it.
      await queryClient.invalidateQueries({ queryKey: programKeys.roster(session.id) });
      const latest = queryClient.getQueryData<Roster>(programKeys.roster(session.id));
      if (latest) form.setValues({ lines: initialLines(latest) });
      setConflict(true);
    },
  });
  const submit = form.onSubmit(({ lines }) => {
    save.mutate({
      version: roster.version,
      rows: roster.members.map((member) => {
        const line = lines[member.patientId]!;
        return {
          patientId: member.patientId,
          status: line.status,
          minutes: Number(line.minutes) || 0,
          absenceReason: ABSENT.has(line.status) ? line.absenceReason.trim() || null : null,
        };
      }),
    });
  });
  const shown = save.data ?? roster;
  const type = sessionTypeOf(session.sessionType);
  const rowError = (index: number, field: string) => fieldError(save.error, `rows.${index}.${field}`);
  const general = conflict
    ? undefined
    : formError(
        save.error,
        roster.members.flatMap((_, i) => [
          `rows.${i}.status`,
          `rows.${i}.minutes`,
          `rows.${i}.absenceReason`,
        ]),
      );

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {trackName ?? type.label}: roster
        </Title>
        <Group gap="xs">
          <Badge color={type.color} variant="light">
            {type.label}
          </Badge>
          {session.topic && <Text size="sm">{session.topic}</Text>}
          <Text size="sm">
            {dateTime(zone).format(new Date(session.startsAt))}–
            {timeOnly(zone).format(new Date(session.endsAt))} ({session.minutes} min)
          </Text>
          {session.telehealthUrl && (
            <Anchor href={session.telehealthUrl} target="_blank" rel="noreferrer" size="sm">
              Telehealth link
            </Anchor>
          )}
          {session.room && <Text size="sm">Room {session.room}</Text>}
        </Group>
      </Stack>
      {session.sessionType === 'group_therapy' && !session.cancelled && (
        <DocumentGroupButton siteId={siteId} sessionId={session.id} />
      )}
      {session.cancelled && (
        <Alert color="red" title="Cancelled">
          {session.cancelReason ?? 'This session was cancelled.'}
        </Alert>
      )}
      {!session.cancelled && roster.members.length > 0 && session.telehealthUrl && (
        <CsvImportPanel
          siteId={siteId}
          sessionId={session.id}
          members={roster.members}
          onApply={(minutes) => {
            setSaved(false);
            const next = { ...form.getValues().lines };
            for (const member of roster.members) {
              const found = minutes.get(member.patientId);
              next[member.patientId] =
                found === undefined
                  ? { ...next[member.patientId]!, status: 'unexcused', minutes: 0 }
                  : {
                      ...next[member.patientId]!,
                      status: found < session.minutes ? 'left_early' : 'present',
                      minutes: found,
                    };
            }
            form.setFieldValue('lines', next);
          }}
        />
      )}
      {shown.belowMinimumGroupSize && (
        <Alert color="orange" title="Fewer than 3 attended" role="status">
          A group needs at least 3 members present; this session may not bill as group therapy.
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate aria-label="Attendance">
          <Stack>
            {roster.members.length === 0 ? (
              <Text c="dimmed">No members are enrolled in this track on this day.</Text>
            ) : (
              <ListTable
                label="Roster"
                verticalSpacing="xs"
                columns={['Member', 'Attendance', 'Minutes', 'Absence reason']}
                items={roster.members.map((member, index) => ({ member, index }))}
                row={({ member, index }) => (
                  <RosterLine
                    key={member.patientId}
                    member={member}
                    line={lines[member.patientId]!}
                    maxMinutes={session.minutes + 60}
                    onChange={(change) => update(member.patientId, change)}
                    errors={{
                      status: rowError(index, 'status'),
                      minutes: rowError(index, 'minutes'),
                      absenceReason: rowError(index, 'absenceReason'),
                    }}
                  />
                )}
              />
            )}
            <FormAlert message={general} />
            {conflict && (
              <Alert color="orange" title="Someone else saved this roster first" role="alert">
                Their attendance is shown now and your changes were not saved. Check each member and save
                again.
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={save.isPending} disabled={roster.members.length === 0}>
                Save attendance
              </Button>
              <FormStatus message={saved ? `Attendance saved for ${roster.members.length} members.` : null} />
            </Group>
          </Stack>
        </form>
      </Paper>
      {!session.cancelled && mayCancel && <CancelSessionForm siteId={siteId} sessionId={session.id} />}
    </Stack>
  );
}

/** Opens the session's group note, drafting it from the saved attendance the first time. */
function DocumentGroupButton({ siteId, sessionId }: { siteId: string; sessionId: string }) {
  const navigate = useNavigate();
  const mayDocument = useCan('group_note.write');
  const open = useMutation({
    mutationFn: () => openGroupNoteOfSession(siteId, sessionId),
    onSuccess: (note) => navigate(`/sites/${siteId}/group-notes/${note.id}`),
  });
  if (!mayDocument) return null;
  return (
    <Group>
      <Button variant="light" onClick={() => open.mutate()} loading={open.isPending}>
        Document group
      </Button>
      {open.error && (
        <Text c="red" size="sm" role="alert">
          {open.error.message}
        </Text>
      )}
    </Group>
  );
}

function RosterLine({
  member,
  line,
  maxMinutes,
  onChange,
  errors,
}: {
  member: RosterRow;
  line: Line;
  maxMinutes: number;
  onChange: (change: Partial<Line>) => void;
  errors: { status?: string; minutes?: string; absenceReason?: string };
}) {
  const name = `${member.familyName}, ${member.givenName}`;
  const absent = ABSENT.has(line.status);
  return (
    <Table.Tr>
      <Table.Td fw={500}>{name}</Table.Td>
      <Table.Td>
        {/* A native select: arrow keys and first letters (p, l, e, u) choose without opening it. */}
        <NativeSelect
          aria-label={`Attendance of ${name}`}
          data={ATTENDANCE_STATUSES}
          value={line.status}
          onChange={(e) => onChange({ status: e.currentTarget.value as AttendanceStatus })}
          error={errors.status}
        />
      </Table.Td>
      <Table.Td w={130}>
        <NumberInput
          aria-label={`Minutes of ${name}`}
          min={0}
          max={maxMinutes}
          value={line.minutes}
          onChange={(value) => onChange({ minutes: value })}
          disabled={absent}
          error={errors.minutes}
          hideControls
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`Absence reason of ${name}`}
          value={line.absenceReason}
          onChange={(e) => onChange({ absenceReason: e.currentTarget.value })}
          disabled={!absent}
          error={errors.absenceReason}
        />
      </Table.Td>
    </Table.Tr>
  );
}
