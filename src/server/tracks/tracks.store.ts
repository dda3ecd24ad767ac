import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { tracks } from './tracks.table';

export type TrackRow = typeof tracks.$inferSelect;

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

/** The program's tracks by name. */
export async function listTracks(tx: Tx, programId: string) {
  return tx.select().from(tracks).where(eq(tracks.programId, programId)).orderBy(asc(tracks.name)).limit(200);
}

/** Takes the curriculum's version (If-Match); false when someone else saved it first. */
export async function takeCurriculumVersion(tx: Tx, trackId: string, version: number) {
  const rows = await tx
    .update(tracks)
    .set({ curriculumVersion: sql`${tracks.curriculumVersion} + 1` })
    .where(and(eq(tracks.id, trackId), eq(tracks.curriculumVersion, version)))
    .returning({ id: tracks.id });
  return rows.length > 0;
}
