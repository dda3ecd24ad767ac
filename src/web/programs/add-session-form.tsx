import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import { useSiteStaff } from '../episodes/episodes-api';
import { ApiError } from '../shared/api/api-error';
import { FormAlert, useServerErrors } from '../shared/form-feedback';
import { optionsWithBlank } from '../shared/select-options';
import { TimeRangeInputs } from '../shared/time-range-inputs';
import { SESSION_TYPES, sessionTypeOf, timeIn } from './program-labels';
import {
  createSession,
  fetchSessions,
  type NewSession,
  type ProgramSession,
  type ProgramSettings,
  type SessionType,
  useCurriculum,
  useTracks,
} from './programs-api';
import { programKeys } from './programs-keys';

const dayLabel = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** A 409 double booking, with the session it clashes with when the program's calendar holds it. */
interface Conflict {
  message: string;
  resource: 'facilitator' | 'room';
  session: ProgramSession | null;
  sessionId: string;
}

/** The "Add a session" dialog of the week calendar: one session on one day (individual, family, a make-up …). */
export function AddSessionModal({
  siteId,
  program,
  defaultDate,
  opened,
  onClose,
  onAdded,
}: {
  siteId: string;
  program: ProgramSettings;
  defaultDate: string;
  opened: boolean;
  onClose: () => void;
  onAdded: (session: ProgramSession) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a session" size="lg">
      {/* Mounted only while open, so each opening starts from a fresh form. */}
      {opened && (
        <AddSessionForm
          siteId={siteId}
          program={program}
          defaultDate={defaultDate}
          onCancel={onClose}
          onAdded={onAdded}
        />
      )}
    </Modal>
  );
}

function AddSessionForm({
  siteId,
  program,
  defaultDate,
  onCancel,
  onAdded,
}: {
  siteId: string;
  program: ProgramSettings;
  defaultDate: string;
  onCancel: () => void;
  onAdded: (session: ProgramSession) => void;
}) {
  const queryClient = useQueryClient();
  const staff = useSiteStaff(siteId);
  const tracks = useTracks(siteId, program.programId);
  const form = useForm({
    initialValues: {
      date: defaultDate,
      trackId: '',
      sessionType: 'individual' as SessionType,
      topic: '',
      curriculumTopicId: '',
      startTime: '10:00',
      endTime: '11:00',
      facilitatorId: '',
      room: '',
      telehealthUrl: '',
    },
  });
  const server = useServerErrors(form);
  const { trackId, curriculumTopicId, sessionType } = form.getValues();
  const curriculum = useCurriculum(siteId, trackId || undefined);
  const curriculumTopics = trackId ? (curriculum.data?.topics ?? []) : [];
  const save = useMutation({
    // createSession sends the action's one Idempotency-Key: a retry of the same submit replays, a changed
    // form is a new request.
    mutationFn: async (body: NewSession): Promise<ProgramSession> => {
      try {
        return await createSession(siteId, program.programId, body);
      } catch (error) {
        throw await withConflict(error, siteId, program.programId, body.date);
      }
    },
    onSuccess: (session) => {
      void queryClient.invalidateQueries({ queryKey: programKeys.sessions(program.programId) });
      onAdded(session);
    },
    // A double booking has its own alert, naming the session in the way.
    onError: (error) => (error instanceof ConflictError ? server.clear() : server.show(error)),
  });

  const submit = form.onSubmit((values) => {
    server.clear();
    save.mutate({
      date: values.date,
      trackId: values.trackId || null,
      sessionType: values.sessionType,
      topic: values.curriculumTopicId ? null : values.topic.trim() || null,
      curriculumTopicId: values.curriculumTopicId || null,
      startTime: values.startTime,
      endTime: values.endTime,
      facilitatorId: values.facilitatorId || null,
      room: values.room.trim() || null,
      telehealthUrl: values.telehealthUrl.trim() || null,
    });
  });
  const conflict = save.error instanceof ConflictError ? save.error.conflict : null;

  return (
    <form onSubmit={submit} noValidate aria-label="Add a session">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Date" type="date" {...form.getInputProps('date')} required data-autofocus />
          <NativeSelect
            label="Session type"
            data={Object.entries(SESSION_TYPES).map(([value, type]) => ({ value, label: type.label }))}
            {...form.getInputProps('sessionType')}
          />
          <NativeSelect
            label="Track"
            description="Optional: a make-up group counts toward the track"
            data={optionsWithBlank(
              'No track',
              tracks.isPending,
              (tracks.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
            )}
            {...form.getInputProps('trackId')}
            onChange={(e) => {
              form.setFieldValue('trackId', e.currentTarget.value);
              form.setFieldValue('curriculumTopicId', '');
            }}
          />
          <NativeSelect
            label="Facilitator"
            description="Group therapy needs a licensed one"
            data={optionsWithBlank(
              'None',
              staff.isPending,
              (staff.data?.items ?? []).map((m) => ({
                value: m.id,
                label: `${m.displayName}${m.licensed ? ' · licensed' : ''}`,
              })),
            )}
            {...form.getInputProps('facilitatorId')}
          />
          <TimeRangeInputs form={form} required />
          <TextInput label="Room" description="For an in-person session" {...form.getInputProps('room')} />
          <TextInput
            label="Telehealth link"
            type="url"
            description="https://… for a virtual session"
            {...form.getInputProps('telehealthUrl')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: curriculumTopics.length > 0 ? 2 : 1 }}>
          {curriculumTopics.length > 0 && (
            <NativeSelect
              label="Curriculum topic"
              description="The session covers this topic of the track"
              data={[
                { value: '', label: 'None (type a topic)' },
                ...curriculumTopics.map((t) => ({ value: t.id, label: `${t.position}. ${t.title}` })),
              ]}
              {...form.getInputProps('curriculumTopicId')}
            />
          )}
          <TextInput
            label="Topic"
            description={sessionType === 'group_therapy' ? 'What the group works on' : 'Optional'}
            {...form.getInputProps('topic')}
            value={curriculumTopicId ? '' : form.getValues().topic}
            disabled={Boolean(curriculumTopicId)}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          Times are local to {program.timeZone}.
        </Text>
        {conflict && <ConflictAlert conflict={conflict} timeZone={program.timeZone} />}
        <FormAlert message={server.banner} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Add session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ConflictAlert({ conflict, timeZone }: { conflict: Conflict; timeZone: string }) {
  const { session } = conflict;
  if (!session) {
    return (
      <Alert color="red" role="alert" title="Double booked">
        {conflict.message}
      </Alert>
    );
  }
  const who =
    conflict.resource === 'facilitator'
      ? (session.facilitatorName ?? 'The facilitator')
      : `Room ${session.room ?? ''}`.trim();
  const when = `${dayLabel.format(new Date(`${session.localDate}T00:00Z`))}, ${timeIn(session.startsAt, timeZone)}–${timeIn(session.endsAt, timeZone)}`;
  const what = `${sessionTypeOf(session.sessionType).label}${session.topic ? `: ${session.topic}` : ''}`;
  return (
    <Alert color="red" role="alert" title="Double booked">
      {who} is already booked at an overlapping time: {what}, {when}.{' '}
      <Anchor component={Link} to={`/schedule/sessions/${session.id}`} fz="inherit">
        Open that session
      </Anchor>
    </Alert>
  );
}

class ConflictError extends Error {
  constructor(readonly conflict: Conflict) {
    super(conflict.message);
    this.name = 'ConflictError';
  }
}

/** A 409 double booking becomes a ConflictError naming the session it clashes with; other errors pass through. */
async function withConflict(error: unknown, siteId: string, programId: string, date: string) {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'double_booked') return error;
  const sessionId = String(error.details.conflictingSessionId ?? '');
  const resource = error.details.resource === 'room' ? 'room' : 'facilitator';
  // The clash overlaps the new session: it is on that day or began the evening before. Another program's
  // session is not in this list; the server's own message names it then.
  const dayBefore = Temporal.PlainDate.from(date).subtract({ days: 1 }).toString();
  const nearby = await fetchSessions(siteId, programId, dayBefore, date).catch(() => ({ items: [] }));
  const session = nearby.items.find((s) => s.id === sessionId) ?? null;
  return new ConflictError({ message: error.message, resource, session, sessionId });
}
