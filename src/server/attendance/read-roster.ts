import type { z } from '@hono/zod-openapi';
import { trackMembersOn } from '../enrolment';
import type { Tx } from '../platform/db/database';
import { type SessionRow, sessionJson } from '../sessions';
import type { Roster } from './attendance.schema';
import { listAttendance } from './attendance.store';
import type { AttendanceInput } from './attendance-values';

/** Fewer members than this attending is not a group (SAMHSA TIP 41, Substance Abuse Treatment: Group Therapy). */
const MINIMUM_GROUP_SIZE = 3;

/** A session's roster: the track's members that day (and anyone else recorded), with their attendance. */
export async function readRoster(tx: Tx, session: SessionRow): Promise<z.infer<typeof Roster>> {
  const members = session.trackId ? await trackMembersOn(tx, session.trackId, session.localDate) : [];
  const recorded = await listAttendance(tx, session.id);
  const byPatient = new Map(recorded.map((r) => [r.row.patientId, r]));
  const list = members.map(({ email: _email, ...m }) => ({ ...m, enrolled: true }));
  for (const r of recorded) {
    if (!members.some((m) => m.patientId === r.row.patientId)) {
      list.push({
        patientId: r.row.patientId,
        givenName: r.givenName,
        familyName: r.familyName,
        enrolled: false,
      });
    }
  }
  const attendees = recorded.filter((r) => r.row.status !== 'excused' && r.row.status !== 'unexcused').length;
  return {
    session: sessionJson(session),
    members: list.map((m) => {
      const a = byPatient.get(m.patientId)?.row;
      return {
        ...m,
        attendance: a
          ? {
              status: a.status as AttendanceInput['status'],
              minutes: a.minutes,
              arrivedAt: a.arrivedAt?.toISOString() ?? null,
              leftAt: a.leftAt?.toISOString() ?? null,
              absenceReason: a.absenceReason,
            }
          : null,
      };
    }),
    attendees,
    belowMinimumGroupSize: recorded.length > 0 && attendees < MINIMUM_GROUP_SIZE,
    version: session.rosterVersion,
  };
}
