import { date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { episodes } from '../episodes';
import { patientRecordColumns } from '../patients';
import { users } from '../platform/db/platform.table';

export type AftercarePlanRecord = {
  nextProvider: { name: string; levelOfCare: string | null; phone: string | null; address: string | null };
  appointments: { on: string; time: string | null; with: string; purpose: string | null }[];
  recoverySupports: string[];
  crisisPlan: {
    crisisLine: string;
    warningSigns: string | null;
    copingSteps: string | null;
    contacts: string | null;
  };
  medicationContinuity: {
    medications: string | null;
    prescriber: string | null;
    supplyUntil: string | null;
    note: string | null;
  };
};

/** The discharge of an episode (one per episode) with its aftercare plan. */
export const discharges = pgTable(
  'discharges',
  {
    ...patientRecordColumns(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    dischargedOn: date('discharged_on', { mode: 'string' }).notNull(),
    reasonCode: integer('reason_code').notNull(),
    levelAtDischarge: text('level_at_discharge').notNull(),
    summary: text('summary').notNull(),
    referralTo: text('referral_to'),
    nextLevel: text('next_level'),
    aftercare: jsonb('aftercare').$type<AftercarePlanRecord>().notNull(),
    dischargedBy: uuid('discharged_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('discharges_episode_unique').on(t.episodeId)],
);
