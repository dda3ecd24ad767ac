import type { z } from '@hono/zod-openapi';
import { AppError } from '../platform/errors';
import type { SessionRow } from '../sessions';
import type { SaveAttendance } from './attendance.schema';

/** Minutes beyond a session's length that attendance may claim (early arrival, overrun). */
export const ATTENDANCE_SLACK_MINUTES = 60;

export type AttendanceInput = z.infer<typeof SaveAttendance>['rows'][number];

/** One roster row as stored; minutes come from arrival and departure when not typed, absences are 0. */
export function attendanceValues(session: SessionRow, r: AttendanceInput, i: number, userId: string) {
  const absent = r.status === 'excused' || r.status === 'unexcused';
  const arrived = r.arrivedAt ? new Date(r.arrivedAt) : null;
  const left = r.leftAt ? new Date(r.leftAt) : null;
  if (arrived && left && left <= arrived) {
    throw AppError.validation([{ path: `rows.${i}.leftAt`, message: 'Must be after arrivedAt.' }]);
  }
  let minutes = r.minutes;
  if (minutes === undefined) {
    if (absent) minutes = 0;
    else if (arrived || left) {
      const from = arrived ?? session.startsAt;
      const to = left ?? session.endsAt;
      minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
    } else minutes = session.minutes;
  }
  const limit = session.minutes + ATTENDANCE_SLACK_MINUTES;
  if (minutes > limit) {
    const field = r.minutes !== undefined ? 'minutes' : 'leftAt';
    throw AppError.validation([
      { path: `rows.${i}.${field}`, message: `Must be at most ${limit} minutes (session length + 60).` },
    ]);
  }
  return {
    organizationId: session.organizationId,
    siteId: session.siteId,
    sessionId: session.id,
    patientId: r.patientId,
    status: r.status,
    minutes: absent ? 0 : minutes,
    arrivedAt: arrived,
    leftAt: left,
    absenceReason: absent ? (r.absenceReason ?? null) : null,
    recordedBy: userId,
  };
}
