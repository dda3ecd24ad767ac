import { and, asc, eq, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { enrolments } from '../enrolment';
import { episodes } from '../episodes';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { programSessions, takeRosterVersion } from '../sessions';
import { tracks } from '../tracks';
import { attendance } from './program-operations.table';

export type AttendanceRow = typeof attendance.$inferSelect;

export async function listAttendance(tx: Tx, sessionId: string) {
  return tx
    .select({ row: attendance, givenName: patients.givenName, familyName: patients.familyName })
    .from(attendance)
    .innerJoin(patients, eq(patients.id, attendance.patientId))
    .where(eq(attendance.sessionId, sessionId))
    .orderBy(asc(patients.familyName));
}

/** Replaces the session's roster with `rows` in one statement pair. */
/**
 * Replaces the roster only if it is still at `version`; returns the new version, or undefined when someone
 * saved since. The conditional update also locks the session row, so a second save at once waits, then finds
 * the version moved on (409) instead of colliding on the (session, patient) unique index.
 */
export async function replaceAttendance(
  tx: Tx,
  sessionId: string,
  version: number,
  rows: (typeof attendance.$inferInsert)[],
): Promise<number | undefined> {
  const bumped = await takeRosterVersion(tx, sessionId, version);
  if (bumped === undefined) return undefined;
  await tx.delete(attendance).where(eq(attendance.sessionId, sessionId));
  if (rows.length > 0) await tx.insert(attendance).values(rows);
  return bumped;
}

/** Every enrolment of the program overlapping the week, with the episode's admission day. */
export async function programEnrolmentsInWeek(
  tx: Tx,
  programId: string,
  weekStart: string,
  weekEnd: string,
  patientId?: string,
) {
  return tx
    .select({
      // Only what the ledger reads: at 1,000 members every column parsed shows in the time.
      enrolment: {
        patientId: enrolments.patientId,
        trackId: enrolments.trackId,
        startsOn: enrolments.startsOn,
        endsOn: enrolments.endsOn,
        targetSteps: enrolments.targetSteps,
        medicareCoverage: enrolments.medicareCoverage,
      },
      admittedOn: episodes.admittedOn,
      givenName: patients.givenName,
      familyName: patients.familyName,
    })
    .from(enrolments)
    .innerJoin(episodes, eq(episodes.id, enrolments.episodeId))
    .innerJoin(patients, eq(patients.id, enrolments.patientId))
    .where(
      and(
        eq(enrolments.programId, programId),
        sql`${enrolments.startsOn} <= ${weekEnd}`,
        or(isNull(enrolments.endsOn), sql`${enrolments.endsOn} >= ${weekStart}`),
        patientId ? eq(enrolments.patientId, patientId) : undefined,
        ne(episodes.status, 'discharged'),
      ),
    );
}

/** All sessions of the program in the week with their attendance rows (one query each, grouped by caller). */
export async function programWeek(tx: Tx, programId: string, from: Date, to: Date, patientId?: string) {
  const sessions = await tx
    .select()
    .from(programSessions)
    .where(
      and(
        eq(programSessions.programId, programId),
        gte(programSessions.startsAt, from),
        lt(programSessions.startsAt, to),
      ),
    )
    .orderBy(asc(programSessions.startsAt));
  const ids = sessions.map((s) => s.id);
  const rows =
    ids.length === 0
      ? []
      : await tx
          .select({
            sessionId: attendance.sessionId,
            patientId: attendance.patientId,
            status: attendance.status,
            minutes: attendance.minutes,
          })
          .from(attendance)
          .where(
            and(
              inArray(attendance.sessionId, ids),
              patientId ? eq(attendance.patientId, patientId) : undefined,
            ),
          );
  return { sessions, attendance: rows };
}

/** The patient's sessions from `from` on: their tracks' sessions while enrolled. */
export async function upcomingSessionsOfPatient(tx: Tx, patientId: string, from: Date) {
  return tx
    .select({ session: programSessions, trackName: tracks.name })
    .from(programSessions)
    .innerJoin(enrolments, eq(enrolments.trackId, programSessions.trackId))
    .innerJoin(tracks, eq(tracks.id, programSessions.trackId))
    .innerJoin(episodes, eq(episodes.id, enrolments.episodeId))
    .where(
      and(
        eq(enrolments.patientId, patientId),
        ne(episodes.status, 'discharged'),
        gte(programSessions.endsAt, from),
        sql`${programSessions.localDate} >= ${enrolments.startsOn}`,
        or(isNull(enrolments.endsOn), sql`${programSessions.localDate} <= ${enrolments.endsOn}`),
      ),
    )
    .orderBy(asc(programSessions.startsAt))
    .limit(50);
}

/**
 * The patient's sessions with a topic: their tracks' sessions while enrolled that have started, and any session
 * with their attendance recorded (a make-up in another track, an absence entered ahead), with that attendance.
 */
export async function topicSessionsOfPatient(tx: Tx, programId: string, patientId: string, now: Date) {
  return tx
    .select({ session: programSessions, status: attendance.status })
    .from(programSessions)
    .leftJoin(
      attendance,
      and(eq(attendance.sessionId, programSessions.id), eq(attendance.patientId, patientId)),
    )
    .where(
      and(
        eq(programSessions.programId, programId),
        sql`${programSessions.topic} is not null`,
        or(
          sql`${attendance.id} is not null`,
          and(
            lt(programSessions.startsAt, now),
            sql`exists (select 1 from ${enrolments} e where e.patient_id = ${patientId}
            and e.track_id = ${programSessions.trackId} and e.starts_on <= ${programSessions.localDate}
            and (e.ends_on is null or e.ends_on >= ${programSessions.localDate}))`,
          ),
        ),
      ),
    )
    .orderBy(asc(programSessions.startsAt))
    .limit(2000);
}

/** Coming sessions of the program with a topic, in any track, with the seats left in their track that day. */
export async function comingTopicSessions(tx: Tx, programId: string, from: Date, to: Date) {
  return tx
    .select({
      session: programSessions,
      trackName: tracks.name,
      capacityLeft: sql<number>`${tracks.capacity} - (select count(*)::int from ${enrolments} e
        where e.track_id = ${programSessions.trackId} and e.starts_on <= ${programSessions.localDate}
        and (e.ends_on is null or e.ends_on >= ${programSessions.localDate}))`,
    })
    .from(programSessions)
    .innerJoin(tracks, eq(tracks.id, programSessions.trackId))
    .where(
      and(
        eq(programSessions.programId, programId),
        sql`${programSessions.topic} is not null`,
        isNull(programSessions.cancelledAt),
        gte(programSessions.startsAt, from),
        lt(programSessions.startsAt, to),
      ),
    )
    .orderBy(asc(programSessions.startsAt))
    .limit(1000);
}
