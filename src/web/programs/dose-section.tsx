import { Alert, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Temporal } from 'temporal-polyfill';
import { openEpisode, useEpisodes } from '../episodes/episodes-api';
import { useClinicToday } from '../shared/clinic-zone';
import { formatDay } from '../shared/date-time';
import { EnrolEpisode } from './enrol-form';
import { MemberTopics } from './member-topics';
import { hours } from './program-labels';
import {
  type DoseStatus,
  type HourBand,
  type MemberWeek,
  useEnrolments,
  usePatientDose,
} from './programs-api';
import { TargetStepsForm } from './target-steps-form';

const STATUS: Record<DoseStatus, { label: string; color: string }> = {
  on_track: { label: 'On track', color: 'teal' },
  at_risk: { label: 'At risk', color: 'orange' },
  short: { label: 'Short', color: 'red' },
  over_band: { label: 'Over band', color: 'grape' },
};

/** Shown weeks at most: the latest eight (a typical IOP runs 4–8 weeks). */
const MAX_WEEKS = 8;

/** A day in each week from the enrolment to the clinic's today; the server answers for the program week holding it. */
function weeksSince(startsOn: string, today: Temporal.PlainDate): string[] {
  const days: string[] = [];
  for (
    let day = Temporal.PlainDate.from(startsOn);
    Temporal.PlainDate.compare(day, today) <= 0;
    day = day.add({ days: 7 })
  ) {
    days.push(day.toString());
  }
  days.push(today.toString());
  return days.slice(-(MAX_WEEKS + 1));
}

function latestWeeks(weeks: MemberWeek[]): MemberWeek[] {
  const byStart = new Map(weeks.map((w) => [w.weekStart, w]));
  return [...byStart.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart)).slice(-MAX_WEEKS);
}

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const weekLabel = (week: MemberWeek) => shortDate.format(new Date(`${week.weekStart}T00:00Z`));

/** The chart's Dose tab: the member's track, and the weekly hours against the program's band. */
export function DoseSection({ patientId, mayEnrol }: { patientId: string; mayEnrol: boolean }) {
  const episodes = useEpisodes(patientId);
  const episode = openEpisode(episodes.data?.items);
  const enrolments = useEnrolments(patientId);
  const current = enrolments.data?.items.find((e) => e.episodeId === episode?.id && e.endsOn === null);
  const first = enrolments.data?.items.filter((e) => e.episodeId === episode?.id).at(-1);
  const today = useClinicToday();
  const dose = usePatientDose(patientId, first ? weeksSince(first.startsOn, today) : []);
  if (episodes.isPending) return <Loader aria-label="Loading the episode" />;
  if (!episode)
    return <Text c="dimmed">No open episode: the dose is counted while a patient is in treatment.</Text>;
  const weeks = dose.data ? latestWeeks(dose.data.filter((w) => w.programId === episode.programId)) : [];

  return (
    <Stack>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="track-heading">
        <Title order={2} size="h4" id="track-heading" mb="sm">
          Track
        </Title>
        {enrolments.isPending && <Loader size="sm" aria-label="Loading enrolments" />}
        {current && (
          <Stack gap="sm">
            <Text>
              Enrolled in <b>{current.trackName}</b> from {formatDay(current.startsOn)}.
              {current.medicareCoverage && ' Medicare IOP coverage: at least 9 h a week.'}
            </Text>
            {mayEnrol && <TargetStepsForm key={current.id} patientId={patientId} enrolment={current} />}
            {mayEnrol && (
              <details>
                <summary>Transfer to another track</summary>
                <EnrolEpisode
                  siteId={episode.siteId}
                  programId={episode.programId}
                  patientId={patientId}
                  episodeId={episode.id}
                  transferFrom={current.trackId}
                />
              </details>
            )}
          </Stack>
        )}
        {enrolments.data && !current && (
          <Stack gap="xs">
            <Text c="dimmed">Not enrolled in a track of {episode.programName} yet.</Text>
            {mayEnrol && (
              <EnrolEpisode
                siteId={episode.siteId}
                programId={episode.programId}
                patientId={patientId}
                episodeId={episode.id}
              />
            )}
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dose-heading">
        <Title order={2} size="h4" id="dose-heading" mb="sm">
          Weekly dose
        </Title>
        {first && dose.isPending && <Loader size="sm" aria-label="Loading the dose" />}
        {enrolments.data && !first && (
          <Text c="dimmed">The dose is counted from the first track enrolment.</Text>
        )}
        {dose.isError && (
          <Alert color="red" role="alert">
            {dose.error.message}
          </Alert>
        )}
        {dose.data && weeks.length === 0 && <Text c="dimmed">No program weeks yet.</Text>}
        {weeks.length > 0 && <DoseChart weeks={weeks} />}
      </Paper>
      {first && <MemberTopics patientId={patientId} />}
    </Stack>
  );
}

const BAR_WIDTH = 44;
const GAP = 28;
const HEIGHT = 200;
const LEFT = 40;

function DoseChart({ weeks }: { weeks: MemberWeek[] }) {
  // The band of the latest week: a step down to outpatient changes the target, not the program's band.
  const band = weeks.at(-1)!.band;
  const top =
    Math.max(
      band.lessThanHours ?? band.atLeastHours + 5,
      ...weeks.map((w) => Math.max(w.dose.forecastHours, w.targetHours)),
    ) + 2;
  const y = (h: number) => HEIGHT - (h / top) * HEIGHT + 10;
  const width = LEFT + weeks.length * (BAR_WIDTH + GAP) + GAP;

  return (
    <Stack>
      <Group gap="md">
        <Legend color="var(--mantine-color-teal-6)" label="Attended" />
        <Legend color="var(--mantine-color-teal-2)" label="Still scheduled (forecast)" />
        <Legend color="var(--mantine-color-dark-6)" label="Target" line />
        <Legend color="var(--mantine-color-gray-6)" label={`Band ${bandText(band)}`} line dashed />
      </Group>
      <svg
        width={width}
        height={HEIGHT + 40}
        role="img"
        aria-label={`Weekly hours against the band ${bandText(band)}`}
        style={{ maxWidth: '100%' }}
      >
        {[band.atLeastHours, band.lessThanHours].map((h) =>
          h === null ? null : (
            <g key={`band-${h}`}>
              <line
                x1={LEFT}
                x2={width}
                y1={y(h)}
                y2={y(h)}
                stroke="var(--mantine-color-gray-6)"
                strokeDasharray="6 4"
              />
              <text
                x={LEFT - 6}
                y={y(h) + 4}
                textAnchor="end"
                fontSize={11}
                fill="var(--mantine-color-gray-7)"
              >
                {h} h
              </text>
            </g>
          ),
        )}
        {weeks.map((week, i) => {
          const x = LEFT + GAP + i * (BAR_WIDTH + GAP);
          const status = STATUS[week.dose.status];
          return (
            <g key={week.weekStart}>
              <rect
                x={x}
                y={y(week.dose.forecastHours)}
                width={BAR_WIDTH}
                height={y(0) - y(week.dose.forecastHours)}
                fill="var(--mantine-color-teal-2)"
              />
              <rect
                x={x}
                y={y(week.dose.attendedHours)}
                width={BAR_WIDTH}
                height={y(0) - y(week.dose.attendedHours)}
                fill="var(--mantine-color-teal-6)"
              />
              <text
                x={x + BAR_WIDTH / 2}
                y={y(week.dose.forecastHours) - 6}
                textAnchor="middle"
                fontSize={11}
                fontWeight={700}
                fill={`var(--mantine-color-${status.color}-8)`}
              >
                {status.label}
              </text>
              <line
                x1={x - 6}
                x2={x + BAR_WIDTH + 6}
                y1={y(week.targetHours)}
                y2={y(week.targetHours)}
                stroke="var(--mantine-color-dark-6)"
                strokeWidth={2}
              />
              <text x={x + BAR_WIDTH / 2} y={HEIGHT + 26} textAnchor="middle" fontSize={11}>
                {weekLabel(week)}
              </text>
            </g>
          );
        })}
        <line x1={LEFT} x2={width} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-5)" />
      </svg>
      <Table aria-label="Weekly dose" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Week of</Table.Th>
            <Table.Th>Attended</Table.Th>
            <Table.Th>Forecast</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Qualifying days</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week) => (
            <Table.Tr key={week.weekStart}>
              <Table.Td>{weekLabel(week)}</Table.Td>
              <Table.Td>{hours(week.dose.attendedHours)}</Table.Td>
              <Table.Td>{hours(week.dose.forecastHours)}</Table.Td>
              <Table.Td>{hours(week.targetHours)}</Table.Td>
              <Table.Td>{week.dose.qualifyingDays.length}</Table.Td>
              <Table.Td>
                <Badge color={STATUS[week.dose.status].color} variant="light">
                  {STATUS[week.dose.status].label}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function bandText(band: HourBand) {
  return band.lessThanHours === null
    ? `${band.atLeastHours} h or more`
    : `${band.atLeastHours}–${band.lessThanHours} h`;
}

function Legend({
  color,
  label,
  line,
  dashed,
}: {
  color: string;
  label: string;
  line?: boolean;
  dashed?: boolean;
}) {
  return (
    <Group gap={6}>
      <svg width={18} height={12} aria-hidden="true">
        {line ? (
          <line
            x1={0}
            x2={18}
            y1={6}
            y2={6}
            stroke={color}
            strokeWidth={2}
            strokeDasharray={dashed ? '4 3' : undefined}
          />
        ) : (
          <rect width={18} height={12} fill={color} />
        )}
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
}
