import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { expandSchedule } from '../../domain/schedule/expand-schedule';
import { topicsForSessions } from '../curriculum';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { loadProgram } from '../programs';
import { findTrack } from '../tracks';
import { checkPlacement, storeSessions } from './book-sessions';
import type { CreateSession } from './sessions.schema';

/** A one-off session (individual, family, medical visit, a make-up group …), in a track of the program or none. */
export async function addOneOffSession(
  tx: Tx,
  at: { siteId: string; programId: string },
  body: z.infer<typeof CreateSession>,
) {
  if (body.endTime <= body.startTime) {
    throw AppError.validation([{ path: 'endTime', message: 'Must be after startTime.' }]);
  }
  const program = await loadProgram(tx, at.siteId, at.programId);
  if (body.curriculumTopicId && !body.trackId) {
    throw AppError.validation([
      { path: 'curriculumTopicId', message: "Needs trackId: the topic comes from the track's curriculum." },
    ]);
  }
  if (body.trackId) {
    const track = await findTrack(tx, at.siteId, body.trackId);
    if (!track || track.programId !== at.programId) {
      throw AppError.validation([{ path: 'trackId', message: 'Must be a track of this program.' }]);
    }
  }
  const day = Temporal.PlainDate.from(body.date);
  const occurrences = expandSchedule(
    {
      timeZone: program.timeZone,
      weekdays: [day.dayOfWeek],
      startTime: body.startTime,
      endTime: body.endTime,
      startsOn: day,
      endsOn: day,
    },
    { from: day, to: day },
  );
  if (occurrences.length === 0) {
    throw AppError.validation([{ path: 'startTime', message: 'This time does not exist on that day.' }]);
  }
  await checkPlacement(tx, program, body, occurrences);
  const topics =
    body.trackId && body.curriculumTopicId
      ? await topicsForSessions(tx, body.trackId, body, occurrences.length)
      : null;
  const [row] = await storeSessions(
    tx,
    program,
    { trackId: body.trackId ?? null, scheduleId: null },
    body,
    occurrences,
    () => topics?.[0],
  );
  return row!;
}
