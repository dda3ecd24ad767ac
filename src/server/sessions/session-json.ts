import type { z } from '@hono/zod-openapi';
import type { Session } from './sessions.schema';
import type { SessionRow } from './sessions.store';

/** A stored session as the API shows it. */
export const sessionJson = (
  s: SessionRow,
  facilitatorName: string | null = null,
): z.infer<typeof Session> => ({
  id: s.id,
  programId: s.programId,
  trackId: s.trackId,
  scheduleId: s.scheduleId,
  sessionType: s.sessionType as z.infer<typeof Session>['sessionType'],
  topic: s.topic,
  curriculumTopicId: s.curriculumTopicId,
  localDate: s.localDate,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  minutes: s.minutes,
  facilitatorId: s.facilitatorId,
  facilitatorName,
  room: s.room,
  telehealthUrl: s.telehealthUrl,
  cancelled: s.cancelledAt !== null,
  cancelReason: s.cancelReason,
  cancelNote: s.cancelNote,
});
