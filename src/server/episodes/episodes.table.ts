import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { patients } from '../patients';
import { instant } from '../platform/db/columns';
import { programs, users } from '../platform/db/platform.table';
import { organizationAndSiteColumns } from '../platform/db/scope-columns';

/** An episode of care: one patient in one program, from referral to discharge. */
export const episodes = pgTable(
  'episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...organizationAndSiteColumns(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    status: text('status').notNull(),
    edition: integer('edition').notNull(),
    level: text('level').notNull(),
    referralId: uuid('referral_id'),
    admittedOn: date('admitted_on', { mode: 'string' }),
    dischargedOn: date('discharged_on', { mode: 'string' }),
    primaryClinicianId: uuid('primary_clinician_id').references(() => users.id),
    careTeam: jsonb('care_team').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One open episode per patient per program: a return to care after discharge is a new episode.
    uniqueIndex('episodes_one_open_per_program')
      .on(t.patientId, t.programId)
      .where(sql`status <> 'discharged'`),
    index('episodes_patient_idx').on(t.patientId, t.createdAt),
    index('episodes_clinician_idx').on(t.primaryClinicianId),
  ],
);

/** Every level of care an episode has had, the admission level first. */
export const levelOfCareChanges = pgTable(
  'level_of_care_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...organizationAndSiteColumns(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    fromLevel: text('from_level'),
    toLevel: text('to_level').notNull(),
    direction: text('direction').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    assessmentId: uuid('assessment_id'),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('level_of_care_changes_episode_idx').on(t.episodeId, t.effectiveOn)],
);

export const episodeDiagnoses = pgTable(
  'episode_diagnoses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...organizationAndSiteColumns(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    code: text('code').notNull(),
    description: text('description').notNull(),
    kind: text('kind').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('episode_diagnoses_episode_idx').on(t.episodeId)],
);
