import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from '../platform/db/columns';
import { programs } from '../platform/db/platform.table';
import { organizationAndSiteColumns } from '../platform/db/scope-columns';

/** A program's week settings and hour band (side table: one row per program, created on first save). */
export const programSettings = pgTable('program_settings', {
  programId: uuid('program_id')
    .primaryKey()
    .references(() => programs.id),
  ...organizationAndSiteColumns(),
  /** ISO weekday the program week starts on (Monday = 1). */
  weekStartsOn: integer('week_starts_on').notNull().default(1),
  timeZone: text('time_zone').notNull(),
  bandAtLeastHours: integer('band_at_least_hours').notNull(),
  bandLessThanHours: integer('band_less_than_hours'),
  /** Saves take If-Match with this version (0 = the defaults, never saved). */
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});
