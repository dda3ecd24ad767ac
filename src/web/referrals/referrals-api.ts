import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, client, idempotent, type Schema } from '../shared/api/client';
import { referralKeys } from './referrals-keys';

export const REFERRAL_SOURCES = [
  { value: 'self', label: 'Self' },
  { value: 'family', label: 'Family' },
  { value: 'hospital', label: 'Hospital' },
  { value: 'detox_stepdown', label: 'Detox step-down' },
  { value: 'residential_stepdown', label: 'Residential step-down' },
  { value: 'php_stepdown', label: 'PHP step-down' },
  { value: 'court', label: 'Court' },
  { value: 'employer', label: 'Employer' },
  { value: 'primary_care', label: 'Primary care' },
  { value: 'other', label: 'Other' },
] as const satisfies readonly { value: Schema<'CreateReferral'>['source']; label: string }[];

export type Referral = Schema<'Referral'>;
export type NewReferral = Schema<'CreateReferral'>;
export type IntakeScreening = Schema<'IntakeScreening'>;
export type NewScreening = Schema<'CreateScreening'>;
export type RuleOut = IntakeScreening['ruleOut'];
export type ScreeningFlags = Required<
  Pick<
    NewScreening,
    | 'withdrawalComplicationRisk'
    | 'medicallyUnstable'
    | 'acutePsychiatricSymptoms'
    | 'recoveryEnvironmentUnsafe'
  >
>;
export type ProgramOption = Schema<'ProgramList'>['items'][number];

const onePatient = (patientId: string) => ({ params: { path: { patientId } } });

/** The patient's referrals, newest first, each with its screenings (newest first). */
export function useReferrals(patientId: string) {
  return useQuery({
    queryKey: referralKeys.patient(patientId),
    queryFn: ({ signal }) =>
      answer(client.GET('/api/patients/{patientId}/referrals', { ...onePatient(patientId), signal })),
  });
}

/** The site's programs: where a referral goes, and a filter of the episode census. */
export function usePrograms(siteId: string | undefined) {
  return useQuery({
    queryKey: referralKeys.sitePrograms(siteId),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/sites/{siteId}/programs', { params: { path: { siteId: siteId ?? '' } }, signal }),
      ),
    enabled: Boolean(siteId),
    staleTime: 5 * 60_000,
  });
}

/** Records the referral; a retry of the same referral reuses its Idempotency-Key. */
export function createReferral(patientId: string, body: NewReferral) {
  return answer(
    client.POST('/api/patients/{patientId}/referrals', { ...onePatient(patientId), body, ...idempotent() }),
  );
}

/** Records an intake screen of the referral; the referral's screens (newest first) are read again. */
export function useCreateScreening(patientId: string, referralId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewScreening) =>
      answer(
        client.POST('/api/patients/{patientId}/referrals/{referralId}/screenings', {
          params: { path: { patientId, referralId } },
          body,
          ...idempotent(),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.patient(patientId) }),
  });
}
