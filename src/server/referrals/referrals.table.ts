import { boolean, date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { patientRecordColumns } from '../patients';
import { createdAt, instant, reference } from '../platform/db/columns';
import { programs, users } from '../platform/db/platform.table';

export type PresentingSubstance = { substance: string; lastUseOn: string | null; route: string | null };
export type MedicalFlags = {
  withdrawalComplicationRisk: boolean;
  medicallyUnstable: boolean;
  pregnant: boolean;
  note: string | null;
};
export type PsychiatricFlags = {
  acutePsychiatricSymptoms: boolean;
  coOccurringDisorder: boolean;
  note: string | null;
};

export const referrals = pgTable(
  'referrals',
  {
    ...patientRecordColumns(),
    programId: reference('program_id', () => programs.id).notNull(),
    source: text('source').notNull(),
    referrerName: text('referrer_name'),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    substances: jsonb('substances').$type<PresentingSubstance[]>().notNull(),
    medicalFlags: jsonb('medical_flags').$type<MedicalFlags>().notNull(),
    psychiatricFlags: jsonb('psychiatric_flags').$type<PsychiatricFlags>().notNull(),
    recoveryEnvironmentUnsafe: boolean('recovery_environment_unsafe').notNull().default(false),
    note: text('note'),
    createdBy: reference('created_by', () => users.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('referrals_patient_idx').on(t.patientId, t.referredOn)],
);

export type RuleOutRecord = {
  outcome: 'proceed-to-assessment' | 'refer-higher-level';
  reasons: { code: string; message: string; referTo: { level: string; label: string } }[];
};

/** An intake screen: withdrawal scales item by item, the C-SSRS screener, and the rule-out computed from them. */
export const intakeScreenings = pgTable(
  'intake_screenings',
  {
    ...patientRecordColumns(),
    referralId: reference('referral_id', () => referrals.id).notNull(),
    edition: integer('edition').notNull(),
    ciwaArAnswers: jsonb('ciwa_ar_answers').$type<Record<string, number>>(),
    ciwaArTotal: integer('ciwa_ar_total'),
    ciwaArBand: text('ciwa_ar_band'),
    cowsAnswers: jsonb('cows_answers').$type<Record<string, number>>(),
    cowsTotal: integer('cows_total'),
    cowsBand: text('cows_band'),
    cssrsAnswers: jsonb('cssrs_answers').$type<Record<string, number>>(),
    cssrsRisk: text('cssrs_risk'),
    flags: jsonb('flags').$type<Record<string, boolean>>().notNull(),
    thresholds: jsonb('thresholds').$type<{ ciwaArAbove: number; cowsAtLeast: number }>().notNull(),
    outcome: text('outcome').notNull(),
    ruleOut: jsonb('rule_out').$type<RuleOutRecord>().notNull(),
    screenedBy: reference('screened_by', () => users.id).notNull(),
    screenedAt: instant('screened_at').notNull().defaultNow(),
  },
  (t) => [index('intake_screenings_referral_idx').on(t.referralId, t.screenedAt)],
);
