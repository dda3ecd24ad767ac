/** Every table of the app, for drizzle-kit's migrations (drizzle.config.ts). Features keep their tables private. */
export * from './assessments/assessments.table';
export * from './attendance/attendance.table';
export * from './coverages/coverages.table';
export * from './curriculum/curriculum.table';
export * from './discharges/discharges.table';
export * from './enrolment/enrolment.table';
export * from './episodes/episodes.table';
export * from './measurement/measurement.table';
export * from './notes/notes.table';
export * from './patients/patients.table';
export * from './platform/db/platform.table';
export * from './programs/programs.table';
export * from './psychotherapy-notes/psychotherapy-notes.table';
export * from './referrals/referrals.table';
export * from './sessions/sessions.table';
export * from './tracks/tracks.table';
export * from './treatment-plans/treatment-plans.table';
