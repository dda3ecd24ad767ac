import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import type { IsoWeekday } from '../../domain/schedule/calendar-checks';
import { programWeekOf } from '../../domain/schedule/program-week';
import { clinicToday } from '../shared/clinic-calendar';
import { useCan } from '../shared/permissions';
import type { Site } from '../shared/session';
import { useUrlParams } from '../shared/use-url-params';
import { AddSessionModal } from './add-session-form';
import { SESSION_TYPES, sessionTypeOf, timeIn, WEEKDAYS } from './program-labels';
import { type ProgramSession, type ProgramSettings, useSessions, useTracks } from './programs-api';
import { SitePrograms } from './site-programs';

/** Mirrors the server's `schedule.write` permission (permissions.ts): who may add a session. */

const dayHeading = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** The week's sessions of one program, a column per day, a card per session colored by its type. */
export function SchedulePage() {
  return <SitePrograms>{(site, items) => <ProgramSchedule site={site} items={items} />}</SitePrograms>;
}

function ProgramSchedule({ site, items }: { site: Site; items: ProgramSettings[] }) {
  const [params, updateParams] = useUrlParams();
  const program = items.find((p) => p.programId === params.get('program')) ?? items[0];
  const choose = (changes: Record<string, string>) =>
    updateParams(
      (next) => {
        for (const [key, value] of Object.entries(changes)) next.set(key, value);
      },
      { replace: true },
    );

  return (
    <Stack>
      <Title order={1} size="h2">
        Schedule at {site.name}
      </Title>
      <NativeSelect
        label="Program"
        data={items.map((p) => ({ value: p.programId, label: p.name }))}
        value={program?.programId ?? ''}
        onChange={(e) => choose({ program: e.currentTarget.value })}
        maw={360}
      />
      {program && (
        <WeekCalendar
          siteId={site.id}
          program={program}
          week={params.get('week')}
          onWeek={(week) => choose({ week })}
        />
      )}
    </Stack>
  );
}

function WeekCalendar({
  siteId,
  program,
  week,
  onWeek,
}: {
  siteId: string;
  program: ProgramSettings;
  week: string | null;
  onWeek: (week: string) => void;
}) {
  const today = clinicToday(program.timeZone);
  const anchor = safeDate(week) ?? today;
  const { start, end } = programWeekOf(anchor, program.weekStartsOn as IsoWeekday, program.timeZone);
  const sessions = useSessions(siteId, program.programId, start.toString(), end.toString());
  const tracks = useTracks(siteId, program.programId);
  const trackName = (id: string | null) => tracks.data?.items.find((t) => t.id === id)?.name ?? null;
  const days = Array.from({ length: 7 }, (_, i) => start.add({ days: i }));
  const mayAddSession = useCan('schedule.write');
  const [adding, setAdding] = useState(false);
  const showsToday =
    Temporal.PlainDate.compare(today, start) >= 0 && Temporal.PlainDate.compare(today, end) <= 0;
  const byDay = new Map<string, ProgramSession[]>();
  for (const session of sessions.data?.items ?? []) {
    const list = byDay.get(session.localDate) ?? [];
    list.push(session);
    byDay.set(session.localDate, list);
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" onClick={() => onWeek(start.subtract({ days: 7 }).toString())}>
            Previous week
          </Button>
          <Button variant="default" onClick={() => onWeek(today.toString())}>
            This week
          </Button>
          <Button variant="default" onClick={() => onWeek(start.add({ days: 7 }).toString())}>
            Next week
          </Button>
          {mayAddSession && <Button onClick={() => setAdding(true)}>Add a session</Button>}
        </Group>
        <Text fw={500} aria-live="polite">
          Week of {dayHeading.format(new Date(`${start}T00:00Z`))} ({program.timeZone})
        </Text>
      </Group>
      <Group gap="xs" role="group" aria-label="Session types">
        {Object.values(SESSION_TYPES).map((type) => (
          <Badge key={type.label} color={type.color} variant="light">
            {type.label}
          </Badge>
        ))}
      </Group>
      {sessions.isError && (
        <Alert color="red" role="alert">
          {sessions.error.message}
        </Alert>
      )}
      {sessions.isPending && <Loader aria-label="Loading sessions" />}
      <AddSessionModal
        siteId={siteId}
        program={program}
        defaultDate={(showsToday ? today : start).toString()}
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(session) => {
          setAdding(false);
          const localDate = Temporal.PlainDate.from(session.localDate);
          if (
            Temporal.PlainDate.compare(localDate, start) < 0 ||
            Temporal.PlainDate.compare(localDate, end) > 0
          ) {
            onWeek(session.localDate);
          }
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 7 }} spacing="xs">
        {days.map((day) => (
          <Paper
            key={day.toString()}
            withBorder
            p="xs"
            radius="md"
            component="section"
            aria-label={`${WEEKDAYS[day.dayOfWeek - 1]?.long} ${day.toString()}`}
            bg={day.equals(today) ? 'teal.0' : undefined}
            mih={160}
          >
            <Text size="sm" fw={700} mb="xs">
              {dayHeading.format(new Date(`${day}T00:00Z`))}
            </Text>
            <Stack gap={6}>
              {(byDay.get(day.toString()) ?? []).map((session) => (
                <SessionCard
                  key={session.id}
                  session={session}
                  trackName={trackName(session.trackId)}
                  timeZone={program.timeZone}
                />
              ))}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function SessionCard({
  session,
  trackName,
  timeZone,
}: {
  session: ProgramSession;
  trackName: string | null;
  timeZone: string;
}) {
  const type = sessionTypeOf(session.sessionType);
  return (
    <UnstyledButton
      component={Link}
      to={`/schedule/sessions/${session.id}`}
      p={6}
      style={{
        borderRadius: 6,
        borderLeft: `4px solid var(--mantine-color-${type.color}-6)`,
        background: `var(--mantine-color-${session.cancelled ? 'gray' : type.color}-0)`,
        opacity: session.cancelled ? 0.75 : 1,
      }}
    >
      <Text size="xs" fw={700} td={session.cancelled ? 'line-through' : undefined}>
        {timeIn(session.startsAt, timeZone)}–{timeIn(session.endsAt, timeZone)}
      </Text>
      <Text size="xs" td={session.cancelled ? 'line-through' : undefined}>
        {trackName ?? type.label}
      </Text>
      <Text size="xs" c="dimmed">
        {type.label}
        {session.topic ? `: ${session.topic}` : ''}
      </Text>
      {session.cancelled && (
        <Badge size="xs" color="red" variant="filled" mt={2}>
          Cancelled{session.cancelReason ? `: ${session.cancelReason}` : ''}
        </Badge>
      )}
    </UnstyledButton>
  );
}

function safeDate(value: string | null): Temporal.PlainDate | null {
  if (!value) return null;
  try {
    return Temporal.PlainDate.from(value);
  } catch {
    return null;
  }
}
