import { reference } from '../platform/db/columns';
import { siteRecordColumns } from '../platform/db/scope-columns';
import { patients } from './patients.table';

/**
 * The columns every table of patient data starts with: a UUID key and the organization, site and patient the
 * row belongs to (the access guard and the audit log work from these). Fresh builders for each table.
 */
export function patientRecordColumns() {
  return { ...siteRecordColumns(), patientId: reference('patient_id', () => patients.id).notNull() };
}
