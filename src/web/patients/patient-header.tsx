import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { clinicToday } from '../shared/clinic-calendar';
import { dateOfBirthWithAge } from '../shared/date-of-birth';
import { StatusBadge } from '../shared/status-badge';
import type { Patient } from './patients-api';

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <Text size="sm">
      <Text component="span" c="dimmed" size="sm">
        {label}{' '}
      </Text>
      <Text component="span" fw={500} size="sm">
        {children}
      </Text>
    </Text>
  );
}

export function PatientHeader({ patient }: { patient: Patient }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Patient summary">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="sm" align="baseline" wrap="wrap">
            <Title order={1} size="h2">
              {patient.givenName} {patient.familyName}
            </Title>
            {patient.preferredName && (
              <Text c="dimmed">
                prefers <strong>{patient.preferredName}</strong>
              </Text>
            )}
            {patient.pronouns && <Text c="dimmed">({patient.pronouns})</Text>}
            <StatusBadge status={patient.status} />
          </Group>
          {/* 42 CFR Part 2 records need consent before most disclosures; staff must see that at a glance. */}
          <Badge
            color="red"
            variant="light"
            size="lg"
            tt="none"
            title="Substance-use record — protected by 42 CFR Part 2"
          >
            42 CFR Part 2
          </Badge>
        </Group>
        <Group gap="lg" wrap="wrap">
          <Fact label="MRN">{patient.mrn}</Fact>
          <Fact label="DOB">
            {dateOfBirthWithAge(patient.dateOfBirth, clinicToday(patient.siteTimeZone))}
          </Fact>
          <Fact label="Site">{patient.siteName}</Fact>
        </Group>
        <Text size="xs" c="red.8">
          Substance-use record — protected by 42 CFR Part 2. Do not disclose without the patient's written
          consent.
        </Text>
      </Stack>
    </Paper>
  );
}
