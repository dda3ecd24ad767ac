import { DataList, List, Stack, Text, Title } from '@mantine/core';
import { formatDay } from '../shared/date-time';
import { type AftercarePlan, RECOVERY_SUPPORTS } from './discharges-api';

const supportLabel = (value: string) => RECOVERY_SUPPORTS.find((s) => s.value === value)?.label ?? value;

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** The aftercare plan, read-only: on the staff discharge screen and in the patient's portal. */
export function AftercarePlanView({ plan, headingLevel = 3 }: { plan: AftercarePlan; headingLevel?: 2 | 3 }) {
  const { nextProvider, appointments, recoverySupports, crisisPlan, medicationContinuity } = plan;
  const sub = (headingLevel + 1) as 3 | 4;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={sub} size="h5">
          Crisis plan
        </Title>
        <Text fw={700}>24-hour crisis line: {crisisPlan.crisisLine}</Text>
        <DataList labelWidth="160px">
          <Row label="Warning signs" value={crisisPlan.warningSigns} />
          <Row label="Coping steps" value={crisisPlan.copingSteps} />
          <Row label="People to call" value={crisisPlan.contacts} />
        </DataList>
      </Stack>
      <Stack gap={4}>
        <Title order={sub} size="h5">
          Next provider
        </Title>
        <DataList labelWidth="160px">
          <Row label="Provider" value={nextProvider.name} />
          <Row label="Level of care" value={nextProvider.levelOfCare} />
          <Row label="Phone" value={nextProvider.phone} />
          <Row label="Address" value={nextProvider.address} />
        </DataList>
      </Stack>
      {appointments.length > 0 && (
        <Stack gap={4}>
          <Title order={sub} size="h5">
            Appointments
          </Title>
          <List size="sm">
            {appointments.map((appointment) => (
              <List.Item key={`${appointment.on}-${appointment.time}-${appointment.with}`}>
                {formatDay(appointment.on)}
                {appointment.time ? ` at ${appointment.time}` : ''} with {appointment.with}
                {appointment.purpose ? ` (${appointment.purpose})` : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {recoverySupports.length > 0 && (
        <Stack gap={4}>
          <Title order={sub} size="h5">
            Recovery supports
          </Title>
          <List size="sm">
            {recoverySupports.map((support) => (
              <List.Item key={support}>{supportLabel(support)}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {(medicationContinuity.medications || medicationContinuity.prescriber || medicationContinuity.note) && (
        <Stack gap={4}>
          <Title order={sub} size="h5">
            Medications
          </Title>
          <DataList labelWidth="160px">
            <Row label="Medications" value={medicationContinuity.medications} />
            <Row label="Prescriber" value={medicationContinuity.prescriber} />
            <Row
              label="Supply until"
              value={medicationContinuity.supplyUntil ? formatDay(medicationContinuity.supplyUntil) : null}
            />
            <Row label="Note" value={medicationContinuity.note} />
          </DataList>
        </Stack>
      )}
    </Stack>
  );
}
