import { stepDirection } from '../../domain/episodes/discharge';
import { isLevelCode } from '../../domain/placement/levels-of-care';
import type { Schema } from '../shared/api/client';
import type { LevelChange, StaffMember } from './episodes-api';

/** Staff who may be a primary clinician or on a care team (the server's staff-references check the same kinds). */
const CLINICAL_ROLES = new Set(['program_director', 'clinician', 'nurse', 'prescriber']);
export const isClinicalStaff = (member: Pick<StaffMember, 'role'>) => CLINICAL_ROLES.has(member.role);

/** The admitting clinician is the usual primary clinician when they may be one; otherwise nobody yet. */
export function defaultPrimaryClinician(
  clinicians: readonly StaffMember[],
  myId: string | undefined,
): string {
  return myId && clinicians.some((member) => member.id === myId) ? myId : '';
}

/** "Step down: 2.1 → 1", or "Admitted at 2.1" for the first level of the episode. */
export function levelChangeTitle(change: Pick<LevelChange, 'fromLevel' | 'toLevel' | 'direction'>): string {
  if (!change.fromLevel) return `Admitted at ${change.toLevel}`;
  const verb =
    change.direction === 'step-down' ? 'Step down' : change.direction === 'step-up' ? 'Step up' : 'Change';
  return `${verb}: ${change.fromLevel} → ${change.toLevel}`;
}

/** What a move from the current level to the chosen one is called, while the clinician chooses. */
export function directionHint(fromLevel: string, toLevel: string): string | undefined {
  if (!toLevel || !isLevelCode(toLevel) || !isLevelCode(fromLevel)) return undefined;
  const direction = stepDirection(fromLevel, toLevel);
  return direction === 'step-down' ? 'A step down' : direction === 'step-up' ? 'A step up' : 'Same intensity';
}

export interface LevelChangeValues {
  toLevel: string;
  effectiveOn: string;
  reason: string;
  assessmentId: string;
}

export function levelChangeProblems(values: LevelChangeValues): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!values.toLevel) problems.toLevel = 'Choose the new level';
  if (!values.reason.trim()) problems.reason = 'Say why the level changes';
  return problems;
}

export const toLevelChange = (values: LevelChangeValues) => ({
  toLevel: values.toLevel,
  effectiveOn: values.effectiveOn,
  reason: values.reason.trim(),
  assessmentId: values.assessmentId || null,
});

export interface DiagnosisValues {
  code: string;
  description: string;
  kind: Schema<'AddDiagnosis'>['kind'];
  primary: boolean;
}

export const DIAGNOSIS_KINDS = [
  { value: 'sud', label: 'Substance use disorder' },
  { value: 'mental_health', label: 'Co-occurring mental health' },
] as const satisfies readonly { value: DiagnosisValues['kind']; label: string }[];

/** ICD-10-CM codes are written in capitals (F11.20); the server checks the form. */
export const toNewDiagnosis = (values: DiagnosisValues) => ({
  code: values.code.trim().toUpperCase(),
  description: values.description.trim(),
  kind: values.kind,
  primary: values.primary,
});
