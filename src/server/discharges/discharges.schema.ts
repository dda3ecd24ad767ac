import { z } from '@hono/zod-openapi';
import { PlainDateString } from '../patients';

export const RECOVERY_SUPPORTS = [
  'alumni_group',
  'twelve_step',
  'smart_recovery',
  'sober_living',
  'family_program',
] as const;

const text = (max: number) =>
  z.string().trim().min(1, 'Must not be empty.').max(max, `At most ${max} characters.`);
const optionalText = (max: number) => text(max).nullable().optional();

export const AftercarePlanInput = z.strictObject({
  nextProvider: z.strictObject({
    name: text(200),
    levelOfCare: optionalText(10),
    phone: optionalText(40),
    address: optionalText(300),
  }),
  appointments: z
    .array(
      z.strictObject({
        on: PlainDateString,
        time: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, 24-hour.')
          .nullable()
          .optional(),
        with: text(200),
        purpose: optionalText(300),
      }),
    )
    .max(20)
    .default([]),
  recoverySupports: z.array(z.enum(RECOVERY_SUPPORTS)).max(RECOVERY_SUPPORTS.length).default([]),
  crisisPlan: z.strictObject({
    /** A line answered 24 hours a day (988, or the program's own). */
    crisisLine: text(100),
    warningSigns: optionalText(2000),
    copingSteps: optionalText(2000),
    contacts: optionalText(1000),
  }),
  medicationContinuity: z
    .strictObject({
      medications: optionalText(1000),
      prescriber: optionalText(200),
      supplyUntil: PlainDateString.nullable().optional(),
      note: optionalText(1000),
    })
    .default({}),
});

export const DischargeRequest = z
  .strictObject({
    /** The domain names missing or wrong values (`reason`, `dischargedOn`) with its own messages. */
    dischargedOn: PlainDateString.nullable().optional(),
    /** TEDS reason code 1–7. */
    reason: z.number().int('The discharge reason is a TEDS code from 1 to 7.').nullable().optional(),
    /** Defaults to the episode's current level. */
    levelAtDischarge: z.string().trim().min(1).max(10).optional(),
    summary: text(8000),
    /** The program or provider the patient is referred to next. */
    referralTo: optionalText(300),
    nextLevel: z.string().trim().min(1).max(10).nullable().optional(),
    aftercare: AftercarePlanInput,
  })
  .openapi('DischargeEpisode');

const AftercarePlan = z
  .object({
    nextProvider: z.object({
      name: z.string(),
      levelOfCare: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
    }),
    appointments: z.array(
      z.object({
        on: z.string(),
        time: z.string().nullable(),
        with: z.string(),
        purpose: z.string().nullable(),
      }),
    ),
    recoverySupports: z.array(z.string()),
    crisisPlan: z.object({
      crisisLine: z.string(),
      warningSigns: z.string().nullable(),
      copingSteps: z.string().nullable(),
      contacts: z.string().nullable(),
    }),
    medicationContinuity: z.object({
      medications: z.string().nullable(),
      prescriber: z.string().nullable(),
      supplyUntil: z.string().nullable(),
      note: z.string().nullable(),
    }),
  })
  .openapi('AftercarePlan');

export const Discharge = z
  .object({
    id: z.string(),
    episodeId: z.string(),
    patientId: z.string(),
    dischargedOn: z.string(),
    reason: z.object({ code: z.number(), key: z.string(), label: z.string() }),
    levelAtDischarge: z.string(),
    /** summary, referralTo and aftercare are left out for a role without discharge.narrative.read. */
    summary: z.string().optional(),
    referralTo: z.string().nullable().optional(),
    nextLevel: z.string().nullable(),
    aftercare: AftercarePlan.optional(),
    dischargedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('Discharge');

export const PortalAftercare = z
  .object({
    episodeId: z.string(),
    programName: z.string(),
    dischargedOn: z.string(),
    aftercare: AftercarePlan,
  })
  .openapi('PortalAftercare');
