import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { episodes } from '../episodes';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { tracks } from '../tracks';
import { enrolments } from './enrolment.table';

export type EnrolmentRow = typeof enrolments.$inferSelect;

const activeOn = (date: string) =>
  and(
    sql`${enrolments.startsOn} <= ${date}`,
    or(isNull(enrolments.endsOn), sql`${enrolments.endsOn} >= ${date}`),
  );

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

export async function findEpisodeOfPatient(tx: Tx, patientId: string, episodeId: string) {
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

/** The patient's open episode enrolments' programs (the portal and the dose read start here). */
export async function openProgramsOfPatient(tx: Tx, patientId: string) {
  return tx
    .selectDistinct({ programId: enrolments.programId, siteId: enrolments.siteId })
    .from(enrolments)
    .innerJoin(episodes, eq(episodes.id, enrolments.episodeId))
    .where(and(eq(enrolments.patientId, patientId), ne(episodes.status, 'discharged')));
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
