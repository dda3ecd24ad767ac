import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { curriculumTopics } from '../curriculum';
import { createdAt, instant, reference } from '../platform/db/columns';
import { programs, users } from '../platform/db/platform.table';
import { siteRecordColumns } from '../platform/db/scope-columns';
import { tracks } from '../tracks';

/** A track's recurring week; its sessions are expanded into program_sessions when it is saved. */
export const trackSchedules = pgTable('track_schedules', {
  ...siteRecordColumns(),
  trackId: reference('track_id', () => tracks.id).notNull(),
  weekdays: jsonb('weekdays').$type<number[]>().notNull(),
  startTime: text('start_time').notNull(),
  endTime: text('end_time').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  timeZone: text('time_zone').notNull(),
  sessionType: text('session_type').notNull(),
  topic: text('topic'),
  /** One topic for every session, or (rotatesCurriculum) the topic the rotation starts at. */
  curriculumTopicId: reference('curriculum_topic_id', (): AnyPgColumn => curriculumTopics.id),
  rotatesCurriculum: boolean('rotates_curriculum').notNull().default(false),
  facilitatorId: reference('facilitator_id', () => users.id),
  room: text('room'),
  telehealthUrl: text('telehealth_url'),
  createdBy: reference('created_by', () => users.id).notNull(),
  createdAt: createdAt(),
});

/** One meeting: from a schedule or one-off. Times are UTC instants; `localDate` is the day in the zone. */
export const programSessions = pgTable(
  'program_sessions',
  {
    ...siteRecordColumns(),
    programId: reference('program_id', () => programs.id).notNull(),
    trackId: reference('track_id', () => tracks.id),
    scheduleId: reference('schedule_id', () => trackSchedules.id),
    sessionType: text('session_type').notNull(),
    topic: text('topic'),
    curriculumTopicId: reference('curriculum_topic_id', (): AnyPgColumn => curriculumTopics.id),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    minutes: integer('minutes').notNull(),
    facilitatorId: reference('facilitator_id', () => users.id),
    room: text('room'),
    telehealthUrl: text('telehealth_url'),
    cancelledAt: instant('cancelled_at'),
    cancelReason: text('cancel_reason'),
    cancelNote: text('cancel_note'),
    /** The attendance roster's version: a save names the one it read (If-Match), so no edit is lost. */
    rosterVersion: integer('roster_version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('program_sessions_program_time_idx').on(t.programId, t.startsAt),
    index('program_sessions_track_time_idx').on(t.trackId, t.startsAt),
    index('program_sessions_facilitator_idx').on(t.facilitatorId, t.startsAt),
  ],
);
