import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { patientRecordColumns } from '../patients';
import { createdAt, reference, versionedColumns } from '../platform/db/columns';
import { programs, users } from '../platform/db/platform.table';
import { siteRecordColumns } from '../platform/db/scope-columns';

/** An episode of care: one patient in one program, from referral to discharge. */
export const episodes = pgTable(
  'episodes',
  {
    ...patientRecordColumns(),
    programId: reference('program_id', () => programs.id).notNull(),
    status: text('status').notNull(),
    edition: integer('edition').notNull(),
    level: text('level').notNull(),
    referralId: uuid('referral_id'),
    admittedOn: date('admitted_on', { mode: 'string' }),
    dischargedOn: date('discharged_on', { mode: 'string' }),
    primaryClinicianId: reference('primary_clinician_id', () => users.id),
    careTeam: jsonb('care_team').$type<string[]>().notNull().default([]),
    ...versionedColumns(),
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
    ...siteRecordColumns(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    fromLevel: text('from_level'),
    toLevel: text('to_level').notNull(),
    direction: text('direction').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    assessmentId: uuid('assessment_id'),
    changedBy: reference('changed_by', () => users.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('level_of_care_changes_episode_idx').on(t.episodeId, t.effectiveOn)],
);

export const episodeDiagnoses = pgTable(
  'episode_diagnoses',
  {
    ...siteRecordColumns(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    code: text('code').notNull(),
    description: text('description').notNull(),
    kind: text('kind').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdBy: reference('created_by', () => users.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('episode_diagnoses_episode_idx').on(t.episodeId)],
);
