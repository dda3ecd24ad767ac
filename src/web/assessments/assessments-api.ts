import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, client, idempotent, type Schema } from '../shared/api/client';
import { assessmentKeys } from './assessments-keys';

export type Assessment = Schema<'AsamAssessment'>;
export type NewAssessment = Schema<'CreateAssessment'>;
export type HourRange = NonNullable<Assessment['placedLevelHours']>;

const onePatient = (patientId: string) => ({ params: { path: { patientId } } });

export function useAssessments(patientId: string) {
  return useQuery({
    queryKey: assessmentKeys.patient(patientId),
    queryFn: ({ signal }) =>
      answer(client.GET('/api/patients/{patientId}/assessments', { ...onePatient(patientId), signal })),
  });
}

/** Saves an assessment; the patient's assessment history (and the admission form's latest) is read again. */
export function useCreateAssessment(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAssessment) =>
      answer(
        client.POST('/api/patients/{patientId}/assessments', {
          ...onePatient(patientId),
          body,
          ...idempotent(),
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.patient(patientId) });
    },
  });
}
