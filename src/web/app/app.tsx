import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuditLogPage } from '../audit/audit-log-page';
import { LoginPage } from '../auth/login-page';
import { MfaEnrolPage } from '../auth/mfa-enrol-page';
import { MfaPromptPage } from '../auth/mfa-prompt-page';
import { BreakGlassReviewPage } from '../break-glass/break-glass-review-page';
import { MeasurementPage } from '../measurement/measurement-page';
import { UrgentTasksPage } from '../measurement/urgent-tasks-page';
import { GroupNotePage } from '../notes/group-note-page';
import { NoteQueuePage } from '../notes/note-queue-page';
import { CensusPage } from '../patients/census-page';
import { NewReferralPage } from '../patients/new-referral-page';
import { PatientPage } from '../patients/patient-page';
import { InvitationPage } from '../portal/invitation-page';
import { PortalPage } from '../portal/portal-page';
import { PortalShell } from '../portal/portal-shell';
import { ProgramsPage } from '../programs/programs-page';
import { SchedulePage } from '../programs/schedule-page';
import { SessionRosterPage } from '../programs/session-roster-page';
import { ApiError } from '../shared/api-client';
import {
  canCreateReferral,
  canReviewBreakGlass,
  canSeeAuditLog,
  canSeeCensus,
  canSeeMeasures,
  canSeeOperations,
  hasNoteQueue,
  hasUrgentTasks,
} from '../shared/staff-navigation';
import { NotFoundPage } from './not-found-page';
import { HomeRedirect, RequireRole, RequireSession } from './require-session';
import { SessionGoneRedirect } from './session-gone-redirect';
import { StaffShell } from './staff-shell';

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'md' });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; only network trouble and 5xx are worth another try.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      // Every call extends the server session, so nothing is fetched without the user asking.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionGoneRedirect />
          <Routes>
            <Route path="/" element={<HomeRedirect />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/login/mfa" element={<MfaPromptPage />} />
            <Route path="/login/enrol-mfa" element={<MfaEnrolPage />} />
            <Route path="/portal/invite/:token" element={<InvitationPage />} />
            <Route
              path="/portal"
              element={
                <RequireSession kind="patient">
                  <PortalShell>
                    <PortalPage />
                  </PortalShell>
                </RequireSession>
              }
            />
            <Route
              element={
                <RequireSession kind="staff">
                  <StaffShell />
                </RequireSession>
              }
            >
              <Route
                path="/patients"
                element={
                  <RequireRole allowed={canSeeCensus}>
                    <CensusPage />
                  </RequireRole>
                }
              />
              <Route
                path="/patients/new"
                element={
                  <RequireRole allowed={canCreateReferral}>
                    <NewReferralPage />
                  </RequireRole>
                }
              />
              <Route path="/patients/:patientId" element={<PatientPage />} />
              <Route
                path="/programs"
                element={
                  <RequireRole allowed={canSeeOperations}>
                    <ProgramsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/schedule"
                element={
                  <RequireRole allowed={canSeeOperations}>
                    <SchedulePage />
                  </RequireRole>
                }
              />
              <Route
                path="/schedule/sessions/:sessionId"
                element={
                  <RequireRole allowed={canSeeOperations}>
                    <SessionRosterPage />
                  </RequireRole>
                }
              />
              <Route
                path="/measures"
                element={
                  <RequireRole allowed={canSeeMeasures}>
                    <MeasurementPage />
                  </RequireRole>
                }
              />
              <Route
                path="/tasks"
                element={
                  <RequireRole allowed={hasUrgentTasks}>
                    <UrgentTasksPage />
                  </RequireRole>
                }
              />
              <Route
                path="/notes"
                element={
                  <RequireRole allowed={hasNoteQueue}>
                    <NoteQueuePage />
                  </RequireRole>
                }
              />
              <Route
                path="/sites/:siteId/group-notes/:groupNoteId"
                element={
                  <RequireRole allowed={hasNoteQueue}>
                    <GroupNotePage />
                  </RequireRole>
                }
              />
              <Route
                path="/audit"
                element={
                  <RequireRole allowed={canSeeAuditLog}>
                    <AuditLogPage />
                  </RequireRole>
                }
              />
              <Route
                path="/break-glass"
                element={
                  <RequireRole allowed={canReviewBreakGlass}>
                    <BreakGlassReviewPage />
                  </RequireRole>
                }
              />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
