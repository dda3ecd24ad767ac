import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Episode } from '../episodes/episodes-api';
import { absentAsNull } from '../shared/api/absent-as-null';
import { answer, client, ifMatch, type Schema } from '../shared/api/client';
import { planKeys } from './treatment-plans-keys';

export type TreatmentPlan = Schema<'TreatmentPlan'>;
export type PlanDocument = Schema<'TreatmentPlanDocument'>;
export type Problem = PlanDocument['problems'][number];
export type Goal = Problem['goals'][number];
export type Objective = Goal['objectives'][number];
export type Intervention = Objective['interventions'][number];
export type PlanHistoryEntry = Schema<'TreatmentPlanHistory'>['items'][number];
export type PlanChange = Schema<'SaveTreatmentPlan'>;
export type OverdueReview = Schema<'OverduePlanReviews'>['items'][number];

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
] as const satisfies readonly { value: Intervention['modality']; label: string }[];

export const OBJECTIVE_STATUSES = [
  { value: 'not_started', label: 'Not started' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'met', label: 'Met' },
  { value: 'not_met', label: 'Not met' },
  { value: 'discontinued', label: 'Discontinued' },
] as const satisfies readonly { value: Objective['status']; label: string }[];

const oneEpisode = (episode: Pick<Episode, 'id' | 'patientId'>) => ({
  params: { path: { patientId: episode.patientId, episodeId: episode.id } },
});

/** The episode's plan, or null when none has been started (404). */
export function useTreatmentPlan(episode: Episode | undefined) {
  return useQuery({
    queryKey: planKeys.episode(episode?.id ?? ''),
    queryFn: ({ signal }) =>
      absentAsNull(
        answer(
          client.GET('/api/patients/{patientId}/episodes/{episodeId}/treatment-plan', {
            ...oneEpisode(episode as Episode),
            signal,
          }),
        ),
      ),
    enabled: Boolean(episode),
  });
}

/** Every revision, newest first (the current one first). */
export function usePlanHistory(episode: Episode, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.history(episode.id),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/patients/{patientId}/episodes/{episodeId}/treatment-plan/history', {
          ...oneEpisode(episode),
          signal,
        }),
      ),
    enabled,
  });
}

/** A saved or signed plan is the episode's plan now, one more line in its history, maybe no longer overdue. */
function showSavedPlan(queryClient: QueryClient, episode: Episode, saved: TreatmentPlan) {
  queryClient.setQueryData(planKeys.episode(episode.id), saved);
  void queryClient.invalidateQueries({ queryKey: planKeys.history(episode.id) });
  void queryClient.invalidateQueries({ queryKey: planKeys.overdueReviews });
}

export type PlanEditMode = 'create' | 'edit' | 'revise';

/**
 * Starts the plan, edits an unsigned one (a signature already given is withdrawn by the edit), or makes a
 * new version of one signed by both (the signed revision goes to the history). Edits need the plan's version.
 */
export function useSavePlan(episode: Episode, plan: TreatmentPlan | null, mode: PlanEditMode) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanChange) => {
      const at = oneEpisode(episode);
      if (!plan)
        return answer(
          client.POST('/api/patients/{patientId}/episodes/{episodeId}/treatment-plan', { ...at, body }),
        );
      const request = { ...at, body, ...ifMatch(plan.version) };
      return mode === 'revise'
        ? answer(
            client.POST('/api/patients/{patientId}/episodes/{episodeId}/treatment-plan/revisions', request),
          )
        : answer(client.PUT('/api/patients/{patientId}/episodes/{episodeId}/treatment-plan', request));
    },
    onSuccess: (saved) => showSavedPlan(queryClient, episode, saved),
  });
}

export function useSignPlan(episode: Episode, plan: TreatmentPlan, signer: 'clinician' | 'patient') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (typedName: string) => {
      const request = { ...oneEpisode(episode), body: { typedName }, ...ifMatch(plan.version) };
      return signer === 'clinician'
        ? answer(
            client.POST(
              '/api/patients/{patientId}/episodes/{episodeId}/treatment-plan/clinician-signature',
              request,
            ),
          )
        : answer(
            client.POST(
              '/api/patients/{patientId}/episodes/{episodeId}/treatment-plan/patient-signature',
              request,
            ),
          );
    },
    onSuccess: (saved) => showSavedPlan(queryClient, episode, saved),
  });
}

/** Plans past their review date where the signed-in user is the primary clinician or on the care team. */
export function useOverdueReviews(enabled: boolean) {
  return useQuery({
    queryKey: planKeys.overdueReviews,
    queryFn: ({ signal }) => answer(client.GET('/api/treatment-plans/overdue-reviews', { signal })),
    enabled,
  });
}

/** The portal's own plan key, as portal/my-treatment-plan sets it after the patient signs. */
export const myPlanQueryKey = planKeys.mine;

/** The patient's own current plan, or null when there is none yet. */
export function useMyTreatmentPlan() {
  return useQuery({
    queryKey: planKeys.mine,
    queryFn: ({ signal }) => absentAsNull(answer(client.GET('/api/portal/treatment-plan', { signal }))),
  });
}

export function signMyPlan(plan: TreatmentPlan, typedName: string) {
  return answer(
    client.POST('/api/portal/treatment-plan/signature', { body: { typedName }, ...ifMatch(plan.version) }),
  );
}
