import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Episode } from '../episodes/episodes-api';
import { episodeKeys } from '../episodes/episodes-keys';
import { absentAsNull } from '../shared/api/absent-as-null';
import { answer, client, ifMatch, type Schema } from '../shared/api/client';
import { dischargeKeys } from './discharges-keys';

export type NewDischarge = Schema<'DischargeEpisode'>;
export type RecoverySupport = NewDischarge['aftercare']['recoverySupports'][number];

export const RECOVERY_SUPPORTS = [
  { value: 'alumni_group', label: 'Alumni group' },
  { value: 'twelve_step', label: '12-step meetings' },
  { value: 'smart_recovery', label: 'SMART Recovery' },
  { value: 'sober_living', label: 'Sober living' },
  { value: 'family_program', label: 'Family program' },
] as const satisfies readonly { value: RecoverySupport; label: string }[];

export type AftercarePlan = Schema<'AftercarePlan'>;
export type AftercareAppointment = AftercarePlan['appointments'][number];
/** summary, referralTo and aftercare are absent for a role that may not read clinical narrative (billing). */
export type Discharge = Schema<'Discharge'>;

const oneEpisode = (episode: Pick<Episode, 'id' | 'patientId'>) => ({
  params: { path: { patientId: episode.patientId, episodeId: episode.id } },
});

/** The episode's discharge, or null while it has none (404). */
export function useDischarge(episode: Episode | undefined) {
  return useQuery({
    queryKey: dischargeKeys.episode(episode?.id ?? ''),
    queryFn: ({ signal }) =>
      absentAsNull(
        answer(
          client.GET('/api/patients/{patientId}/episodes/{episodeId}/discharge', {
            ...oneEpisode(episode as Episode),
            signal,
          }),
        ),
      ),
    enabled: Boolean(episode),
  });
}

/**
 * Closes the episode: needs the episode's version, so a discharge on a stale screen answers 409. The discharge
 * is the episode's now; the episode (closed) and the episode census are read again.
 */
export function useDischargeEpisode(episode: Episode) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDischarge) =>
      answer(
        client.POST('/api/patients/{patientId}/episodes/{episodeId}/discharge', {
          ...oneEpisode(episode),
          body,
          ...ifMatch(episode.version),
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(dischargeKeys.episode(episode.id), saved);
      void queryClient.invalidateQueries({ queryKey: episodeKeys.patient(episode.patientId) });
      void queryClient.invalidateQueries({ queryKey: episodeKeys.census });
    },
  });
}

/** The patient's own latest aftercare plan, or null when they have not been discharged. */
export function useMyAftercarePlan() {
  return useQuery({
    queryKey: dischargeKeys.myAftercare,
    queryFn: ({ signal }) => absentAsNull(answer(client.GET('/api/portal/aftercare', { signal }))),
  });
}
