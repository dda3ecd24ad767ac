import { isClinicalStaff } from '../episodes/episode-values';
import type { StaffMember } from '../episodes/episodes-api';
import {
  type Goal,
  type Intervention,
  MODALITIES,
  OBJECTIVE_STATUSES,
  type Objective,
  type PlanChange,
  type PlanDocument,
  type Problem,
  type TreatmentPlan,
} from './treatment-plans-api';

export const newIntervention = (staffId: string): Intervention => ({
  modality: 'cbt',
  frequency: '',
  responsibleStaffId: staffId,
});
export const newObjective = (staffId: string): Objective => ({
  description: '',
  targetDate: '',
  status: 'not_started',
  interventions: [newIntervention(staffId)],
});
export const newGoal = (staffId: string): Goal => ({ statement: '', objectives: [newObjective(staffId)] });
export const newProblem = (staffId: string): Problem => ({ statement: '', goals: [newGoal(staffId)] });
export const emptyDocument = (staffId: string): PlanDocument => ({ problems: [newProblem(staffId)] });

export const modalityLabel = (value: string) => MODALITIES.find((m) => m.value === value)?.label ?? value;
export const objectiveStatusLabel = (value: string) =>
  OBJECTIVE_STATUSES.find((s) => s.value === value)?.label ?? value;

export interface PlanValues {
  reviewDate: string;
  document: PlanDocument;
}

/** An empty review date is left out, so the server sets the program's default. */
export const toPlanChange = ({ document, reviewDate }: PlanValues): PlanChange => ({
  document,
  ...(reviewDate ? { reviewDate } : {}),
});

export interface StaffOption {
  value: string;
  label: string;
}

/** Who can be responsible for an intervention: the site's clinical staff, the signed-in user first. */
export function staffOptions(
  me: { id: string; displayName: string } | undefined,
  staff: readonly Pick<StaffMember, 'id' | 'displayName' | 'role'>[],
): StaffOption[] {
  const options: StaffOption[] = me ? [{ value: me.id, label: `${me.displayName} (you)` }] : [];
  for (const member of staff) {
    if (member.id !== me?.id && isClinicalStaff(member)) {
      options.push({ value: member.id, label: member.displayName });
    }
  }
  return options;
}

/** The choices for one intervention's responsible staff: someone no longer listed stays chosen, unnamed. */
export function responsibleStaffChoices(options: readonly StaffOption[], chosen: string): StaffOption[] {
  return options.some((option) => option.value === chosen)
    ? [...options]
    : [{ value: chosen, label: 'Another staff member' }, ...options];
}

export function planEditorTitle(mode: 'create' | 'edit' | 'revise', plan: TreatmentPlan | null): string {
  if (mode === 'create') return 'New treatment plan';
  if (mode === 'revise')
    return `New version of the treatment plan (version ${plan ? plan.revision + 1 : ''})`;
  return `Treatment plan, version ${plan?.revision} (${plan?.status === 'draft' ? 'draft' : 'awaiting signatures'})`;
}
