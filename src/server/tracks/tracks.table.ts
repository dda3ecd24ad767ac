import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, reference } from '../platform/db/columns';
import { programs } from '../platform/db/platform.table';
import { siteRecordColumns } from '../platform/db/scope-columns';

/** A group of a program meeting at its own times (day, evening or weekend). */
export const tracks = pgTable(
  'tracks',
  {
    ...siteRecordColumns(),
    programId: reference('program_id', () => programs.id).notNull(),
    name: text('name').notNull(),
    timeOfDay: text('time_of_day').notNull(),
    modality: text('modality').notNull(),
    capacity: integer('capacity').notNull().default(12),
    /** The curriculum is saved whole with If-Match on this version. */
    curriculumVersion: integer('curriculum_version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('tracks_program_idx').on(t.programId)],
);
