import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { expandSchedule } from '../../domain/schedule/expand-schedule';
import { topicsForSessions } from '../curriculum';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { readPatientRecord } from '../platform/http/route-wrappers';
import { loadProgram } from '../programs';
import { findTrack } from '../tracks';
import { checkPlacement, storeSessions } from './book-sessions';
import type { CreateSchedule } from './sessions.schema';
import { insertSchedule } from './sessions.store';

/** Sessions in one request: a year of a five-day schedule, with room to spare. */
const MAX_SESSIONS_PER_SCHEDULE = 400;

/**
 * A track's recurring week, expanded in the program's zone (across DST changes) into stored sessions, each
 * checked for a double-booked facilitator or room, with the curriculum's topics when the request names them.
 */
export async function scheduleTrack(
  tx: Tx,
  at: { siteId: string; trackId: string; userId: string },
  body: z.infer<typeof CreateSchedule>,
) {
  if (body.endTime <= body.startTime) {
    throw AppError.validation([{ path: 'endTime', message: 'Must be after startTime.' }]);
  }
  if (body.endsOn < body.startsOn) {
    throw AppError.validation([{ path: 'endsOn', message: 'Must be on or after startsOn.' }]);
  }
  const track = await readPatientRecord(findTrack(tx, at.siteId, at.trackId), 'The track');
  const program = await loadProgram(tx, at.siteId, track.programId);
  const startsOn = Temporal.PlainDate.from(body.startsOn);
  const endsOn = Temporal.PlainDate.from(body.endsOn);
  const occurrences = expandSchedule(
    {
      timeZone: program.timeZone,
      weekdays: body.weekdays,
      startTime: body.startTime,
      endTime: body.endTime,
      startsOn,
      endsOn,
    },
    { from: startsOn, to: endsOn },
  );
  if (occurrences.length === 0) {
    throw AppError.validation([
      { path: 'weekdays', message: 'The schedule yields no sessions between startsOn and endsOn.' },
    ]);
  }
  if (occurrences.length > MAX_SESSIONS_PER_SCHEDULE) {
    throw AppError.validation([
      { path: 'endsOn', message: `At most ${MAX_SESSIONS_PER_SCHEDULE} sessions per schedule.` },
    ]);
  }
  await checkPlacement(tx, program, body, occurrences);
  const topics = await topicsForSessions(tx, at.trackId, body, occurrences.length);
  const schedule = await insertSchedule(tx, {
    organizationId: program.organizationId,
    siteId: at.siteId,
    trackId: at.trackId,
    weekdays: body.weekdays,
    startTime: body.startTime,
    endTime: body.endTime,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    timeZone: program.timeZone,
    sessionType: body.sessionType,
    topic: body.topic ?? null,
    curriculumTopicId: body.curriculumTopicId ?? null,
    rotatesCurriculum: body.rotateCurriculum ?? false,
    facilitatorId: body.facilitatorId ?? null,
    room: body.room ?? null,
    telehealthUrl: body.telehealthUrl ?? null,
    createdBy: at.userId,
  });
  const sessions = await storeSessions(
    tx,
    program,
    { trackId: at.trackId, scheduleId: schedule.id },
    body,
    occurrences,
    (i) => topics?.[i],
  );
  return { schedule, sessions };
}
