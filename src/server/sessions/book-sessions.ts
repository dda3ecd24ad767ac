import type { Occurrence } from '../../domain/schedule/expand-schedule';
import { assertStaffOfSite } from '../platform/access/staff-references';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { ProgramConfig } from '../programs';
import { findBookingConflict, insertSessions } from './sessions.store';

export type Placement = {
  sessionType: string;
  topic?: string | null;
  facilitatorId?: string | null;
  room?: string | null;
  telehealthUrl?: string | null;
};

/**
 * Checks a booking before sessions are stored: a group needs a topic's licensed facilitator, and neither the
 * facilitator nor the room may already be booked at an overlapping time (409 naming that session).
 */
export async function checkPlacement(
  tx: Tx,
  program: ProgramConfig,
  placement: Placement,
  occurrences: Occurrence[],
) {
  if (placement.facilitatorId) {
    // The facilitator is someone who works at the program's site; a group is led by a licensed clinician.
    await assertStaffOfSite(
      tx,
      program,
      [{ path: 'facilitatorId', userId: placement.facilitatorId }],
      placement.sessionType === 'group_therapy' ? 'licensed_clinician' : 'site_staff',
    );
  } else if (placement.sessionType === 'group_therapy') {
    throw AppError.validation([
      { path: 'facilitatorId', message: 'Group therapy needs a licensed facilitator.' },
    ]);
  }
  const clash = await findBookingConflict(
    tx,
    program.organizationId,
    { facilitatorId: placement.facilitatorId, room: placement.room, siteId: program.siteId },
    occurrences.map((o) => ({
      start: new Date(o.start.epochMilliseconds),
      end: new Date(o.end.epochMilliseconds),
    })),
  );
  if (clash) {
    const who =
      clash.facilitatorId && clash.facilitatorId === placement.facilitatorId ? 'facilitator' : 'room';
    throw AppError.conflict(
      `The ${who} is already booked for session ${clash.id} at an overlapping time.`,
      'double_booked',
      { conflictingSessionId: clash.id, resource: who },
    );
  }
}

/**
 * Stores one session per occurrence (after checkPlacement), each with its curriculum topic when `topicOf`
 * names one (a schedule's rotation, or the one topic of a one-off session).
 */
export async function storeSessions(
  tx: Tx,
  program: ProgramConfig,
  at: { trackId: string | null; scheduleId: string | null },
  placement: Placement,
  occurrences: Occurrence[],
  topicOf?: (i: number) => { id: string; title: string } | undefined,
) {
  return insertSessions(
    tx,
    occurrences.map((o, i) => {
      const topic = topicOf?.(i);
      return {
        organizationId: program.organizationId,
        siteId: program.siteId,
        programId: program.programId,
        trackId: at.trackId,
        scheduleId: at.scheduleId,
        sessionType: placement.sessionType,
        topic: placement.topic ?? null,
        localDate: o.date.toString(),
        startsAt: new Date(o.start.epochMilliseconds),
        endsAt: new Date(o.end.epochMilliseconds),
        minutes: o.minutes,
        facilitatorId: placement.facilitatorId ?? null,
        room: placement.room ?? null,
        telehealthUrl: placement.telehealthUrl ?? null,
        ...(topic ? { topic: topic.title, curriculumTopicId: topic.id } : {}),
      };
    }),
  );
}
