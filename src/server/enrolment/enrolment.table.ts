import { boolean, date, index, integer, jsonb, pgTable } from 'drizzle-orm/pg-core';
import { episodes } from '../episodes';
import { patientRecordColumns } from '../patients';
import { createdAt, reference } from '../platform/db/columns';
import { programs, users } from '../platform/db/platform.table';
import { tracks } from '../tracks';

/**
 * An episode's membership of a track from a day; a transfer ends one row and starts another, so history
 * stays. `targetSteps` are the weekly hour targets by program week (weeks 1–4: 9 h, 5–6: 6 h).
 */
export const enrolments = pgTable(
  'enrolments',
  {
    ...patientRecordColumns(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    programId: reference('program_id', () => programs.id).notNull(),
    trackId: reference('track_id', () => tracks.id).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    targetSteps: jsonb('target_steps')
      .$type<{ fromWeek: number; toWeek: number; hours: number }[]>()
      .notNull(),
    /** Medicare IOP coverage: the week needs at least 9 h whatever the target (42 CFR 424.24(d), from 2024). */
    medicareCoverage: boolean('medicare_coverage').notNull().default(false),
    /** Target-step changes take If-Match with this version. */
    version: integer('version').notNull().default(1),
    createdBy: reference('created_by', () => users.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('enrolments_track_idx').on(t.trackId, t.endsOn),
    index('enrolments_patient_idx').on(t.patientId),
  ],
);
