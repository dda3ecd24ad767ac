import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { episodes } from '../episodes';
import { patients } from '../patients';
import { instant } from '../platform/db/columns';
import { programs, users } from '../platform/db/platform.table';
import { organizationAndSiteColumns } from '../platform/db/scope-columns';
import { tracks } from '../tracks';

/**
 * A track's curriculum: its topics in order (e.g. relapse-prevention modules). A topic taken off the list is
 * archived, not deleted, because sessions that covered it still name it.
 */
export const curriculumTopics = pgTable(
  'curriculum_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...organizationAndSiteColumns(),
    trackId: uuid('track_id')
      .notNull()
      .references(() => tracks.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    archivedAt: instant('archived_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('curriculum_topics_track_idx').on(t.trackId, t.position)],
);

/** A track's recurring week; its sessions are expanded into program_sessions when it is saved. */
export const trackSchedules = pgTable('track_schedules', {
  id: uuid('id').primaryKey().defaultRandom(),
  ...organizationAndSiteColumns(),
  trackId: uuid('track_id')
    .notNull()
    .references(() => tracks.id),
  weekdays: jsonb('weekdays').$type<number[]>().notNull(),
  startTime: text('start_time').notNull(),
  endTime: text('end_time').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  timeZone: text('time_zone').notNull(),
  sessionType: text('session_type').notNull(),
  topic: text('topic'),
  /** One topic for every session, or (rotatesCurriculum) the topic the rotation starts at. */
  curriculumTopicId: uuid('curriculum_topic_id').references((): AnyPgColumn => curriculumTopics.id),
  rotatesCurriculum: boolean('rotates_curriculum').notNull().default(false),
  facilitatorId: uuid('facilitator_id').references(() => users.id),
  room: text('room'),
  telehealthUrl: text('telehealth_url'),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/** One meeting: from a schedule or one-off. Times are UTC instants; `localDate` is the day in the zone. */
export const programSessions = pgTable(
  'program_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...organizationAndSiteColumns(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    trackId: uuid('track_id').references(() => tracks.id),
    scheduleId: uuid('schedule_id').references(() => trackSchedules.id),
    sessionType: text('session_type').notNull(),
    topic: text('topic'),
    curriculumTopicId: uuid('curriculum_topic_id').references((): AnyPgColumn => curriculumTopics.id),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    minutes: integer('minutes').notNull(),
    facilitatorId: uuid('facilitator_id').references(() => users.id),
    room: text('room'),
    telehealthUrl: text('telehealth_url'),
    cancelledAt: instant('cancelled_at'),
    cancelReason: text('cancel_reason'),
    cancelNote: text('cancel_note'),
    /** The attendance roster's version: a save names the one it read (If-Match), so no edit is lost. */
    rosterVersion: integer('roster_version').notNull().default(1),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('program_sessions_program_time_idx').on(t.programId, t.startsAt),
    index('program_sessions_track_time_idx').on(t.trackId, t.startsAt),
    index('program_sessions_facilitator_idx').on(t.facilitatorId, t.startsAt),
  ],
);

/**
 * An episode's membership of a track from a day; a transfer ends one row and starts another, so history
 * stays. `targetSteps` are the weekly hour targets by program week (weeks 1–4: 9 h, 5–6: 6 h).
 */
export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...organizationAndSiteColumns(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    trackId: uuid('track_id')
      .notNull()
      .references(() => tracks.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    targetSteps: jsonb('target_steps')
      .$type<{ fromWeek: number; toWeek: number; hours: number }[]>()
      .notNull(),
    /** Medicare IOP coverage: the week needs at least 9 h whatever the target (domain.md §6). */
    medicareCoverage: boolean('medicare_coverage').notNull().default(false),
    /** Target-step changes take If-Match with this version. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('enrolments_track_idx').on(t.trackId, t.endsOn),
    index('enrolments_patient_idx').on(t.patientId),
  ],
);

/** One member's attendance at one session, in minutes. */
export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...organizationAndSiteColumns(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programSessions.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    status: text('status').notNull(),
    minutes: integer('minutes').notNull(),
    arrivedAt: instant('arrived_at'),
    leftAt: instant('left_at'),
    absenceReason: text('absence_reason'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attendance_session_patient_unique').on(t.sessionId, t.patientId),
    index('attendance_patient_idx').on(t.patientId),
  ],
);
