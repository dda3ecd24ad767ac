import { z } from '@hono/zod-openapi';
import { PlainDateString } from '../patients';

export const MODALITIES = [
  'cbt',
  'motivational_interviewing',
  'relapse_prevention',
  'twelve_step_facilitation',
  'matrix_model',
  'unified_protocol',
  'prolonged_exposure',
  'trauma_counseling',
  'family_therapy',
  'mat',
  'psychoeducation',
  'yoga_exercise',
] as const;

export const OBJECTIVE_STATUSES = ['not_started', 'in_progress', 'met', 'not_met', 'discontinued'] as const;

const text = (max: number) =>
  z.string().trim().min(1, 'Must not be empty.').max(max, `At most ${max} characters.`);

const Intervention = z.strictObject({
  modality: z.enum(MODALITIES),
  /** "2 × weekly group", "daily" … */
  frequency: text(100),
  responsibleStaffId: z.uuid('Must be a UUID.'),
  description: text(1000).nullable().optional(),
});

const Objective = z.strictObject({
  /** Measurable: what will be observed, how much, by when. */
  description: text(1000),
  targetDate: PlainDateString,
  status: z.enum(OBJECTIVE_STATUSES).default('not_started'),
  interventions: z.array(Intervention).max(20).default([]),
});

const Goal = z.strictObject({
  statement: text(1000),
  objectives: z.array(Objective).min(1, 'A goal needs at least one measurable objective.').max(20),
});

const Problem = z.strictObject({
  statement: text(1000),
  goals: z.array(Goal).min(1, 'A problem needs at least one goal.').max(20),
});

/** The plan document: problems → goals → measurable objectives → interventions. */
export const PlanDocument = z
  .strictObject({ problems: z.array(Problem).min(1, 'A plan needs at least one problem.').max(30) })
  .openapi('TreatmentPlanDocument');

export const SavePlanRequest = z
  .strictObject({
    document: PlanDocument,
    /** Defaults to the program's review interval (30 days) after creation; never before admission. */
    reviewDate: PlainDateString.optional(),
  })
  .openapi('SaveTreatmentPlan');

export const SignPlanRequest = z
  .strictObject({ typedName: z.string().trim().min(2, 'Type your full name to sign.').max(200) })
  .openapi('SignTreatmentPlan');

const Signature = z.object({ name: z.string(), signedAt: z.string() });

export const TreatmentPlan = z
  .object({
    id: z.string(),
    episodeId: z.string(),
    patientId: z.string(),
    revision: z.number(),
    version: z.number(),
    document: PlanDocument,
    reviewDate: z.string(),
    status: z.enum(['draft', 'clinician_signed', 'patient_signed', 'signed']),
    /** Signed by both: edits answer 409 plan_signed; change it through a new revision. */
    readOnly: z.boolean(),
    clinicianSignature: Signature.extend({ userId: z.string() }).nullable(),
    patientSignature: Signature.extend({ via: z.enum(['staff', 'portal']) }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('TreatmentPlan');

export const PlanHistory = z
  .object({
    items: z.array(
      TreatmentPlan.pick({
        revision: true,
        document: true,
        reviewDate: true,
        status: true,
        clinicianSignature: true,
        patientSignature: true,
      }).extend({ current: z.boolean(), supersededAt: z.string().nullable() }),
    ),
  })
  .openapi('TreatmentPlanHistory');

export const OverdueReviews = z
  .object({
    items: z.array(
      z.object({
        planId: z.string(),
        episodeId: z.string(),
        patientId: z.string(),
        siteId: z.string(),
        givenName: z.string(),
        familyName: z.string(),
        mrn: z.string(),
        programName: z.string(),
        reviewDate: z.string(),
      }),
    ),
  })
  .openapi('OverduePlanReviews');
