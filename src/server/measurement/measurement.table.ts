import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { episodes } from '../episodes';
import { patientRecordColumns } from '../patients';
import { createdAt, instant, reference, updatedAt } from '../platform/db/columns';
import { programs, users } from '../platform/db/platform.table';
import { siteRecordColumns } from '../platform/db/scope-columns';

/** Which instrument a program gives when: at intake and/or every N days. */
export const instrumentSchedules = pgTable(
  'instrument_schedules',
  {
    ...siteRecordColumns(),
    programId: reference('program_id', () => programs.id).notNull(),
    instrumentId: text('instrument_id').notNull(),
    atIntake: boolean('at_intake').notNull(),
    everyDays: integer('every_days'),
    updatedBy: reference('updated_by', () => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('instrument_schedules_program_instrument').on(t.programId, t.instrumentId)],
);

/** One administration of an instrument: every item answer, the total, band and who entered it. */
export const instrumentResults = pgTable(
  'instrument_results',
  {
    ...patientRecordColumns(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    instrumentId: text('instrument_id').notNull(),
    /** Definition version the score was computed with. */
    instrumentVersion: text('instrument_version').notNull(),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    total: integer('total'),
    subscales: jsonb('subscales').$type<Record<string, number>>(),
    bandId: text('band_id').notNull(),
    bandLabel: text('band_label').notNull(),
    riskFlags: jsonb('risk_flags').$type<string[]>().notNull(),
    administeredOn: date('administered_on', { mode: 'string' }).notNull(),
    /** 'staff' when a staff member entered the answers, 'portal' when the patient did. */
    enteredVia: text('entered_via').notNull(),
    enteredBy: reference('entered_by', () => users.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('instrument_results_episode_idx').on(t.episodeId, t.instrumentId, t.administeredOn),
    index('instrument_results_patient_idx').on(t.patientId, t.createdAt),
  ],
);

/** An urgent task raised by a risk answer, for the patient's primary clinician. */
export const urgentTasks = pgTable(
  'urgent_tasks',
  {
    ...patientRecordColumns(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    resultId: reference('result_id', () => instrumentResults.id).notNull(),
    type: text('type').notNull(),
    /** 'open' until acknowledged. */
    status: text('status').notNull(),
    assignedTo: reference('assigned_to', () => users.id),
    createdAt: createdAt(),
    acknowledgedBy: reference('acknowledged_by', () => users.id),
    acknowledgedAt: instant('acknowledged_at'),
    acknowledgeNote: text('acknowledge_note'),
  },
  (t) => [
    uniqueIndex('urgent_tasks_one_per_result').on(t.resultId),
    index('urgent_tasks_open_assignee_idx').on(t.assignedTo).where(sql`status = 'open'`),
    index('urgent_tasks_patient_idx').on(t.patientId, t.status),
  ],
);
