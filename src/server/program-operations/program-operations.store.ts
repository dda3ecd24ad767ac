import { and, asc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { episodes, levelOfCareChanges } from '../episodes';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { users } from '../platform/db/platform.table';
import { type TrackRow, tracks } from '../tracks';
import {
  attendance,
  curriculumTopics,
  enrolments,
  programSessions,
  trackSchedules,
} from './program-operations.table';

export type SessionRow = typeof programSessions.$inferSelect;
export type EnrolmentRow = typeof enrolments.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;

const activeOn = (date: string) =>
  and(
    sql`${enrolments.startsOn} <= ${date}`,
    or(isNull(enrolments.endsOn), sql`${enrolments.endsOn} >= ${date}`),
  );

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

/** How many members each of `trackIds` holds on a day (the track list's count). */
export async function membersOnByTrack(tx: Tx, trackIds: string[], date: string) {
  if (trackIds.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({ trackId: enrolments.trackId, members: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(inArray(enrolments.trackId, trackIds), activeOn(date)))
    .groupBy(enrolments.trackId);
  return new Map(rows.map((r) => [r.trackId, r.members]));
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
  const [bumped] = await tx
    .update(programSessions)
    .set({ rosterVersion: sql`${programSessions.rosterVersion} + 1` })
    .where(and(eq(programSessions.id, sessionId), eq(programSessions.rosterVersion, version)))
    .returning({ version: programSessions.rosterVersion });
  if (!bumped) return undefined;
  await tx.delete(attendance).where(eq(attendance.sessionId, sessionId));
  if (rows.length > 0) await tx.insert(attendance).values(rows);
  return bumped.version;
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

/**
 * The most members the track holds on any day from `from` on: seats are counted on every day of a new
 * open-ended enrolment, not only its first, so a member enrolled from a later day still holds that seat and
 * one leaving later frees it only from their last day. The peak falls on `from` or on a later start day.
 */
export async function peakMembersFrom(tx: Tx, trackId: string, from: string) {
  // Both drivers (pg, PGlite) answer raw SQL with `rows`.
  const result = (await tx.execute(sql`
    select coalesce(max((
      select count(*)::int from ${enrolments} e
      where e.track_id = ${trackId} and e.starts_on <= d.day and (e.ends_on is null or e.ends_on >= d.day)
    )), 0) as peak
    from (
      select ${from}::date as day
      union
      select starts_on from ${enrolments} where track_id = ${trackId} and starts_on > ${from}::date
    ) d`)) as unknown as { rows: { peak: number | string }[] };
  return Number(result.rows[0]?.peak ?? 0);
}

export async function findEnrolment(tx: Tx, patientId: string, enrolmentId: string) {
  const [row] = await tx
    .select({ enrolment: enrolments, trackName: tracks.name })
    .from(enrolments)
    .innerJoin(tracks, eq(tracks.id, enrolments.trackId))
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.patientId, patientId)));
  return row;
}

/** Saves new target steps if the enrolment is still at `version`; undefined on a lost race. */
export async function updateEnrolmentSteps(
  tx: Tx,
  id: string,
  version: number,
  targetSteps: EnrolmentRow['targetSteps'],
) {
  const [row] = await tx
    .update(enrolments)
    .set({ targetSteps, version: sql`${enrolments.version} + 1` })
    .where(and(eq(enrolments.id, id), eq(enrolments.version, version)))
    .returning();
  return row;
}

/** Level changes a target plan put in the history that have not taken effect yet (a new plan replaces them). */
export async function deletePlannedLevelChanges(tx: Tx, episodeId: string, after: string, reason: string) {
  await tx
    .delete(levelOfCareChanges)
    .where(
      and(
        eq(levelOfCareChanges.episodeId, episodeId),
        eq(levelOfCareChanges.reason, reason),
        sql`${levelOfCareChanges.effectiveOn} > ${after}`,
      ),
    );
}

/** The episode's level history, oldest first. */
export async function levelHistoryOf(tx: Tx, episodeId: string) {
  return tx
    .select()
    .from(levelOfCareChanges)
    .where(eq(levelOfCareChanges.episodeId, episodeId))
    .orderBy(asc(levelOfCareChanges.effectiveOn), asc(levelOfCareChanges.createdAt));
}

// ---- Curriculum

/** The track's topics in order (archived ones left out). */
export async function listCurriculum(tx: Tx, trackId: string) {
  return tx
    .select()
    .from(curriculumTopics)
    .where(and(eq(curriculumTopics.trackId, trackId), isNull(curriculumTopics.archivedAt)))
    .orderBy(asc(curriculumTopics.position));
}

/** Puts the topics in the given order: known ids are renamed and moved, new titles added, the rest archived. */
export async function replaceCurriculum(
  tx: Tx,
  track: TrackRow,
  topics: { id?: string; title: string }[],
  now: Date,
) {
  const kept = new Set(topics.flatMap((t) => (t.id ? [t.id] : [])));
  const current = await listCurriculum(tx, track.id);
  const gone = current.filter((t) => !kept.has(t.id)).map((t) => t.id);
  if (gone.length > 0) {
    await tx.update(curriculumTopics).set({ archivedAt: now }).where(inArray(curriculumTopics.id, gone));
  }
  for (const [position, topic] of topics.entries()) {
    if (topic.id) {
      await tx
        .update(curriculumTopics)
        .set({ position, title: topic.title })
        .where(and(eq(curriculumTopics.id, topic.id), eq(curriculumTopics.trackId, track.id)));
    }
  }
  const added = topics.flatMap((t, position) =>
    t.id
      ? []
      : [
          {
            organizationId: track.organizationId,
            siteId: track.siteId,
            trackId: track.id,
            position,
            title: t.title,
          },
        ],
  );
  if (added.length > 0) await tx.insert(curriculumTopics).values(added);
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
