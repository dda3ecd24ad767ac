import { date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { patientRecordColumns } from '../patients';
import { createdAt, reference } from '../platform/db/columns';
import { users } from '../platform/db/platform.table';

export type DimensionMap<T> = Record<'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6', T>;

/** An ASAM multidimensional assessment; a reassessment is a new row, so the history is the list of rows. */
export const asamAssessments = pgTable(
  'asam_assessments',
  {
    ...patientRecordColumns(),
    episodeId: uuid('episode_id'),
    edition: integer('edition').notNull(),
    population: text('population').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    ratings: jsonb('ratings').$type<DimensionMap<number>>().notNull(),
    notes: jsonb('notes').$type<DimensionMap<string>>().notNull(),
    recommendedLevel: text('recommended_level').notNull(),
    drivenBy: jsonb('driven_by').$type<string[]>().notNull(),
    recommendation: jsonb('recommendation').$type<Record<string, unknown>>().notNull(),
    placedLevel: text('placed_level').notNull(),
    placementReason: text('placement_reason'),
    placementNote: text('placement_note'),
    assessedBy: reference('assessed_by', () => users.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('asam_assessments_patient_idx').on(t.patientId, t.createdAt)],
);
