import { z } from '@hono/zod-openapi';
import { PlainDateString } from '../patients';
import { visibleText } from '../platform/http/safe-text';

export const REFERRAL_SOURCES = [
  'self',
  'family',
  'hospital',
  'detox_stepdown',
  'residential_stepdown',
  'php_stepdown',
  'court',
  'employer',
  'primary_care',
  'other',
] as const;

const text = (max: number) =>
  z.string().trim().min(1, 'Must not be empty.').max(max, `At most ${max} characters.`);

const Substance = z.strictObject({
  substance: text(100),
  lastUseOn: PlainDateString.nullable().optional(),
  route: text(40).nullable().optional(),
});

export const CreateReferralRequest = z
  .strictObject({
    programId: z.uuid('Must be a UUID.'),
    source: z.enum(REFERRAL_SOURCES),
    referrerName: visibleText(200).nullable().optional(),
    referredOn: PlainDateString,
    substances: z.array(Substance).max(20, 'At most 20 substances.').default([]),
    medicalFlags: z
      .strictObject({
        withdrawalComplicationRisk: z.boolean().default(false),
        medicallyUnstable: z.boolean().default(false),
        pregnant: z.boolean().default(false),
        note: text(2000).nullable().optional(),
      })
      .default({ withdrawalComplicationRisk: false, medicallyUnstable: false, pregnant: false }),
    psychiatricFlags: z
      .strictObject({
        acutePsychiatricSymptoms: z.boolean().default(false),
        coOccurringDisorder: z.boolean().default(false),
        note: text(2000).nullable().optional(),
      })
      .default({ acutePsychiatricSymptoms: false, coOccurringDisorder: false }),
    recoveryEnvironmentUnsafe: z.boolean().default(false),
    note: text(4000).nullable().optional(),
  })
  .openapi('CreateReferral');

const Answers = z.record(z.string(), z.number());

export const CreateScreeningRequest = z
  .strictObject({
    edition: z.union([z.literal(3), z.literal(4)]).default(3),
    /** CIWA-Ar answers item1..item10; leave out when alcohol withdrawal is not screened. */
    ciwaAr: Answers.nullable().optional(),
    /** COWS answers item1..item11. */
    cows: Answers.nullable().optional(),
    /** C-SSRS screener answers item1..item6, item6Recent (0 no, 1 yes). */
    cssrs: Answers.nullable().optional(),
    /** Flags at the time of screening; each left out is taken from the referral. */
    withdrawalComplicationRisk: z.boolean().optional(),
    medicallyUnstable: z.boolean().optional(),
    acutePsychiatricSymptoms: z.boolean().optional(),
    recoveryEnvironmentUnsafe: z.boolean().optional(),
  })
  .openapi('CreateScreening');

const Scored = z.object({ answers: Answers, total: z.number(), band: z.string() });

export const Screening = z
  .object({
    id: z.string(),
    referralId: z.string(),
    edition: z.number(),
    ciwaAr: Scored.nullable(),
    cows: Scored.nullable(),
    cssrs: z.object({ answers: Answers, risk: z.string() }).nullable(),
    flags: z.record(z.string(), z.boolean()),
    thresholds: z.object({ ciwaArAbove: z.number(), cowsAtLeast: z.number() }),
    ruleOut: z.object({
      outcome: z.enum(['proceed-to-assessment', 'refer-higher-level']),
      reasons: z.array(
        z.object({
          code: z.string(),
          message: z.string(),
          referTo: z.object({ level: z.string(), label: z.string() }),
        }),
      ),
    }),
    screenedBy: z.string(),
    screenedAt: z.string(),
  })
  .openapi('IntakeScreening');

export const Referral = z
  .object({
    id: z.string(),
    patientId: z.string(),
    siteId: z.string(),
    programId: z.string(),
    programName: z.string(),
    source: z.string(),
    referrerName: z.string().nullable(),
    referredOn: z.string(),
    substances: z.array(
      z.object({ substance: z.string(), lastUseOn: z.string().nullable(), route: z.string().nullable() }),
    ),
    medicalFlags: z.object({
      withdrawalComplicationRisk: z.boolean(),
      medicallyUnstable: z.boolean(),
      pregnant: z.boolean(),
      note: z.string().nullable(),
    }),
    psychiatricFlags: z.object({
      acutePsychiatricSymptoms: z.boolean(),
      coOccurringDisorder: z.boolean(),
      note: z.string().nullable(),
    }),
    recoveryEnvironmentUnsafe: z.boolean(),
    note: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    /** Newest first. */
    screenings: z.array(Screening),
  })
  .openapi('Referral');

export const ReferralList = z.object({ items: z.array(Referral) }).openapi('ReferralList');
