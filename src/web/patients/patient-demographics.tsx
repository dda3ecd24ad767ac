import { DataList, Text } from '@mantine/core';
import { dateOfBirthWithAge } from './date-of-birth';
import { statusLabel } from './patient-status-badge';
import type { Patient } from './patients-api';

function Value({ children }: { children: string | null }) {
  if (children) return <>{children}</>;
  return (
    <Text component="span" c="dimmed" fs="italic" size="sm">
      Not recorded
    </Text>
  );
}

/** The demographics section, read-only: shown to staff on the patient page and to the patient in the portal. */
export function PatientDemographics({ patient }: { patient: Patient }) {
  const rows: [label: string, value: string | null][] = [
    ['Legal name', `${patient.givenName} ${patient.familyName}`],
    ['Preferred name', patient.preferredName],
    ['Pronouns', patient.pronouns],
    ['Date of birth', dateOfBirthWithAge(patient.dateOfBirth)],
    ['Sex assigned at birth', patient.sexAtBirth],
    ['Gender identity', patient.genderIdentity],
    ['Preferred language', patient.language],
    ['Phone', patient.phone],
    ['Email', patient.email],
    ['MRN', patient.mrn],
    ['Site', patient.siteName],
    ['Status', statusLabel(patient.status)],
  ];
  return (
    <DataList withDivider labelWidth="180px">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Value>{value}</Value>
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
