import { z } from '@hono/zod-openapi';
import { webLink } from '../platform/http/safe-text';
import { CalendarDay as Day } from '../programs';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Must be a time, HH:MM (24 h).');

export const SESSION_TYPES = [
  'group_therapy',
  'individual',
  'family',
  'medical_visit',
  'nursing_check',
  'psychiatry',
  'drug_test',
] as const;
const Placement = {
  sessionType: z.enum(SESSION_TYPES),
  topic: z.string().trim().max(200).nullable().optional(),
  facilitatorId: z.uuid().nullable().optional(),
  room: z.string().trim().max(80).nullable().optional(),
  telehealthUrl: webLink(500).nullable().optional(),
  startTime: Clock,
  endTime: Clock,
};

export const CreateSchedule = z
  .strictObject({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    startsOn: Day,
    endsOn: Day,
    ...Placement,
    /** A topic of the track's curriculum for every session, or where the rotation starts. */
    curriculumTopicId: z.uuid().nullable().optional(),
    /** Each session takes the next topic of the track's curriculum, starting again after the last. */
    rotateCurriculum: z.boolean().optional(),
  })
  .openapi('CreateSchedule');

export const CreateSession = z
  .strictObject({
    trackId: z.uuid().nullable().optional(),
    date: Day,
    ...Placement,
    /** A topic of the track's curriculum (the session then covers it). */
    curriculumTopicId: z.uuid().nullable().optional(),
  })
  .openapi('CreateSession');

export const Session = z
  .object({
    id: z.string(),
    programId: z.string(),
    trackId: z.string().nullable(),
    scheduleId: z.string().nullable(),
    sessionType: z.enum(SESSION_TYPES),
    topic: z.string().nullable(),
    curriculumTopicId: z.string().nullable(),
    localDate: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    minutes: z.number(),
    facilitatorId: z.string().nullable(),
    facilitatorName: z.string().nullable(),
    room: z.string().nullable(),
    telehealthUrl: z.string().nullable(),
    cancelled: z.boolean(),
    cancelReason: z.string().nullable(),
    cancelNote: z.string().nullable(),
  })
  .openapi('ProgramSession');

export const SessionList = z.object({ items: z.array(Session) }).openapi('ProgramSessionList');

export const CancelSession = z
  .strictObject({
    reason: z.enum(['holiday', 'weather', 'other']),
    note: z.string().trim().max(500).optional(),
  })
  .openapi('CancelSession');

export const SessionsQuery = z.strictObject({ from: Day, to: Day, trackId: z.uuid().optional() });
