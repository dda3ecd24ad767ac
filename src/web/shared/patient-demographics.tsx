import { DataList, Text } from '@mantine/core';
import type { Schema } from './api/client';
import { clinicToday } from './clinic-calendar';
import { dateOfBirthWithAge } from './date-of-birth';
import { statusLabel } from './status-badge';

type Patient = Schema<'Patient'>;

/** The living situations a patient record names (the API's enum), with their labels. */
export const LIVING_SITUATIONS = [
  { value: 'home', label: 'Own home' },
  { value: 'with_family', label: 'With family' },
  { value: 'sober_living', label: 'Sober living' },
  { value: 'alone', label: 'Alone' },
  { value: 'unhoused', label: 'Unhoused' },
  { value: 'other', label: 'Other' },
] as const satisfies readonly {
  value: NonNullable<Schema<'CreatePatient'>['livingSituation']>;
  label: string;
}[];

function addressOf(patient: Patient): string | null {
  const cityLine = [patient.city, [patient.state, patient.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [patient.addressLine1, patient.addressLine2, cityLine].filter(Boolean).join(', ') || null;
}

const livingLabel = (value: string | null | undefined) =>
  value ? (LIVING_SITUATIONS.find((s) => s.value === value)?.label ?? value) : null;

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
    ['Date of birth', dateOfBirthWithAge(patient.dateOfBirth, clinicToday(patient.siteTimeZone))],
    ['Sex assigned at birth', patient.sexAtBirth],
    ['Gender identity', patient.genderIdentity],
    ['Preferred language', patient.language],
    ['Phone', patient.phone],
    ['Email', patient.email],
    ['Address', addressOf(patient)],
    ['Living situation', livingLabel(patient.livingSituation)],
    [
      'Emergency contact',
      patient.emergencyContact
        ? `${patient.emergencyContact.name} (${patient.emergencyContact.relationship}), ${patient.emergencyContact.phone}`
        : null,
    ],
    ...(patient.guardianContact
      ? ([
          [
            'Guardian',
            `${patient.guardianContact.name} (${patient.guardianContact.relationship})${[
              patient.guardianContact.phone,
              patient.guardianContact.email,
            ]
              .filter(Boolean)
              .map((v) => `, ${v}`)
              .join('')}`,
          ],
        ] as [string, string][])
      : []),
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
