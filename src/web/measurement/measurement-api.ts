import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../shared/api-client';

export interface ScheduleItem {
  instrumentId: string;
  atIntake: boolean;
  everyDays: number | null;
}

export interface InstrumentSchedules {
  instruments: { id: string; shortName: string; name: string; administeredBy: string }[];
  programs: { programId: string; programName: string; items: ScheduleItem[] }[];
}

export interface DueItem {
  patientId: string;
  patientName: string;
  mrn: string;
  episodeId: string;
  programName: string;
  instrumentId: string;
  instrumentName: string;
  state: 'due' | 'overdue';
  dueOn: string;
  lastGivenOn: string | null;
}

export interface InstrumentResult {
  id: string;
  episodeId: string;
  instrumentId: string;
  instrumentName: string;
  answers: Record<string, number>;
  total: number | null;
  subscales: Record<string, number> | null;
  bandId: string;
  bandLabel: string;
  riskFlags: string[];
  administeredOn: string;
  enteredVia: 'staff' | 'portal';
  enteredByName?: string;
  urgentTask?: { id: string; type: string; status: string } | null;
}

export interface InstrumentTrend {
  instrumentId: string;
  instrumentName: string;
  baseline: number | null;
  latest: number | null;
  changeSinceIntake: number | null;
  response: {
    response: boolean;
    percentChange: number | null;
    clinicallySignificantImprovement?: boolean;
    remission?: boolean;
  } | null;
}

export interface UrgentTask {
  id: string;
  type: 'suicide_risk_high' | 'suicide_risk_review' | 'withdrawal_threshold';
  status: 'open' | 'acknowledged';
  patientId: string;
  patientName: string;
  mrn: string;
  instrumentName: string;
  total: number | null;
  bandLabel: string;
  administeredOn: string;
  enteredVia: string;
  createdAt: string;
}

export interface ProgramOutcome {
  programId: string;
  programName: string;
  instrumentId: string;
  instrumentName: string;
  patients: number;
  averageChange: number | null;
  responders: number;
}

export interface PortalQuestion {
  id: string;
  number: number;
  part?: string;
  text: string;
  options: { value: number; label: string }[];
  askedWhen?: { itemId: string; atLeast: number };
}

export interface PortalInstrument {
  instrumentId: string;
  name: string;
  shortName: string;
  instructions: string;
  state: 'due' | 'overdue';
  dueOn: string;
  items: PortalQuestion[];
}

export const TASK_LABELS: Record<UrgentTask['type'], string> = {
  suicide_risk_high: 'Suicide risk: high — act now',
  suicide_risk_review: 'Suicide risk: same-day review',
  withdrawal_threshold: 'Withdrawal above program threshold',
};

const patientPath = (patientId: string, rest: string) =>
  `/api/patients/${encodeURIComponent(patientId)}${rest}`;

export function useInstrumentSchedules(siteId: string | undefined) {
  return useQuery({
    queryKey: ['instrument-schedules', siteId],
    enabled: Boolean(siteId),
    queryFn: ({ signal }) =>
      api.get<InstrumentSchedules>(`/api/sites/${encodeURIComponent(siteId!)}/instrument-schedules`, {
        signal,
      }),
  });
}

export function useSaveSchedule(siteId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ programId, items }: { programId: string; items: ScheduleItem[] }) =>
      api.put(
        `/api/sites/${encodeURIComponent(siteId!)}/programs/${encodeURIComponent(programId)}/instrument-schedule`,
        { items },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['instrument-schedules', siteId] }),
  });
}

export function useDueList(siteId: string | undefined, page: number) {
  return useQuery({
    queryKey: ['measurement-due', siteId, page],
    enabled: Boolean(siteId),
    queryFn: ({ signal }) =>
      api.get<{ items: DueItem[]; total: number; page: number; pageSize: number }>(
        withQuery(`/api/sites/${encodeURIComponent(siteId!)}/measurement-due`, { page, pageSize: 50 }),
        { signal },
      ),
  });
}

export function useProgramOutcomes(siteId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['measurement-outcomes', siteId],
    enabled: Boolean(siteId) && enabled,
    queryFn: ({ signal }) =>
      api.get<{ items: ProgramOutcome[] }>(`/api/sites/${encodeURIComponent(siteId!)}/measurement-outcomes`, {
        signal,
      }),
  });
}

export const resultsQueryKey = (patientId: string) => ['instrument-results', patientId];
export const patientTasksQueryKey = (patientId: string) => ['urgent-tasks', patientId];

export function usePatientResults(patientId: string) {
  return useQuery({
    queryKey: resultsQueryKey(patientId),
    queryFn: ({ signal }) =>
      api.get<{ episodeId: string | null; items: InstrumentResult[]; trends: InstrumentTrend[] }>(
        patientPath(patientId, '/instrument-results'),
        { signal },
      ),
  });
}

export function useEnterResult(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { instrumentId: string; answers: Record<string, number | null>; key: string }) =>
      api.post<InstrumentResult>(
        patientPath(patientId, '/instrument-results'),
        { instrumentId: input.instrumentId, answers: input.answers },
        { headers: { 'Idempotency-Key': input.key } },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: resultsQueryKey(patientId) });
      void queryClient.invalidateQueries({ queryKey: patientTasksQueryKey(patientId) });
      void queryClient.invalidateQueries({ queryKey: ['my-urgent-tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['measurement-due'] });
    },
  });
}

export function usePatientOpenTasks(patientId: string, enabled: boolean) {
  return useQuery({
    queryKey: patientTasksQueryKey(patientId),
    enabled,
    queryFn: ({ signal }) =>
      api.get<{ items: UrgentTask[] }>(patientPath(patientId, '/urgent-tasks?status=open'), { signal }),
  });
}

export function useMyUrgentTasks(enabled = true) {
  return useQuery({
    queryKey: ['my-urgent-tasks'],
    enabled,
    queryFn: ({ signal }) =>
      api.get<{ items: UrgentTask[]; total: number }>('/api/my/urgent-tasks?pageSize=100', { signal }),
  });
}

export function useAcknowledgeTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, note }: { task: Pick<UrgentTask, 'id' | 'patientId'>; note?: string }) =>
      api.post<UrgentTask>(
        patientPath(task.patientId, `/urgent-tasks/${encodeURIComponent(task.id)}/acknowledge`),
        note ? { note } : {},
      ),
    onSuccess: (task) => {
      void queryClient.invalidateQueries({ queryKey: patientTasksQueryKey(task.patientId) });
      void queryClient.invalidateQueries({ queryKey: ['my-urgent-tasks'] });
    },
  });
}

export function usePortalInstruments() {
  return useQuery({
    queryKey: ['portal-instruments'],
    queryFn: ({ signal }) => api.get<{ items: PortalInstrument[] }>('/api/portal/instruments', { signal }),
  });
}

export function useSubmitPortalInstrument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { instrumentId: string; answers: Record<string, number | null>; key: string }) =>
      api.post<{ id: string; instrumentName: string; showCrisisLine: boolean; careTeamNotified: boolean }>(
        '/api/portal/instrument-results',
        { instrumentId: input.instrumentId, answers: input.answers },
        { headers: { 'Idempotency-Key': input.key } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portal-instruments'] }),
  });
}
