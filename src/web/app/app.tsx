import {
  Alert,
  type CSSVariablesResolver,
  createTheme,
  Loader,
  type MantineColorsTuple,
  MantineProvider,
  Modal,
} from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { StaffInvitationPage } from '../admin/staff-invitation-page';
import { StaffPage } from '../admin/staff-page';
import { AuditLogPage } from '../audit/audit-log-page';
import { LoginPage } from '../auth/login-page';
import { MfaEnrolPage } from '../auth/mfa-enrol-page';
import { MfaPromptPage } from '../auth/mfa-prompt-page';
import { BillingPage } from '../billing/billing-page';
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
import { ApiError } from '../shared/api/api-error';
import { RequirePermission } from '../shared/permissions';
import { REFERRAL_PERMISSIONS } from '../shared/staff-navigation';
import { NotFoundPage } from './not-found-page';
import { HomeRedirect, RequireSession } from './require-session';
import { SessionGoneRedirect } from './session-gone-redirect';
import { StaffShell } from './staff-shell';

// WCAG 2.1 AA (1.4.3) asks 4.5:1 for text. Mantine's teal buttons and links (shade 6) are 2.55:1 on white and
// its dimmed grey (gray.6) 3.32:1, so the primary shade is Mantine's darkest teal (5.0:1 on white, for links and
// for white text on buttons) and the darkest shade, used for light-variant text such as the active menu
// entry, one step darker still (5.6:1 on teal.1).
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#12b886',
  '#0ca678',
  '#087f5b',
  '#066a4c',
];
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  colors: { teal },
  defaultRadius: 'md',
  // Mantine's close buttons are an icon alone: give each a name (WCAG 4.1.2).
  components: {
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Dismiss' } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A Loader is a bare span: as a status its "Loading …" label is allowed and announced (WCAG 4.1.2).
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});
/** Secondary text at 6.1:1 on white (and above 4.5:1 on Mantine's light grey surfaces); light-variant text. */
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    // Light badges and alerts write shade 9 on shade 1; these three are under 4.5:1 there, so darker text.
    '--mantine-color-yellow-light-color': '#7a4a00',
    '--mantine-color-orange-light-color': '#9a3509',
    '--mantine-color-green-light-color': '#1f6b30',
  },
  dark: {},
});

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
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionGoneRedirect />
          <Routes>
            <Route path="/" element={<HomeRedirect />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/login/mfa" element={<MfaPromptPage />} />
            <Route path="/login/enrol-mfa" element={<MfaEnrolPage />} />
            <Route path="/portal/invite/:token" element={<InvitationPage />} />
            <Route path="/staff-invite/:token" element={<StaffInvitationPage />} />
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
                  <RequirePermission permission="patient.census">
                    <CensusPage />
                  </RequirePermission>
                }
              />
              <Route
                path="/patients/new"
                element={
                  <RequirePermission permission={REFERRAL_PERMISSIONS}>
                    <NewReferralPage />
                  </RequirePermission>
                }
              />
              <Route path="/patients/:patientId" element={<PatientPage />} />
              <Route
                path="/programs"
                element={
                  <RequirePermission permission="operations.read">
                    <ProgramsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="/schedule"
                element={
                  <RequirePermission permission="operations.read">
                    <SchedulePage />
                  </RequirePermission>
                }
              />
              <Route
                path="/schedule/sessions/:sessionId"
                element={
                  <RequirePermission permission="operations.read">
                    <SessionRosterPage />
                  </RequirePermission>
                }
              />
              <Route
                path="/measures"
                element={
                  <RequirePermission permission="measurement.schedule.read">
                    <MeasurementPage />
                  </RequirePermission>
                }
              />
              <Route
                path="/tasks"
                element={
                  <RequirePermission permission="task.mine">
                    <UrgentTasksPage />
                  </RequirePermission>
                }
              />
              <Route
                path="/notes"
                element={
                  <RequirePermission permission="note.queue">
                    <NoteQueuePage />
                  </RequirePermission>
                }
              />
              <Route
                path="/sites/:siteId/group-notes/:groupNoteId"
                element={
                  <RequirePermission permission="note.queue">
                    <GroupNotePage />
                  </RequirePermission>
                }
              />
              <Route
                path="/billing"
                element={
                  <RequirePermission permission="charge.read">
                    <BillingPage />
                  </RequirePermission>
                }
              />
              <Route
                path="/admin/users"
                element={
                  <RequirePermission permission="staff.read">
                    <StaffPage />
                  </RequirePermission>
                }
              />
              <Route
                path="/audit"
                element={
                  <RequirePermission permission="audit.read">
                    <AuditLogPage />
                  </RequirePermission>
                }
              />
              <Route
                path="/break-glass"
                element={
                  <RequirePermission permission="break_glass.review">
                    <BreakGlassReviewPage />
                  </RequirePermission>
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
