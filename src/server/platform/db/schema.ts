/** The one drizzle schema, used on both stores. drizzle-kit reads the *.table.ts files directly. */
export * from '../../assessments/assessments.table';
export * from '../../discharges/discharges.table';
export * from '../../episodes/episodes.table';
export * from '../../measurement/measurement.table';
export * from '../../notes/notes.table';
export * from '../../patients/patients.table';
export * from '../../program-operations/program-operations.table';
export * from '../../referrals/referrals.table';
export * from '../../treatment-plans/treatment-plans.table';
export * from './platform.table';
