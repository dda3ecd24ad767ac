import { Text } from '@mantine/core';
import type { TreatmentPlan } from './treatment-plans-api';

const signedTime = (at: string | null) => (at ? new Date(at).toLocaleString() : '');

export function ClinicianSignatureLine({
  signature,
}: {
  signature: NonNullable<TreatmentPlan['clinicianSignature']>;
}) {
  return (
    <Text size="sm">
      Signed by clinician <strong>{signature.name}</strong> at {signedTime(signature.signedAt)}
    </Text>
  );
}

export function PatientSignatureLine({
  signature,
}: {
  signature: NonNullable<TreatmentPlan['patientSignature']>;
}) {
  return (
    <Text size="sm">
      Signed by patient <strong>{signature.name}</strong> at {signedTime(signature.signedAt)} (
      {signature.via === 'portal' ? 'in the portal' : 'on the staff screen'})
    </Text>
  );
}
