import { asc, eq } from 'drizzle-orm';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { takeRosterVersion } from '../sessions';
import { attendance } from './attendance.table';

export type AttendanceRow = typeof attendance.$inferSelect;

export async function listAttendance(tx: Tx, sessionId: string) {
  return tx
    .select({ row: attendance, givenName: patients.givenName, familyName: patients.familyName })
    .from(attendance)
    .innerJoin(patients, eq(patients.id, attendance.patientId))
    .where(eq(attendance.sessionId, sessionId))
    .orderBy(asc(patients.familyName));
}

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
