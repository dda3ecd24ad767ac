import type { z } from '@hono/zod-openapi';
import type { Tx } from '../platform/db/database';
import type { PortalSessions } from './dose.schema';
import { upcomingSessionsOfPatient } from './dose.store';
import { patientWeeks } from './patient-weeks';

/** The patient's own upcoming sessions (a cancelled one loses its link) and their hours this week. */
export async function portalSessions(
  tx: Tx,
  patientId: string,
  now: Date,
): Promise<z.infer<typeof PortalSessions>> {
  const upcoming = await upcomingSessionsOfPatient(tx, patientId, now);
  const weeks = await patientWeeks(tx, patientId, null, now);
  return {
    items: upcoming.map(({ session: s, trackName }) => ({
      id: s.id,
      trackName,
      sessionType: s.sessionType,
      topic: s.topic,
      localDate: s.localDate,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      telehealthUrl: s.cancelledAt ? null : s.telehealthUrl,
      room: s.room,
      cancelled: s.cancelledAt !== null,
      cancelReason: s.cancelReason,
      cancelNote: s.cancelNote,
    })),
    thisWeek: weeks.map((w) => ({
      programName: w.programName,
      weekStart: w.weekStart,
      weekEnd: w.weekEnd,
      targetHours: w.targetHours,
      attendedHours: w.dose.attendedHours,
      scheduledHours: w.dose.scheduledHours,
    })),
  };
}
