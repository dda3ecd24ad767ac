import { registerAssessmentRoutes } from './assessments/assessments.routes';
import { registerAuditRoutes } from './audit-log/audit-log.routes';
import { registerBreakGlassReviewRoutes } from './break-glass/break-glass-review.routes';
import { registerCurriculumRoutes } from './curriculum/curriculum.routes';
import { registerDischargeRoutes } from './discharges/discharges.routes';
import { membersOnByTrack } from './enrolment';
import { registerEnrolmentRoutes, registerTargetStepRoutes } from './enrolment/enrolment.routes';
import { applyPlannedLevelChangesJob, findEpisode } from './episodes';
import { registerEpisodeRoutes } from './episodes/episodes.routes';
import { registerGroupNoteRoutes } from './group-notes/group-notes.routes';
import { registerMeasurementRoutes } from './measurement/measurement.routes';
import { registerNoteRoutes } from './notes/notes.routes';
import { registerPsychotherapyNoteRoutes } from './notes/psychotherapy-notes.routes';
import { registerPatientRoutes } from './patients/patients.routes';
import type { App, Deps } from './platform/http/app-env';
import { createHttpApp, type MountRoutes } from './platform/http/create-app';
import type { JobDefinition } from './platform/jobs/jobs';
import { registerPortalRoutes } from './portal/portal.routes';
import { registerProgramOperationRoutes } from './program-operations/program-operations.routes';
import { registerProgramSettingsRoutes } from './programs/program-settings.routes';
import { registerProgramRoutes } from './programs/programs.routes';
import { registerReferralRoutes } from './referrals/referrals.routes';
import { registerSessionRoutes } from './sessions/sessions.routes';
import { registerAuthRoutes } from './sign-in/sign-in.routes';
import { registerSiteRoutes } from './sites/sites.routes';
import { registerTrackRoutes } from './tracks/tracks.routes';
import { registerTreatmentPlanRoutes } from './treatment-plans/treatment-plans.routes';

/**
 * The composition root: the one place that knows every feature. Platform code (src/server/platform) imports
 * none of them; each feature's routes are mounted here, in the order the OpenAPI document lists them.
 */
export const FEATURE_ROUTES: MountRoutes[] = [
  registerAuthRoutes,
  registerSiteRoutes,
  registerPatientRoutes,
  registerPortalRoutes,
  registerProgramRoutes,
  registerProgramSettingsRoutes,
  (app) => registerTrackRoutes(app, { membersOn: membersOnByTrack }),
  registerSessionRoutes,
  registerEnrolmentRoutes,
  registerProgramOperationRoutes,
  registerCurriculumRoutes,
  registerTargetStepRoutes,
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
];

export function createApp(deps: Deps): App {
  return createHttpApp(deps, FEATURE_ROUTES);
}

/** The background jobs the server runs (main.ts starts them unless OPENIOP_JOBS=off). */
export const FEATURE_JOBS: JobDefinition[] = [applyPlannedLevelChangesJob];
