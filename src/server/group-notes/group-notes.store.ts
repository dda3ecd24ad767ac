import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { attendance } from '../attendance';
import { enrolments } from '../enrolment';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import type { programSessions } from '../sessions';

/**
 * Members present at a session (present, late or left early) with their minutes and the episode of their
 * enrolment in the session's program that day, in roster order.
 */
export async function presentMembers(tx: Tx, session: typeof programSessions.$inferSelect) {
  return tx
    .select({
      patientId: attendance.patientId,
      status: attendance.status,
      minutes: attendance.minutes,
      episodeId: enrolments.episodeId,
    })
    .from(attendance)
    .innerJoin(patients, eq(patients.id, attendance.patientId))
    .innerJoin(
      enrolments,
      and(
        eq(enrolments.patientId, attendance.patientId),
        eq(enrolments.programId, session.programId),
        sql`${enrolments.startsOn} <= ${session.localDate}`,
        sql`(${enrolments.endsOn} is null or ${enrolments.endsOn} >= ${session.localDate})`,
      ),
    )
    .where(
      and(
        eq(attendance.sessionId, session.id),
        inArray(attendance.status, ['present', 'late', 'left_early']),
      ),
    )
    .orderBy(asc(patients.familyName), asc(patients.givenName), asc(patients.id));
}
