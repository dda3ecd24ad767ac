import { registerAssessmentRoutes } from './assessments';
import { registerAttendanceRoutes } from './attendance';
import { registerAuditRoutes } from './audit-log';
import {
  registerAuthorizationRoutes,
  registerChargeRoutes,
  registerFeeScheduleRoutes,
  registerMedicareCertificationRoutes,
} from './billing';
import { registerBillingReportRoutes } from './billing-reports';
import { registerBreakGlassReviewRoutes } from './break-glass';
import { registerClaimRoutes, registerRemittanceRoutes } from './claims';
import { registerCoverageRoutes } from './coverages';
import { registerCurriculumRoutes } from './curriculum';
import { registerDischargeRoutes } from './discharges';
import { registerDoseRoutes, registerMemberTopicRoutes, registerPortalSessionRoutes } from './dose';
import { membersOnByTrack, registerEnrolmentRoutes, registerTargetStepRoutes } from './enrolment';
import { applyPlannedLevelChangesJob, findEpisode, registerEpisodeRoutes } from './episodes';
import { registerGroupNoteRoutes } from './group-notes';
import { registerMeasurementRoutes } from './measurement';
import { registerNoteRoutes } from './notes';
import { registerPatientRoutes } from './patients';
import type { App, Deps } from './platform/http/app-env';
import { createHttpApp, type MountRoutes } from './platform/http/create-app';
import type { JobDefinition } from './platform/jobs/jobs';
import { registerPortalRoutes } from './portal';
import { registerProgramRoutes, registerProgramSettingsRoutes } from './programs';
import { registerPsychotherapyNoteRoutes } from './psychotherapy-notes';
import { registerReferralRoutes } from './referrals';
import { registerSessionRoutes } from './sessions';
import { registerAuthRoutes } from './sign-in';
import { registerSiteRoutes } from './sites';
import { registerStaffRoutes } from './staff';
import { registerTrackRoutes } from './tracks';
import { registerTreatmentPlanRoutes } from './treatment-plans';

/**
 * The composition root: the one place that knows every feature. Platform code (src/server/platform) imports
 * none of them; each feature's routes are mounted here, in the order the OpenAPI document lists them.
 */
export const FEATURE_ROUTES: MountRoutes[] = [
  registerAuthRoutes,
  registerSiteRoutes,
  registerStaffRoutes,
  registerPatientRoutes,
  registerPortalRoutes,
  registerProgramRoutes,
  registerProgramSettingsRoutes,
  (app) => registerTrackRoutes(app, { membersOn: membersOnByTrack }),
  registerSessionRoutes,
  registerEnrolmentRoutes,
  registerAttendanceRoutes,
  registerDoseRoutes,
  registerCurriculumRoutes,
  registerMemberTopicRoutes,
  registerTargetStepRoutes,
  registerPortalSessionRoutes,
  registerReferralRoutes,
  (app) =>
    registerAssessmentRoutes(app, {
      isEpisodeOfPatient: async (tx, patientId, episodeId) => !!(await findEpisode(tx, patientId, episodeId)),
    }),
  registerEpisodeRoutes,
  registerTreatmentPlanRoutes,
  registerDischargeRoutes,
  registerNoteRoutes,
  registerGroupNoteRoutes,
  registerPsychotherapyNoteRoutes,
  registerMeasurementRoutes,
  registerAuditRoutes,
  registerBreakGlassReviewRoutes,
  registerCoverageRoutes,
  registerAuthorizationRoutes,
  registerChargeRoutes,
  registerFeeScheduleRoutes,
  registerMedicareCertificationRoutes,
  registerClaimRoutes,
  registerRemittanceRoutes,
  registerBillingReportRoutes,
];

export function createApp(deps: Deps): App {
  return createHttpApp(deps, FEATURE_ROUTES);
}

/** The background jobs the server runs (main.ts starts them unless OPENIOP_JOBS=off). */
export const FEATURE_JOBS: JobDefinition[] = [applyPlannedLevelChangesJob];
