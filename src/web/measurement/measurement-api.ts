import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, client, idempotent, type Schema } from '../shared/api/client';
import { measurementKeys } from './measurement-keys';

// Measurement-based care: instrument schedules, the due list, results with trends, urgent tasks from risk
// answers, the portal's questionnaires. Types are the server's schemas through the generated contract.

export type InstrumentSchedules = Schema<'InstrumentSchedules'>;
/** A line of a program's schedule as saved (the instrument by the id the server's instrument list gives). */
export type ScheduleItem = Schema<'ReplaceInstrumentSchedule'>['items'][number];
export type InstrumentId = ScheduleItem['instrumentId'];
export type DueItem = Schema<'MeasurementDueList'>['items'][number];
export type InstrumentResult = Schema<'InstrumentResult'>;
export type InstrumentTrend = Schema<'PatientInstrumentResults'>['trends'][number];
export type UrgentTask = Schema<'UrgentTask'>;
export type ProgramOutcome = Schema<'MeasurementOutcomes'>['items'][number];
export type PortalInstrument = Schema<'PortalDueInstruments'>['items'][number];
export type PortalQuestion = PortalInstrument['items'][number];
type Answers = Schema<'CreateInstrumentResult'>['answers'];

export const TASK_LABELS: Record<UrgentTask['type'], string> = {
  suicide_risk_high: 'Suicide risk: high — act now',
  suicide_risk_review: 'Suicide risk: same-day review',
  withdrawal_threshold: 'Withdrawal above program threshold',
};

export function useInstrumentSchedules(siteId: string | undefined) {
  return useQuery({
    queryKey: measurementKeys.schedules(siteId),
    enabled: Boolean(siteId),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/sites/{siteId}/instrument-schedules', {
          params: { path: { siteId: siteId ?? '' } },
          signal,
        }),
      ),
  });
}

export function useSaveSchedule(siteId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ programId, items }: { programId: string; items: ScheduleItem[] }) =>
      answer(
        client.PUT('/api/sites/{siteId}/programs/{programId}/instrument-schedule', {
          params: { path: { siteId: siteId ?? '', programId } },
          body: { items },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: measurementKeys.schedules(siteId) });
      void queryClient.invalidateQueries({ queryKey: measurementKeys.due });
    },
  });
}

export function useDueList(siteId: string | undefined, page: number) {
  return useQuery({
    queryKey: measurementKeys.duePage(siteId, page),
    enabled: Boolean(siteId),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/sites/{siteId}/measurement-due', {
          params: { path: { siteId: siteId ?? '' }, query: { page, pageSize: 50 } },
          signal,
        }),
      ),
  });
}

export function useProgramOutcomes(siteId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: measurementKeys.outcomes(siteId),
    enabled: Boolean(siteId) && enabled,
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/sites/{siteId}/measurement-outcomes', {
          params: { path: { siteId: siteId ?? '' } },
          signal,
        }),
      ),
  });
}

export function usePatientResults(patientId: string) {
  return useQuery({
    queryKey: measurementKeys.results(patientId),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/patients/{patientId}/instrument-results', {
          params: { path: { patientId } },
          signal,
        }),
      ),
  });
}

/** A result entered by staff: a retry of the same answers reuses its Idempotency-Key, so it is stored once. */
export function useEnterResult(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { instrumentId: string; answers: Answers }) =>
      answer(
        client.POST('/api/patients/{patientId}/instrument-results', {
          params: { path: { patientId } },
          body: input,
          ...idempotent(),
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: measurementKeys.results(patientId) });
      void queryClient.invalidateQueries({ queryKey: measurementKeys.patientTasks(patientId) });
      void queryClient.invalidateQueries({ queryKey: measurementKeys.myTasks });
      void queryClient.invalidateQueries({ queryKey: measurementKeys.due });
      void queryClient.invalidateQueries({ queryKey: ['measurement', 'outcomes'] });
    },
  });
}

export function usePatientOpenTasks(patientId: string, enabled: boolean) {
  return useQuery({
    queryKey: measurementKeys.patientTasks(patientId),
    enabled,
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/patients/{patientId}/urgent-tasks', {
          params: { path: { patientId }, query: { status: 'open' } },
          signal,
        }),
      ),
  });
}

export function useMyUrgentTasks(enabled = true) {
  return useQuery({
    queryKey: measurementKeys.myTasks,
    enabled,
    queryFn: ({ signal }) =>
      answer(client.GET('/api/my/urgent-tasks', { params: { query: { pageSize: 100 } }, signal })),
  });
}

export function useAcknowledgeTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, note }: { task: Pick<UrgentTask, 'id' | 'patientId'>; note?: string }) =>
      answer(
        client.POST('/api/patients/{patientId}/urgent-tasks/{taskId}/acknowledge', {
          params: { path: { patientId: task.patientId, taskId: task.id } },
          body: note ? { note } : {},
        }),
      ),
    onSuccess: (task) => {
      void queryClient.invalidateQueries({ queryKey: measurementKeys.patientTasks(task.patientId) });
      void queryClient.invalidateQueries({ queryKey: measurementKeys.myTasks });
    },
  });
}

export function usePortalInstruments() {
  return useQuery({
    queryKey: measurementKeys.portalInstruments,
    queryFn: ({ signal }) => answer(client.GET('/api/portal/instruments', { signal })),
  });
}

/** A questionnaire the patient answered in the portal (same Idempotency-Key for a retry of the same answers). */
export function useSubmitPortalInstrument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Schema<'PortalInstrumentResult'>) =>
      answer(client.POST('/api/portal/instrument-results', { body: input, ...idempotent() })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: measurementKeys.portalInstruments }),
  });
}
