import { date, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { episodes } from '../episodes';
import { patientRecordColumns } from '../patients';
import { createdAt, reference } from '../platform/db/columns';
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
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    dischargedOn: date('discharged_on', { mode: 'string' }).notNull(),
    reasonCode: integer('reason_code').notNull(),
    levelAtDischarge: text('level_at_discharge').notNull(),
    summary: text('summary').notNull(),
    referralTo: text('referral_to'),
    nextLevel: text('next_level'),
    aftercare: jsonb('aftercare').$type<AftercarePlanRecord>().notNull(),
    dischargedBy: reference('discharged_by', () => users.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('discharges_episode_unique').on(t.episodeId)],
);
