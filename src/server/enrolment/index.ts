/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerEnrolmentRoutes, registerTargetStepRoutes } from './enrolment.routes';
export {
  enrolledInProgramOn,
  listEnrolmentsOfPatient,
  membersOnByTrack,
  openProgramsOfPatient,
  trackMembersOn,
} from './enrolment.store';
export { enrolments } from './enrolment.table';
