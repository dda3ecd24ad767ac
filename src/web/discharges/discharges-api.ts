import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Episode } from '../episodes/episodes-api';
import { episodeKeys } from '../episodes/episodes-keys';
import { ApiError, api, ifMatch } from '../shared/api-client';
import { dischargeKeys } from './discharges-keys';

export const RECOVERY_SUPPORTS = [
  { value: 'alumni_group', label: 'Alumni group' },
  { value: 'twelve_step', label: '12-step meetings' },
  { value: 'smart_recovery', label: 'SMART Recovery' },
  { value: 'sober_living', label: 'Sober living' },
  { value: 'family_program', label: 'Family program' },
] as const;

export interface AftercareAppointment {
  on: string;
  time: string | null;
  with: string;
  purpose: string | null;
}

export interface AftercarePlan {
  nextProvider: { name: string; levelOfCare: string | null; phone: string | null; address: string | null };
  appointments: AftercareAppointment[];
  recoverySupports: string[];
  crisisPlan: {
    crisisLine: string;
    warningSigns: string | null;
    copingSteps: string | null;
    contacts: string | null;
  };
  medicationContinuity: {
    medications: string | null;
    prescriber: string | null;
    supplyUntil: string | null;
    note: string | null;
  };
}

export interface NewDischarge {
  dischargedOn: string;
  /** TEDS reason code 1–7. */
  reason: number | null;
  levelAtDischarge: string;
  summary: string;
  referralTo: string | null;
  nextLevel: string | null;
  aftercare: AftercarePlan;
}

/** summary, referralTo and aftercare are absent for a role that may not read clinical narrative (billing). */
export interface Discharge
  extends Omit<NewDischarge, 'reason' | 'summary' | 'referralTo' | 'aftercare'>,
    Partial<Pick<NewDischarge, 'summary' | 'aftercare'>> {
  referralTo?: string | null;
  id: string;
  episodeId: string;
  patientId: string;
  reason: { code: number; key: string; label: string };
  dischargedBy: string;
  createdAt: string;
}

const dischargePath = (episode: Pick<Episode, 'id' | 'patientId'>) =>
  `/api/patients/${encodeURIComponent(episode.patientId)}/episodes/${encodeURIComponent(episode.id)}/discharge`;

/** The episode's discharge, or null while it has none (404). */
export function useDischarge(episode: Episode | undefined) {
  return useQuery({
    queryKey: dischargeKeys.episode(episode?.id ?? ''),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Discharge>(dischargePath(episode as Episode), { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(episode),
  });
}

/** Closes the episode: needs the episode's version, so a discharge on a stale screen answers 409. */
export function dischargeEpisode(episode: Episode, discharge: NewDischarge) {
  return api.post<Discharge>(dischargePath(episode), discharge, ifMatch(episode.version));
}

/** The discharge is the episode's now; the episode (closed) and the episode census are read again. */
export function useDischargeEpisode(episode: Episode) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (discharge: NewDischarge) => dischargeEpisode(episode, discharge),
    onSuccess: (saved) => {
      queryClient.setQueryData(dischargeKeys.episode(episode.id), saved);
      void queryClient.invalidateQueries({ queryKey: episodeKeys.patient(episode.patientId) });
      void queryClient.invalidateQueries({ queryKey: episodeKeys.census });
    },
  });
}

export interface MyAftercare {
  episodeId: string;
  programName: string;
  dischargedOn: string;
  aftercare: AftercarePlan;
}

/** The patient's own latest aftercare plan, or null when they have not been discharged. */
export function useMyAftercarePlan() {
  return useQuery({
    queryKey: dischargeKeys.myAftercare,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<MyAftercare>('/api/portal/aftercare', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
