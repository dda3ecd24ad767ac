import { Alert, Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { sessionTypeOf } from '../programs/program-labels';
import { type PortalSession, useMySessions } from '../programs/programs-api';

const when = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const until = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
/** The next sessions only: a long program's whole calendar would bury the next one. */
const SHOWN = 6;
const lastDay = new Intl.DateTimeFormat(undefined, { month: 'long', day: 'numeric' });
const hoursText = (h: number) => `${Number(h.toFixed(2))} h`;

/** "My hours this week" and "My upcoming sessions", shown once the patient is enrolled in a track. */
export function MySessions() {
  const mine = useMySessions();
  if (mine.isPending) return null;
  if (mine.isError) {
    return (
      <Alert color="red" role="alert">
        Could not load your sessions: {mine.error.message}
      </Alert>
    );
  }
  const { items, thisWeek } = mine.data;
  if (items.length === 0 && thisWeek.length === 0) return null;
  const cancelled = items.filter((session) => session.cancelled);
  return (
    <>
      {cancelled.length > 0 && (
        // The notice every enrolled patient gets when the program cancels a session (holiday, weather …).
        <Alert
          color="orange"
          title={
            cancelled.length === 1 ? 'A session was cancelled' : `${cancelled.length} sessions were cancelled`
          }
        >
          <Stack gap={4}>
            {cancelled.map((session) => (
              <Text size="sm" key={session.id}>
                {when.format(new Date(session.startsAt))} · {session.trackName}: cancelled
                {session.cancelReason ? ` (${session.cancelReason})` : ''}.
                {session.cancelNote ? ` ${session.cancelNote}` : ''}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {thisWeek.map((week) => (
        <Paper
          key={`${week.programName}:${week.weekStart}`}
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby="my-hours-heading"
        >
          <Title order={2} size="h3" id="my-hours-heading" mb="xs">
            My hours this week
          </Title>
          <Text size="lg" fw={700}>
            {hoursText(week.attendedHours)} of {hoursText(week.targetHours)}
          </Text>
          <Progress
            value={Math.min(100, (week.attendedHours / Math.max(week.targetHours, 0.01)) * 100)}
            aria-label={`${hoursText(week.attendedHours)} of ${hoursText(week.targetHours)} this week`}
            my="xs"
          />
          <Text size="sm" c="dimmed">
            {week.programName}: {hoursText(week.scheduledHours)} scheduled this week.
          </Text>
        </Paper>
      ))}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-sessions-heading">
        <Title order={2} size="h3" id="my-sessions-heading" mb="sm">
          My upcoming sessions
        </Title>
        {items.length === 0 ? (
          <Text c="dimmed">No sessions scheduled.</Text>
        ) : (
          <>
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.slice(0, SHOWN).map((session) => (
                <SessionLine key={session.id} session={session} />
              ))}
            </Stack>
            {items.length > SHOWN && (
              <Text size="sm" c="dimmed" mt="sm">
                {items.length - SHOWN} more scheduled, through{' '}
                {lastDay.format(new Date(items.at(-1)!.startsAt))}.
              </Text>
            )}
          </>
        )}
      </Paper>
    </>
  );
}

function SessionLine({ session }: { session: PortalSession }) {
  const type = sessionTypeOf(session.sessionType);
  return (
    <li>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Text fw={600} td={session.cancelled ? 'line-through' : undefined}>
            {when.format(new Date(session.startsAt))}–{until.format(new Date(session.endsAt))}
          </Text>
          <Text size="sm">
            {session.trackName} · {type.label}
            {session.topic ? `: ${session.topic}` : ''}
          </Text>
        </Stack>
        {session.cancelled ? (
          <Badge color="red" variant="light">
            Cancelled{session.cancelReason ? ` (${session.cancelReason})` : ''}
          </Badge>
        ) : session.telehealthUrl ? (
          <Anchor href={session.telehealthUrl} target="_blank" rel="noreferrer">
            Join online
          </Anchor>
        ) : session.room ? (
          <Text size="sm">Room {session.room}</Text>
        ) : null}
      </Group>
      {session.cancelled && session.cancelNote && (
        <Text size="sm" c="dimmed">
          {session.cancelNote}
        </Text>
      )}
    </li>
  );
}
