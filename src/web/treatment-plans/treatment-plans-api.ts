import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Episode } from '../episodes/episodes-api';
import { ApiError, api, ifMatch } from '../shared/api-client';
import { planKeys } from './treatment-plans-keys';

export const MODALITIES = [
  { value: 'cbt', label: 'Cognitive behavioral therapy (CBT)' },
  { value: 'motivational_interviewing', label: 'Motivational interviewing (MI)' },
  { value: 'relapse_prevention', label: 'Relapse prevention' },
  { value: 'twelve_step_facilitation', label: '12-step facilitation' },
  { value: 'matrix_model', label: 'Matrix Model' },
  { value: 'unified_protocol', label: 'Unified Protocol' },
  { value: 'prolonged_exposure', label: 'Prolonged exposure' },
  { value: 'trauma_counseling', label: 'Trauma counseling' },
  { value: 'family_therapy', label: 'Family therapy' },
  { value: 'mat', label: 'Medication for addiction treatment (MAT)' },
  { value: 'psychoeducation', label: 'Psychoeducation' },
  { value: 'yoga_exercise', label: 'Yoga / exercise' },
] as const;

export const OBJECTIVE_STATUSES = [
  { value: 'not_started', label: 'Not started' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'met', label: 'Met' },
  { value: 'not_met', label: 'Not met' },
  { value: 'discontinued', label: 'Discontinued' },
] as const;

export interface Intervention {
  modality: string;
  frequency: string;
  responsibleStaffId: string;
  description?: string | null;
}

export interface Objective {
  description: string;
  targetDate: string;
  status: string;
  interventions: Intervention[];
}

export interface Goal {
  statement: string;
  objectives: Objective[];
}

export interface Problem {
  statement: string;
  goals: Goal[];
}

export interface PlanDocument {
  problems: Problem[];
}

interface Signature {
  name: string;
  signedAt: string;
}

export interface TreatmentPlan {
  id: string;
  episodeId: string;
  patientId: string;
  revision: number;
  version: number;
  document: PlanDocument;
  reviewDate: string;
  status: 'draft' | 'clinician_signed' | 'patient_signed' | 'signed';
  /** Signed by both: edits answer 409 plan_signed; change it through a new revision. */
  readOnly: boolean;
  clinicianSignature: (Signature & { userId: string }) | null;
  patientSignature: (Signature & { via: 'staff' | 'portal' }) | null;
  createdAt: string;
  updatedAt: string;
}

export interface PlanHistoryEntry
  extends Pick<
    TreatmentPlan,
    'revision' | 'document' | 'reviewDate' | 'status' | 'clinicianSignature' | 'patientSignature'
  > {
  current: boolean;
  supersededAt: string | null;
}

const planPath = (episode: Pick<Episode, 'id' | 'patientId'>) =>
  `/api/patients/${encodeURIComponent(episode.patientId)}/episodes/${encodeURIComponent(episode.id)}/treatment-plan`;

/** The episode's plan, or null when none has been started (404). */
export function useTreatmentPlan(episode: Episode | undefined) {
  return useQuery({
    queryKey: planKeys.episode(episode?.id ?? ''),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<TreatmentPlan>(planPath(episode as Episode), { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(episode),
  });
}

/** Every revision, newest first (the current one first). */
export function usePlanHistory(episode: Episode, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.history(episode.id),
    queryFn: ({ signal }) =>
      api.get<{ items: PlanHistoryEntry[] }>(`${planPath(episode)}/history`, { signal }),
    enabled,
  });
}

export interface PlanChange {
  document: PlanDocument;
  reviewDate?: string;
}

export function createPlan(episode: Episode, change: PlanChange) {
  return api.post<TreatmentPlan>(planPath(episode), change);
}

/** Edits an unsigned or half-signed plan; a signature already given is withdrawn by the edit. */
export function updatePlan(episode: Episode, plan: TreatmentPlan, change: PlanChange) {
  return api.put<TreatmentPlan>(planPath(episode), change, ifMatch(plan.version));
}

/** Changes a plan signed by both: the signed revision goes to the history and a new unsigned one starts. */
export function reviseSignedPlan(episode: Episode, plan: TreatmentPlan, change: PlanChange) {
  return api.post<TreatmentPlan>(`${planPath(episode)}/revisions`, change, ifMatch(plan.version));
}

export function signPlan(
  episode: Episode,
  plan: TreatmentPlan,
  signer: 'clinician' | 'patient',
  typedName: string,
) {
  return api.post<TreatmentPlan>(
    `${planPath(episode)}/${signer}-signature`,
    { typedName },
    ifMatch(plan.version),
  );
}

/** A saved or signed plan is the episode's plan now, and one more line in its history. */
function showSavedPlan(queryClient: QueryClient, episode: Episode, saved: TreatmentPlan) {
  queryClient.setQueryData(planKeys.episode(episode.id), saved);
  void queryClient.invalidateQueries({ queryKey: planKeys.history(episode.id) });
  void queryClient.invalidateQueries({ queryKey: planKeys.overdueReviews });
}

export type PlanEditMode = 'create' | 'edit' | 'revise';

/** Starts the plan, edits an unsigned one, or makes a new version of a signed one. */
export function useSavePlan(episode: Episode, plan: TreatmentPlan | null, mode: PlanEditMode) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PlanChange) => {
      if (!plan) return createPlan(episode, change);
      return mode === 'revise' ? reviseSignedPlan(episode, plan, change) : updatePlan(episode, plan, change);
    },
    onSuccess: (saved) => showSavedPlan(queryClient, episode, saved),
  });
}

export function useSignPlan(episode: Episode, plan: TreatmentPlan, signer: 'clinician' | 'patient') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (typedName: string) => signPlan(episode, plan, signer, typedName),
    onSuccess: (saved) => showSavedPlan(queryClient, episode, saved),
  });
}

export interface OverdueReview {
  planId: string;
  episodeId: string;
  patientId: string;
  siteId: string;
  givenName: string;
  familyName: string;
  mrn: string;
  programName: string;
  reviewDate: string;
}

/** Plans past their review date where the signed-in user is the primary clinician or on the care team. */
export function useOverdueReviews(enabled: boolean) {
  return useQuery({
    queryKey: planKeys.overdueReviews,
    queryFn: ({ signal }) =>
      api.get<{ items: OverdueReview[] }>('/api/treatment-plans/overdue-reviews', { signal }),
    enabled,
  });
}

/** The portal's own plan key, as portal/my-treatment-plan sets it after the patient signs. */
export const myPlanQueryKey = planKeys.mine;

/** The patient's own current plan, or null when there is none yet. */
export function useMyTreatmentPlan() {
  return useQuery({
    queryKey: myPlanQueryKey,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<TreatmentPlan>('/api/portal/treatment-plan', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function signMyPlan(plan: TreatmentPlan, typedName: string) {
  return api.post<TreatmentPlan>(
    '/api/portal/treatment-plan/signature',
    { typedName },
    ifMatch(plan.version),
  );
}
