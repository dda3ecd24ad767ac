import { Alert, Anchor, Loader, Stack, Tabs } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { CoverageSection } from '../billing/coverage-section';
import { DischargeSection } from '../discharges/discharge-section';
import { CurrentEpisodeSummary } from '../episodes/current-episode-summary';
import { EpisodeSection } from '../episodes/episode-section';
import { MeasurementSection } from '../measurement/measurement-section';
import { UrgentTaskBanner } from '../measurement/urgent-task-banner';
import { NotesSection } from '../notes/notes-section';
import { PsychotherapyNotesSection } from '../notes/psychotherapy-notes-section';
import { DoseSection } from '../programs/dose-section';
import { IntakeScreeningSection } from '../referrals/intake-screening-section';
import { ApiError } from '../shared/api/api-error';
import { ClinicZone } from '../shared/clinic-zone';
import { PatientDemographics } from '../shared/patient-demographics';
import { may } from '../shared/permissions';
import { SectionCard } from '../shared/section-card';
import { useMe } from '../shared/session';
import { TreatmentPlanSection } from '../treatment-plans/treatment-plan-section';
import { AssessmentTab } from './assessment-tab';
import { BreakGlassForm } from './break-glass-form';
import { PatientHeader } from './patient-header';
import { usePatient } from './patients-api';
import { patientKeys } from './patients-keys';
import { PortalInvitationCard } from './portal-invitation-card';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

// Each tab shows with the server's read permission for what it reads (me.permissions); the server decides.
const TABS = [
  { value: 'overview', label: 'Overview', permission: 'patient.read' },
  { value: 'intake', label: 'Intake', permission: 'referral.read' },
  { value: 'assessment', label: 'ASAM assessment', permission: 'assessment.read' },
  { value: 'episode', label: 'Episode', permission: 'episode.read' },
  { value: 'dose', label: 'Dose', permission: 'dose.read' },
  { value: 'plan', label: 'Treatment plan', permission: 'plan.read' },
  { value: 'measures', label: 'Measures', permission: 'measurement.read' },
  { value: 'notes', label: 'Notes', permission: 'note.read' },
  // Psychotherapy notes are kept apart from the chart: the tab lists only the signed-in author's own.
  { value: 'psychotherapy', label: 'Psychotherapy notes', permission: 'psychotherapy_note.read' },
  { value: 'discharge', label: 'Discharge', permission: 'discharge.read' },
  // Either read shows the tab; the section shows only the parts `me` may read.
  {
    value: 'coverage',
    label: 'Coverage and authorizations',
    permission: ['coverage.read', 'authorization.read'],
  },
] as const;
const mayOpen = (me: Parameters<typeof may>[0], permission: string | readonly string[]) =>
  typeof permission === 'string' ? may(me, permission) : permission.some((one) => may(me, one));
type TabValue = (typeof TABS)[number]['value'];
const isTab = (value: string | null): value is TabValue => TABS.some((tab) => tab.value === value);

export function PatientPage() {
  const { patientId = '' } = useParams();
  const queryClient = useQueryClient();
  const patient = usePatient(patientId);
  const [emergencyUntil, setEmergencyUntil] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const tabs = TABS.filter((item) => mayOpen(me.data, item.permission));
  const requestedTab = params.get('tab');
  const tab: TabValue =
    isTab(requestedTab) && tabs.some((item) => item.value === requestedTab) ? requestedTab : 'overview';
  const openTab = (value: string | null) => {
    if (isTab(value)) setParams(value === 'overview' ? {} : { tab: value }, { replace: true });
  };

  const granted = (expiresAt: string) => {
    setEmergencyUntil(expiresAt);
    void queryClient.invalidateQueries({ queryKey: patientKeys.detail(patientId) });
  };

  // What each tab shows; only the open tab's panel is mounted (keepMounted={false}).
  const panels: Record<TabValue, ReactNode> | undefined = patient.data && {
    overview: (
      <>
        <SectionCard id="demographics-heading" title="Demographics">
          <PatientDemographics patient={patient.data} />
        </SectionCard>
        <CurrentEpisodeSummary patientId={patientId} onOpen={() => openTab('episode')} />
        {may(me.data, 'portal.invite') && (
          <PortalInvitationCard
            patientId={patientId}
            givenName={patient.data.preferredName ?? patient.data.givenName}
          />
        )}
      </>
    ),
    intake: <IntakeScreeningSection patientId={patientId} />,
    assessment: <AssessmentTab patient={patient.data} />,
    episode: <EpisodeSection patientId={patientId} onDischarge={() => openTab('discharge')} />,
    dose: <DoseSection patientId={patientId} mayEnrol={may(me.data, 'enrolment.write')} />,
    plan: <TreatmentPlanSection patientId={patientId} />,
    measures: <MeasurementSection patientId={patientId} />,
    notes: <NotesSection patientId={patientId} />,
    psychotherapy: <PsychotherapyNotesSection patientId={patientId} />,
    discharge: <DischargeSection patientId={patientId} />,
    coverage: <CoverageSection patientId={patientId} />,
  };

  return (
    <Stack>
      <Anchor component={Link} to="/patients" size="sm">
        ← Back to patients
      </Anchor>
      {patient.isPending && <Loader aria-label="Loading patient" />}
      {patient.isError && <PatientError error={patient.error} patientId={patientId} onGranted={granted} />}
      {patient.data && (
        <ClinicZone timeZone={patient.data.siteTimeZone}>
          {emergencyUntil && (
            <Alert color="orange" title="Emergency access">
              You opened this record by breaking the glass. Access ends at{' '}
              {timeFormat.format(new Date(emergencyUntil))} and is flagged for review.
            </Alert>
          )}
          <PatientHeader patient={patient.data} />
          <UrgentTaskBanner patientId={patientId} />
          <Tabs value={tab} onChange={openTab} keepMounted={false}>
            <Tabs.List aria-label="Patient chart">
              {tabs.map((item) => (
                <Tabs.Tab key={item.value} value={item.value}>
                  {item.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {tabs.map((item) => (
              <Tabs.Panel key={item.value} value={item.value} pt="md">
                {panels?.[item.value]}
              </Tabs.Panel>
            ))}
          </Tabs>
        </ClinicZone>
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
