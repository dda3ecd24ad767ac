import { Alert, Anchor, Loader, Paper, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../app/api-client';
import { BreakGlassForm } from './break-glass-form';
import { PatientDemographics } from './patient-demographics';
import { PatientHeader } from './patient-header';
import { patientQueryKey, usePatient } from './patients-api';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function PatientPage() {
  const { patientId = '' } = useParams();
  const queryClient = useQueryClient();
  const patient = usePatient(patientId);
  const [emergencyUntil, setEmergencyUntil] = useState<string | null>(null);

  const granted = (expiresAt: string) => {
    setEmergencyUntil(expiresAt);
    void queryClient.invalidateQueries({ queryKey: patientQueryKey(patientId) });
  };

  return (
    <Stack>
      <Anchor component={Link} to="/patients" size="sm">
        ← Back to patients
      </Anchor>
      {patient.isPending && <Loader aria-label="Loading patient" />}
      {patient.isError && <PatientError error={patient.error} patientId={patientId} onGranted={granted} />}
      {patient.data && (
        <>
          {emergencyUntil && (
            <Alert color="orange" title="Emergency access">
              You opened this record by breaking the glass. Access ends at{' '}
              {timeFormat.format(new Date(emergencyUntil))} and is flagged for review.
            </Alert>
          )}
          <PatientHeader patient={patient.data} />
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="demographics-heading">
            <Title order={2} size="h4" mb="sm" id="demographics-heading">
              Demographics
            </Title>
            <PatientDemographics patient={patient.data} />
          </Paper>
        </>
      )}
    </Stack>
  );
}

function PatientError({
  error,
  patientId,
  onGranted,
}: {
  error: Error;
  patientId: string;
  onGranted: (expiresAt: string) => void;
}) {
  if (error instanceof ApiError && error.code === 'patient_outside_site') {
    return <BreakGlassForm patientId={patientId} onGranted={onGranted} />;
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Alert color="yellow" title="Patient not found">
        There is no patient with this link. It may have been mistyped.
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Could not open this patient" role="alert">
      {error.message}
    </Alert>
  );
}
