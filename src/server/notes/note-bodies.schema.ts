import { z } from '@hono/zod-openapi';
import { MODALITIES } from '../treatment-plans';

/** Free text of a note field: trimmed, never empty once given. */
export const text = (max = 4000) =>
  z.string().trim().min(1, 'Must not be empty.').max(max, `At most ${max} characters.`);
const optionalText = (max = 4000) => text(max).nullable().optional();

export const RISK_LEVELS = ['none', 'low', 'moderate', 'high'] as const;
export const OBJECTIVE_PROGRESS = [
  'not_addressed',
  'no_progress',
  'some_progress',
  'significant_progress',
  'met',
] as const;

/** Risk seen at the service: a level and what was done about it. */
const Risk = z.strictObject({
  level: z.enum(RISK_LEVELS),
  notes: optionalText(2000),
});

/**
 * Progress on one objective of the member's own treatment plan. `objectiveId` is the objective's position in
 * the plan, "p1.g1.o1" (problem 1, goal 1, objective 1); the note keeps the objective's text as it was then.
 */
const ObjectiveProgress = z.strictObject({
  objectiveId: z.string().regex(/^p\d{1,2}\.g\d{1,2}\.o\d{1,2}$/, 'Must be an objective id like p1.g1.o1.'),
  progress: z.enum(OBJECTIVE_PROGRESS),
  comment: optionalText(1000),
  /** Set by the server from the plan: the objective's text when the note was written. */
  description: z.string().max(1000).optional(),
});

// ---- Bodies by note type. A draft may leave any field out; signing requires the fields marked required.

const IndividualTherapyBody = z
  .strictObject({
    focus: text(),
    interventions: z.array(z.enum(MODALITIES)).min(1, 'Name at least one intervention.').max(12),
    response: text(),
    objectives: z.array(ObjectiveProgress).max(30).optional(),
    risk: Risk,
    plan: text(),
  })
  .openapi('NoteBodyIndividualTherapy');
const FamilySessionBody = z
  .strictObject({
    participants: text(500).describe(
      'Who took part and their relationship to the patient (no other patients).',
    ),
    patientPresent: z.boolean(),
    focus: text(),
    interventions: z.array(z.enum(MODALITIES)).max(12).optional(),
    response: text(),
    risk: Risk,
    plan: text(),
  })
  .openapi('NoteBodyFamilySession');
const IntakeBody = z
  .strictObject({
    presentingProblem: text(),
    substanceUseHistory: text(),
    mentalHealthHistory: text(),
    medicalHistory: text(),
    socialHistory: text().describe('Family, housing, work or school, legal, supports.'),
    strengths: text(),
    risk: Risk,
    diagnosticImpression: text(),
    recommendations: text(),
  })
  .openapi('NoteBodyIntakeBiopsychosocial');
const Vitals = z.strictObject({
  systolic: z.number().int().min(40).max(300).optional(),
  diastolic: z.number().int().min(20).max(200).optional(),
  pulse: z.number().int().min(20).max(250).optional(),
  respirations: z.number().int().min(4).max(60).optional(),
  temperatureC: z.number().min(30).max(45).optional(),
  spo2: z.number().int().min(50).max(100).optional(),
});
const NursingBody = z
  .strictObject({
    vitals: Vitals,
    withdrawalSymptoms: optionalText(),
    medicationsAdministered: optionalText(),
    assessment: text(),
    plan: text(),
  })
  .openapi('NoteBodyNursing');
const Medication = z.strictObject({
  name: text(200),
  dose: text(100),
  frequency: text(100),
  change: z.enum(['start', 'continue', 'adjust', 'stop']),
});
const MedicalPsychiatricBody = z
  .strictObject({
    chiefComplaint: text(),
    intervalHistory: text(),
    mentalStatusExam: text(),
    medications: z.array(Medication).max(30),
    risk: Risk,
    assessment: text(),
    plan: text(),
  })
  .openapi('NoteBodyMedicalPsychiatric');
const CaseManagementBody = z
  .strictObject({
    needs: text(),
    actions: text(),
    referrals: optionalText(),
    followUp: text(),
  })
  .openapi('NoteBodyCaseManagement');
const DischargeSummaryBody = z
  .strictObject({
    reasonForAdmission: text(),
    courseOfTreatment: text(),
    conditionAtDischarge: text(),
    aftercarePlan: text(),
    recommendations: text(),
  })
  .openapi('NoteBodyDischargeSummary');

/** The shared part of a group note: the same for every member, so it may name no member. */
export const GroupSharedPart = z
  .strictObject({
    topic: text(300),
    curriculumItem: optionalText(300),
    interventions: z.array(z.enum(MODALITIES)).min(1, 'Name at least one intervention.').max(12),
    narrative: optionalText(),
    durationMinutes: z.number().int().min(1).max(600),
  })
  .openapi('GroupSharedPart', {
    example: {
      topic: 'Relapse prevention: high-risk situations',
      curriculumItem: 'Module 3 — Triggers',
      interventions: ['relapse_prevention', 'cbt'],
      narrative: 'Members mapped high-risk situations and practised refusal skills in pairs.',
      durationMinutes: 180,
    },
  });

/** One member's own part of a group note. It goes to that member's chart only: it must name no other member. */
export const GroupMemberPart = z
  .strictObject({
    participation: text(),
    presentation: text(),
    objectives: z.array(ObjectiveProgress).max(30).optional(),
    risk: Risk,
    planNextSession: text(),
  })
  .openapi('GroupMemberPart', {
    example: {
      participation: 'Named two work triggers and role-played a refusal with a peer.',
      presentation: 'Alert, euthymic, engaged; on time.',
      objectives: [
        { objectiveId: 'p1.g1.o1', progress: 'some_progress', comment: 'Attended 3 of 3 groups.' },
      ],
      risk: { level: 'none' },
      planNextSession: 'Bring the weekend plan to Monday group.',
    },
  });

export const NOTE_BODIES = {
  group_therapy: GroupMemberPart,
  individual_therapy: IndividualTherapyBody,
  family_session: FamilySessionBody,
  intake_biopsychosocial: IntakeBody,
  nursing: NursingBody,
  medical_psychiatric: MedicalPsychiatricBody,
  case_management: CaseManagementBody,
  discharge_summary: DischargeSummaryBody,
} as const;
