import { and, asc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { episodes } from '../episodes/episodes.table';
import { patients } from '../patients/patients.table';
import type { Tx } from '../platform/db/database';
import { programs, sites, users } from '../platform/db/platform.table';
import {
  attendance,
  enrolments,
  programSessions,
  programSettings,
  trackSchedules,
  tracks,
} from './program-operations.table';

export type TrackRow = typeof tracks.$inferSelect;
export type SessionRow = typeof programSessions.$inferSelect;
export type EnrolmentRow = typeof enrolments.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;

/** A program of the site with its settings (null until first saved) and its site's zone as the fallback. */
export async function findProgram(tx: Tx, siteId: string, programId: string) {
  const [row] = await tx
    .select({ program: programs, settings: programSettings, siteTimeZone: sites.timeZone })
    .from(programs)
    .innerJoin(sites, eq(sites.id, programs.siteId))
    .leftJoin(programSettings, eq(programSettings.programId, programs.id))
    .where(and(eq(programs.id, programId), eq(programs.siteId, siteId)));
  return row;
}

export async function saveSettings(tx: Tx, values: typeof programSettings.$inferInsert) {
  const [row] = await tx
    .insert(programSettings)
    .values(values)
    .onConflictDoUpdate({ target: programSettings.programId, set: { ...values } })
    .returning();
  return row!;
}

export async function insertTrack(tx: Tx, values: typeof tracks.$inferInsert) {
  const [row] = await tx.insert(tracks).values(values).returning();
  return row!;
}

export async function findTrack(tx: Tx, siteId: string, trackId: string) {
  const [row] = await tx
    .select()
    .from(tracks)
    .where(and(eq(tracks.id, trackId), eq(tracks.siteId, siteId)));
  return row;
}

/** Locks the track row so concurrent enrolments into it count seats one at a time. */
export async function lockTrack(tx: Tx, trackId: string) {
  const [row] = await tx.select().from(tracks).where(eq(tracks.id, trackId)).for('update');
  return row;
}

/** Members enrolled on `date` (their enrolment has started and not ended). */
export async function countMembersOn(tx: Tx, trackId: string, date: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(eq(enrolments.trackId, trackId), activeOn(date)));
  return row?.n ?? 0;
}

const activeOn = (date: string) =>
  and(
    sql`${enrolments.startsOn} <= ${date}`,
    or(isNull(enrolments.endsOn), sql`${enrolments.endsOn} >= ${date}`),
  );

export async function listTracks(tx: Tx, programId: string, today: string) {
  return tx
    .select({
      track: tracks,
      // Written out as "tracks"."id": drizzle renders ${tracks.id} unqualified here, which binds to e.id.
      members: sql<number>`(select count(*)::int from ${enrolments} e where e.track_id = "tracks"."id"
        and e.starts_on <= ${today} and (e.ends_on is null or e.ends_on >= ${today}))`,
    })
    .from(tracks)
    .where(eq(tracks.programId, programId))
    .orderBy(asc(tracks.name))
    .limit(200);
}

export async function findStaff(tx: Tx, organizationId: string, userId: string) {
  const [row] = await tx
    .select({ id: users.id, licensed: users.licensed, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
  return row;
}

export async function insertSchedule(tx: Tx, values: typeof trackSchedules.$inferInsert) {
  const [row] = await tx.insert(trackSchedules).values(values).returning();
  return row!;
}

export async function insertSessions(tx: Tx, values: (typeof programSessions.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(programSessions).values(values).returning();
}

/** The first live session booking the facilitator or room at a time overlapping one of `intervals`. */
export async function findBookingConflict(
  tx: Tx,
  organizationId: string,
  who: { facilitatorId?: string | null; room?: string | null; siteId: string },
  intervals: { start: Date; end: Date }[],
) {
  const holders: SQL[] = [];
  if (who.facilitatorId) holders.push(eq(programSessions.facilitatorId, who.facilitatorId));
  if (who.room)
    holders.push(and(eq(programSessions.siteId, who.siteId), eq(programSessions.room, who.room))!);
  if (holders.length === 0 || intervals.length === 0) return undefined;
  const from = new Date(Math.min(...intervals.map((i) => i.start.getTime())));
  const to = new Date(Math.max(...intervals.map((i) => i.end.getTime())));
  const candidates = await tx
    .select()
    .from(programSessions)
    .where(
      and(
        eq(programSessions.organizationId, organizationId),
        isNull(programSessions.cancelledAt),
        lt(programSessions.startsAt, to),
        sql`${programSessions.endsAt} > ${from}`,
        or(...holders),
      ),
    )
    .orderBy(asc(programSessions.startsAt));
  return candidates.find((s) => intervals.some((i) => s.startsAt < i.end && s.endsAt > i.start));
}

export async function listSessions(tx: Tx, programId: string, from: Date, to: Date, trackId?: string) {
  return tx
    .select({ session: programSessions, facilitatorName: users.displayName })
    .from(programSessions)
    .leftJoin(users, eq(users.id, programSessions.facilitatorId))
    .where(
      and(
        eq(programSessions.programId, programId),
        gte(programSessions.startsAt, from),
        lt(programSessions.startsAt, to),
        trackId ? eq(programSessions.trackId, trackId) : undefined,
      ),
    )
    .orderBy(asc(programSessions.startsAt))
    .limit(1000);
}

export async function findSession(tx: Tx, siteId: string, sessionId: string) {
  const [row] = await tx
    .select()
    .from(programSessions)
    .where(and(eq(programSessions.id, sessionId), eq(programSessions.siteId, siteId)));
  return row;
}

export async function cancelSession(
  tx: Tx,
  sessionId: string,
  change: { cancelledAt: Date; cancelReason: string; cancelNote: string | null },
) {
  const [row] = await tx
    .update(programSessions)
    .set(change)
    .where(and(eq(programSessions.id, sessionId), isNull(programSessions.cancelledAt)))
    .returning();
  return row;
}

/** The open episodes' enrolments of the patient (any track), newest first. */
export async function listEnrolmentsOfPatient(tx: Tx, patientId: string) {
  return tx
    .select({ enrolment: enrolments, trackName: tracks.name })
    .from(enrolments)
    .innerJoin(tracks, eq(tracks.id, enrolments.trackId))
    .where(eq(enrolments.patientId, patientId))
    .orderBy(sql`${enrolments.startsOn} desc`, sql`${enrolments.createdAt} desc`)
    .limit(200);
}

export async function findEpisode(tx: Tx, patientId: string, episodeId: string) {
  const [row] = await tx
    .select()
    .from(episodes)
    .where(and(eq(episodes.id, episodeId), eq(episodes.patientId, patientId)));
  return row;
}

/** The episode's enrolment running on `date` (there is at most one). */
export async function currentEnrolmentOfEpisode(tx: Tx, episodeId: string, date: string) {
  const [row] = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.episodeId, episodeId), activeOn(date)));
  return row;
}

export async function insertEnrolment(tx: Tx, values: typeof enrolments.$inferInsert) {
  const [row] = await tx.insert(enrolments).values(values).returning();
  return row!;
}

export async function endEnrolment(tx: Tx, id: string, endsOn: string) {
  await tx.update(enrolments).set({ endsOn }).where(eq(enrolments.id, id));
}

/** The members of a track on a day, with their names (the roster). */
export async function trackMembersOn(tx: Tx, trackId: string, date: string) {
  return tx
    .select({
      patientId: enrolments.patientId,
      givenName: patients.givenName,
      familyName: patients.familyName,
      email: patients.email,
    })
    .from(enrolments)
    .innerJoin(patients, eq(patients.id, enrolments.patientId))
    .where(and(eq(enrolments.trackId, trackId), activeOn(date)))
    .orderBy(asc(patients.familyName), asc(patients.givenName));
}

/** Which of `patientIds` are enrolled in any track of the program on `date` (make-up attendance counts). */
export async function enrolledInProgramOn(tx: Tx, programId: string, patientIds: string[], date: string) {
  if (patientIds.length === 0) return new Set<string>();
  const rows = await tx
    .select({ patientId: enrolments.patientId })
    .from(enrolments)
    .where(
      and(eq(enrolments.programId, programId), inArray(enrolments.patientId, patientIds), activeOn(date)),
    );
  return new Set(rows.map((r) => r.patientId));
}

export async function listAttendance(tx: Tx, sessionId: string) {
  return tx
    .select({ row: attendance, givenName: patients.givenName, familyName: patients.familyName })
    .from(attendance)
    .innerJoin(patients, eq(patients.id, attendance.patientId))
    .where(eq(attendance.sessionId, sessionId))
    .orderBy(asc(patients.familyName));
}

/** Replaces the session's roster with `rows` in one statement pair. */
export async function replaceAttendance(tx: Tx, sessionId: string, rows: (typeof attendance.$inferInsert)[]) {
  await tx.delete(attendance).where(eq(attendance.sessionId, sessionId));
  if (rows.length > 0) await tx.insert(attendance).values(rows);
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
      enrolment: enrolments,
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
          .select()
          .from(attendance)
          .where(
            and(
              inArray(attendance.sessionId, ids),
              patientId ? eq(attendance.patientId, patientId) : undefined,
            ),
          );
  return { sessions, attendance: rows };
}

/** The patient's open episode enrolments' programs (the portal and the dose read start here). */
export async function openProgramsOfPatient(tx: Tx, patientId: string) {
  return tx
    .selectDistinct({ programId: enrolments.programId, siteId: enrolments.siteId })
    .from(enrolments)
    .innerJoin(episodes, eq(episodes.id, enrolments.episodeId))
    .where(and(eq(enrolments.patientId, patientId), ne(episodes.status, 'discharged')));
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
