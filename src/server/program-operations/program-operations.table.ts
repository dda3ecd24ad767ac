import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { patients } from '../patients';
import { instant } from '../platform/db/columns';
import { users } from '../platform/db/platform.table';
import { organizationAndSiteColumns } from '../platform/db/scope-columns';
import { programSessions } from '../sessions';

/** One member's attendance at one session, in minutes. */
export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...organizationAndSiteColumns(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programSessions.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    status: text('status').notNull(),
    minutes: integer('minutes').notNull(),
    arrivedAt: instant('arrived_at'),
    leftAt: instant('left_at'),
    absenceReason: text('absence_reason'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attendance_session_patient_unique').on(t.sessionId, t.patientId),
    index('attendance_patient_idx').on(t.patientId),
  ],
);
