import { z } from '@hono/zod-openapi';
import { EPISODE_STATUSES } from '../../domain/episodes/episode-status';
import { PlainDateString } from '../patients';
import { UuidParam } from '../platform/http/common.schema';

/** The address of one episode: /api/patients/{patientId}/episodes/{episodeId}. */
export const EpisodeParams = z.object({
  patientId: UuidParam('patientId'),
  episodeId: UuidParam('episodeId'),
});

const Edition = z.union([z.literal(3), z.literal(4)], { error: 'The ASAM edition is 3 or 4.' });
const Level = z.string().trim().min(1, 'Give a level of care.').max(10);
const UserId = z.uuid('Must be a UUID.');

export const CreateEpisodeRequest = z
  .strictObject({
    programId: z.uuid('Must be a UUID.'),
    edition: Edition.default(3),
    level: Level,
    /** An episode may start before admission (referred, screening); admitted is the default. */
    status: z.enum(['referred', 'screening', 'admitted']).default('admitted'),
    /** Admission day; defaults to today at the site when the status is admitted. */
    admittedOn: PlainDateString.optional(),
    referralId: z.uuid('Must be a UUID.').nullable().optional(),
    assessmentId: z.uuid('Must be a UUID.').nullable().optional(),
    primaryClinicianId: UserId.nullable().optional(),
    careTeam: z.array(UserId).max(30).default([]),
  })
  .openapi('CreateEpisode');

export const UpdateEpisodeRequest = z
  .strictObject({
    primaryClinicianId: UserId.nullable(),
    careTeam: z.array(UserId).max(30),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change.')
  .openapi('UpdateEpisode');

export const ChangeStatusRequest = z
  .strictObject({
    status: z.enum(EPISODE_STATUSES),
    /** The day the change takes effect (admission day when moving to admitted); defaults to today. */
    effectiveOn: PlainDateString.optional(),
  })
  .openapi('ChangeEpisodeStatus');

export const ChangeLevelRequest = z
  .strictObject({
    toLevel: Level,
    effectiveOn: PlainDateString,
    reason: z.string().trim().min(1, 'Say why the level changes.').max(2000),
    assessmentId: z.uuid('Must be a UUID.').nullable().optional(),
  })
  .openapi('ChangeLevelOfCare');

/** ICD-10-CM: a letter, two characters, then an optional dot and 1–4 more (F10.20, F32.A, Z63.72). */
export const ICD10CM_PATTERN = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

export const AddDiagnosisRequest = z
  .strictObject({
    code: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(ICD10CM_PATTERN, 'Not an ICD-10-CM code (like F10.20).')),
    /** In our own words: the ICD-10-CM code is the reference, the description is the clinic's. */
    description: z.string().trim().min(1, 'Describe the diagnosis.').max(300),
    kind: z.enum(['sud', 'mental_health']),
    primary: z.boolean().default(false),
  })
  .openapi('AddDiagnosis');

export const LevelChange = z
  .object({
    id: z.string(),
    fromLevel: z.string().nullable(),
    toLevel: z.string(),
    direction: z.enum(['admission', 'step-up', 'step-down', 'lateral']),
    effectiveOn: z.string(),
    reason: z.string(),
    assessmentId: z.string().nullable(),
    changedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('LevelOfCareChange');

export const Diagnosis = z
  .object({
    id: z.string(),
    code: z.string(),
    description: z.string(),
    kind: z.string(),
    primary: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Diagnosis');

export const Episode = z
  .object({
    id: z.string(),
    patientId: z.string(),
    siteId: z.string(),
    programId: z.string(),
    programName: z.string(),
    status: z.enum(EPISODE_STATUSES),
    /** The statuses this episode may move to next (discharged only through the discharge route). */
    allowedMoves: z.array(z.string()),
    edition: z.number(),
    level: z.string(),
    admittedOn: z.string().nullable(),
    dischargedOn: z.string().nullable(),
    referralId: z.string().nullable(),
    primaryClinicianId: z.string().nullable(),
    careTeam: z.array(z.string()),
    version: z.number(),
    createdAt: z.string(),
    /** Oldest first: the admission level, then every step up or down. */
    levelHistory: z.array(LevelChange),
    /** Left out for a role without diagnosis.read (FIELD_GROUPS in the permission table). */
    diagnoses: z.array(Diagnosis).optional(),
  })
  .openapi('Episode');

export const EpisodeList = z.object({ items: z.array(Episode) }).openapi('EpisodeList');

export const EpisodeCensusQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  programId: z.uuid('Must be a UUID.').optional(),
  level: z.string().max(10).optional(),
  /** A status, or `open` (the default) for every status but discharged. */
  status: z.enum([...EPISODE_STATUSES, 'open']).default('open'),
  /** Primary clinician or care-team member. */
  clinicianId: z.uuid('Must be a UUID.').optional(),
});

export const EpisodeCensusPage = z
  .object({
    items: z.array(
      z.object({
        episodeId: z.string(),
        patientId: z.string(),
        givenName: z.string(),
        familyName: z.string(),
        preferredName: z.string().nullable(),
        mrn: z.string(),
        programId: z.string(),
        programName: z.string(),
        status: z.string(),
        level: z.string(),
        admittedOn: z.string().nullable(),
        primaryClinicianId: z.string().nullable(),
        primaryClinicianName: z.string().nullable(),
      }),
    ),
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
  })
  .openapi('EpisodeCensusPage');
