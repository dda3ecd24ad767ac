import { uuid } from 'drizzle-orm/pg-core';
import { organizationAndSiteColumns } from '../platform/db/scope-columns';
import { patients } from './patients.table';

/**
 * The columns every table of patient data starts with: a UUID key and the organization, site and patient the
 * row belongs to (the access guard and the audit log work from these). Fresh builders for each table.
 */
export function patientRecordColumns() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    ...organizationAndSiteColumns(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
  };
}
