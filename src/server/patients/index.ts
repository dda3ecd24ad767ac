/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { patientJson } from './patient-json';
export { patientRecordColumns } from './patient-record-columns';
export { registerPatientRoutes } from './patients.routes';
export { Patient, PlainDateString } from './patients.schema';
export { getPatient } from './patients.store';
export { patients } from './patients.table';
