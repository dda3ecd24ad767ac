import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../shared/api-client';
import { assessmentKeys } from './assessments-keys';

type DimensionMap<T> = Record<'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6', T>;

export interface NewAssessment {
  edition: 3 | 4;
  assessedOn: string;
  episodeId?: string | null;
  ratings: DimensionMap<number>;
  notes: Partial<DimensionMap<string>>;
  placedLevel: string;
  /** Required when the placed level differs from the recommendation. */
  reason: string | null;
  reasonNote: string | null;
}

export interface HourRange {
  atLeast: number | null;
  below: number | null;
  label: string;
}

export interface Assessment {
  id: string;
  patientId: string;
  episodeId: string | null;
  edition: 3 | 4;
  population: 'adult' | 'adolescent';
  assessedOn: string;
  ratings: Record<string, number>;
  /** Absent for a role that may not read the dimension narratives (billing). */
  notes?: Record<string, string>;
  recommendedLevel: string;
  drivenBy: string[];
  placedLevel: string;
  placedLevelHours: HourRange | null;
  placementReason: string | null;
  placementNote?: string | null;
  assessedBy: string;
  createdAt: string;
}

const assessmentsPath = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/assessments`;

export function useAssessments(patientId: string) {
  return useQuery({
    queryKey: assessmentKeys.patient(patientId),
    queryFn: ({ signal }) =>
      api.get<{ items: Assessment[]; page: number; pageSize: number }>(assessmentsPath(patientId), {
        signal,
      }),
  });
}

export function createAssessment(patientId: string, assessment: NewAssessment) {
  return api.create<Assessment>(assessmentsPath(patientId), assessment);
}

/** Saves an assessment; the patient's assessment history (and the admission form's latest) is read again. */
export function useCreateAssessment(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assessment: NewAssessment) => createAssessment(patientId, assessment),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.patient(patientId) });
    },
  });
}
