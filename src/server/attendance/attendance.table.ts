import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { patients } from '../patients';
import { instant, reference } from '../platform/db/columns';
import { users } from '../platform/db/platform.table';
import { siteRecordColumns } from '../platform/db/scope-columns';
import { programSessions } from '../sessions';

/** One member's attendance at one session, in minutes. */
export const attendance = pgTable(
  'attendance',
  {
    ...siteRecordColumns(),
    sessionId: reference('session_id', () => programSessions.id).notNull(),
    patientId: reference('patient_id', () => patients.id).notNull(),
    status: text('status').notNull(),
    minutes: integer('minutes').notNull(),
    arrivedAt: instant('arrived_at'),
    leftAt: instant('left_at'),
    absenceReason: text('absence_reason'),
    recordedBy: reference('recorded_by', () => users.id).notNull(),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attendance_session_patient_unique').on(t.sessionId, t.patientId),
    index('attendance_patient_idx').on(t.patientId),
  ],
);
