import { Alert, Anchor, Badge, Group, List, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { clinicTodayIso } from '../shared/clinic-calendar';
import { hours, timeIn } from './program-labels';
import type { AtRiskMember } from './programs-api';
import { type ProgramSettings, useAtRisk, useTracks } from './programs-api';

const dayFormat = (timeZone: string) => new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone });

/** Members forecast below their weekly target, each with the make-up sessions that would close the gap. */
export function AtRiskList({ siteId, program }: { siteId: string; program: ProgramSettings }) {
  const today = clinicTodayIso(program.timeZone);
  const atRisk = useAtRisk(siteId, program.programId, today);
  const tracks = useTracks(siteId, program.programId);
  const trackName = (id: string) => tracks.data?.items.find((t) => t.id === id)?.name ?? '';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="at-risk-heading">
      <Stack>
        <Title order={2} size="h3" id="at-risk-heading">
          At risk this week
        </Title>
        {atRisk.isPending && <Loader aria-label="Loading the at-risk list" />}
        {atRisk.isError && (
          <Alert color="red" role="alert">
            {atRisk.error.message}
          </Alert>
        )}
        {atRisk.data && atRisk.data.items.length === 0 && (
          <Text c="dimmed">Every member is forecast to reach their target this week.</Text>
        )}
        {atRisk.data && atRisk.data.items.length > 0 && (
          <Table aria-label={`At risk this week in ${program.name}`} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Member</Table.Th>
                <Table.Th>Track</Table.Th>
                <Table.Th>Attended</Table.Th>
                <Table.Th>Forecast / target</Table.Th>
                <Table.Th>Make-up offered</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {atRisk.data.items.map((member) => (
                <Table.Tr key={`${member.patientId}:${member.trackId}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/patients/${member.patientId}?tab=episode`} fw={500}>
                      {member.familyName}, {member.givenName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{trackName(member.trackId)}</Table.Td>
                  <Table.Td>{hours(member.dose.attendedHours)}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Badge color="orange" variant="light">
                        at risk
                      </Badge>
                      {hours(member.dose.forecastHours)} of {hours(member.targetHours)}
                      {member.medicareCoverage && (
                        <Badge color="blue" variant="outline" title="Medicare IOP needs at least 9 h a week">
                          Medicare ≥ 9 h
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <MakeUps member={member} timeZone={program.timeZone} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function MakeUps({ member, timeZone }: { member: AtRiskMember; timeZone: string }) {
  const sessions = member.makeUp?.sessions ?? [];
  if (sessions.length === 0) {
    return (
      <Text size="sm" c="red.8">
        No open session left this week
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <List
        size="sm"
        spacing={2}
        aria-label={`Make-up sessions for ${member.givenName} ${member.familyName}`}
      >
        {sessions.map((session) => (
          <List.Item key={session.id}>
            {dayFormat(timeZone).format(new Date(session.startsAt))} {timeIn(session.startsAt, timeZone)} ·{' '}
            {session.trackName} ({hours(session.minutes / 60)})
          </List.Item>
        ))}
      </List>
      {!member.makeUp?.closesGap && (
        <Text size="xs" c="dimmed">
          Narrows the gap but does not close it.
        </Text>
      )}
    </Stack>
  );
}
