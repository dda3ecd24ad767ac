import { Stack, Text } from '@mantine/core';
import { MODALITIES } from '../treatment-plans/treatment-plans-api';
import { labelOf, OBJECTIVE_PROGRESS, RISK_LEVELS } from './note-labels';
import type { NoteType, ObjectiveProgress } from './notes-api';

export type FieldKind = 'text' | 'risk' | 'interventions' | 'boolean' | 'empty-object' | 'empty-list';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  optional?: boolean;
}

const t = (key: string, label: string, optional = false): FieldSpec => ({
  key,
  label,
  kind: 'text',
  optional,
});
const RISK: FieldSpec = { key: 'risk', label: 'Risk', kind: 'risk' };
const INTERVENTIONS: FieldSpec = { key: 'interventions', label: 'Interventions', kind: 'interventions' };

/**
 * The fields of each note type as the server's schema has them (src/server/notes/notes.schema.ts). Vitals and
 * medication lists start empty here: the form writes the narrative fields.
 */
export const NOTE_FIELDS: Record<NoteType, FieldSpec[]> = {
  group_therapy: [
    t('participation', 'Participation'),
    t('presentation', 'Presentation'),
    RISK,
    t('planNextSession', 'Plan for next session'),
  ],
  individual_therapy: [
    t('focus', 'Focus'),
    INTERVENTIONS,
    t('response', 'Response'),
    RISK,
    t('plan', 'Plan'),
  ],
  family_session: [
    t('participants', 'Participants'),
    { key: 'patientPresent', label: 'Patient present', kind: 'boolean' },
    t('focus', 'Focus'),
    { ...INTERVENTIONS, optional: true },
    t('response', 'Response'),
    RISK,
    t('plan', 'Plan'),
  ],
  intake_biopsychosocial: [
    t('presentingProblem', 'Presenting problem'),
    t('substanceUseHistory', 'Substance use history'),
    t('mentalHealthHistory', 'Mental health history'),
    t('medicalHistory', 'Medical history'),
    t('socialHistory', 'Social history'),
    t('strengths', 'Strengths'),
    RISK,
    t('diagnosticImpression', 'Diagnostic impression'),
    t('recommendations', 'Recommendations'),
  ],
  nursing: [
    { key: 'vitals', label: 'Vitals', kind: 'empty-object' },
    t('withdrawalSymptoms', 'Withdrawal symptoms', true),
    t('medicationsAdministered', 'Medications administered', true),
    t('assessment', 'Assessment'),
    t('plan', 'Plan'),
  ],
  medical_psychiatric: [
    t('chiefComplaint', 'Chief complaint'),
    t('intervalHistory', 'Interval history'),
    t('mentalStatusExam', 'Mental status exam'),
    { key: 'medications', label: 'Medications', kind: 'empty-list' },
    RISK,
    t('assessment', 'Assessment'),
    t('plan', 'Plan'),
  ],
  case_management: [
    t('needs', 'Needs'),
    t('actions', 'Actions'),
    t('referrals', 'Referrals', true),
    t('followUp', 'Follow-up'),
  ],
  discharge_summary: [
    t('reasonForAdmission', 'Reason for admission'),
    t('courseOfTreatment', 'Course of treatment'),
    t('conditionAtDischarge', 'Condition at discharge'),
    t('aftercarePlan', 'Aftercare plan'),
    t('recommendations', 'Recommendations'),
  ],
};

function Line({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}

/** A note body shown read-only, field by field. */
export function NoteBodyView({ type, body }: { type: NoteType; body: Record<string, unknown> }) {
  const objectives = (body.objectives ?? []) as ObjectiveProgress[];
  return (
    <Stack gap={4}>
      {NOTE_FIELDS[type].map((field) => {
        const value = body[field.key];
        if (value === undefined || value === null) return null;
        if (field.kind === 'risk') {
          const risk = value as { level?: string; notes?: string | null };
          return (
            <Line key={field.key} label={field.label}>
              {labelOf(RISK_LEVELS, risk.level)}
              {risk.notes ? ` — ${risk.notes}` : ''}
            </Line>
          );
        }
        if (field.kind === 'interventions') {
          return (
            <Line key={field.key} label={field.label}>
              {(value as string[]).map((v) => labelOf([...MODALITIES], v)).join(', ')}
            </Line>
          );
        }
        if (field.kind === 'boolean') {
          return (
            <Line key={field.key} label={field.label}>
              {value ? 'Yes' : 'No'}
            </Line>
          );
        }
        if (field.kind !== 'text') return null;
        return (
          <Line key={field.key} label={field.label}>
            {String(value)}
          </Line>
        );
      })}
      {objectives.length > 0 && (
        <Line label="Objectives">
          {objectives
            .map((o) => `${o.description ?? o.objectiveId} — ${labelOf(OBJECTIVE_PROGRESS, o.progress)}`)
            .join('; ')}
        </Line>
      )}
    </Stack>
  );
}

/** The shared part of a group note as each member's copy shows it. */
export function GroupSharedView({ shared }: { shared: Record<string, unknown> }) {
  return (
    <Stack gap={4}>
      {typeof shared.topic === 'string' && <Line label="Topic">{shared.topic}</Line>}
      {typeof shared.curriculumItem === 'string' && (
        <Line label="Curriculum item">{shared.curriculumItem}</Line>
      )}
      {Array.isArray(shared.interventions) && shared.interventions.length > 0 && (
        <Line label="Interventions">
          {(shared.interventions as string[]).map((v) => labelOf([...MODALITIES], v)).join(', ')}
        </Line>
      )}
      {typeof shared.narrative === 'string' && <Line label="What the group did">{shared.narrative}</Line>}
      {typeof shared.durationMinutes === 'number' && (
        <Line label="Duration">{shared.durationMinutes} min</Line>
      )}
    </Stack>
  );
}
