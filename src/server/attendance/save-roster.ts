import { enrolledInProgramOn } from '../enrolment';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { readPatientRecord } from '../platform/http/route-wrappers';
import { staleVersion } from '../platform/http/versioning';
import { findSession } from '../sessions';
import { replaceAttendance } from './attendance.store';
import { type AttendanceInput, attendanceValues } from './attendance-values';
import { readRoster } from './read-roster';

/**
 * Saves a session's whole roster at the version the client read (replacing what was recorded). Every row is
 * a member enrolled in the program that day (a make-up from another track counts), each once.
 */
export async function saveRoster(
  tx: Tx,
  at: { siteId: string; sessionId: string; version: number; userId: string },
  rows: AttendanceInput[],
) {
  const session = await readPatientRecord(findSession(tx, at.siteId, at.sessionId), 'The session');
  if (session.cancelledAt) throw AppError.conflict('The session was cancelled.', 'session_cancelled');
  const values = rows.map((r, i) => attendanceValues(session, r, i, at.userId));
  const ids = rows.map((r) => r.patientId);
  const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (duplicate >= 0) {
    throw AppError.validation([{ path: `rows.${duplicate}.patientId`, message: 'Appears twice.' }]);
  }
  const enrolled = await enrolledInProgramOn(tx, session.programId, ids, session.localDate);
  const stranger = ids.findIndex((id) => !enrolled.has(id));
  if (stranger >= 0) {
    throw AppError.validation([
      { path: `rows.${stranger}.patientId`, message: 'Is not enrolled in this program on the session day.' },
    ]);
  }
  // Attendance feeds the dose ledger and billing: a save made from a stale roster must not erase another's.
  const saved = await replaceAttendance(tx, at.sessionId, at.version, values);
  if (saved === undefined) {
    const current = await findSession(tx, at.siteId, at.sessionId);
    throw staleVersion(current?.rosterVersion ?? at.version);
  }
  return readRoster(tx, { ...session, rosterVersion: saved });
}
