import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../shared/api-client';
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
] as const;

export interface ProgramOption {
  id: string;
  name: string;
  kind: string;
  /** Intake rule-out thresholds: CIWA-Ar above, COWS at or above. */
  ciwaArAbove: number;
  cowsAtLeast: number;
  /** Default days from plan creation to its review. */
  planReviewDays: number;
}

/** The site's programs: where a referral goes, and a filter of the episode census. */
export function usePrograms(siteId: string | undefined) {
  return useQuery({
    queryKey: referralKeys.sitePrograms(siteId),
    queryFn: ({ signal }) =>
      api.get<{ items: ProgramOption[] }>(`/api/sites/${encodeURIComponent(siteId ?? '')}/programs`, {
        signal,
      }),
    enabled: Boolean(siteId),
    staleTime: 5 * 60_000,
  });
}

export interface PresentingSubstance {
  substance: string;
  lastUseOn: string | null;
  route?: string | null;
}

export interface MedicalFlags {
  withdrawalComplicationRisk: boolean;
  medicallyUnstable: boolean;
  pregnant: boolean;
  note?: string | null;
}

export interface PsychiatricFlags {
  acutePsychiatricSymptoms: boolean;
  coOccurringDisorder: boolean;
  note?: string | null;
}

export interface NewReferral {
  programId: string;
  source: string;
  referrerName: string | null;
  referredOn: string;
  substances: PresentingSubstance[];
  medicalFlags: MedicalFlags;
  psychiatricFlags: PsychiatricFlags;
  recoveryEnvironmentUnsafe: boolean;
  note: string | null;
}

export interface RuleOutReason {
  code: string;
  message: string;
  referTo: { level: string; label: string };
}

export interface RuleOut {
  outcome: 'proceed-to-assessment' | 'refer-higher-level';
  reasons: RuleOutReason[];
}

export interface ScreeningFlags {
  withdrawalComplicationRisk: boolean;
  medicallyUnstable: boolean;
  acutePsychiatricSymptoms: boolean;
  recoveryEnvironmentUnsafe: boolean;
}

type Answers = Record<string, number>;

export interface NewScreening extends ScreeningFlags {
  edition: 3 | 4;
  ciwaAr: Answers | null;
  cows: Answers | null;
  cssrs: Answers | null;
}

export interface IntakeScreening {
  id: string;
  referralId: string;
  edition: number;
  ciwaAr: { answers: Answers; total: number; band: string } | null;
  cows: { answers: Answers; total: number; band: string } | null;
  cssrs: { answers: Answers; risk: string } | null;
  flags: Record<string, boolean>;
  thresholds: { ciwaArAbove: number; cowsAtLeast: number };
  ruleOut: RuleOut;
  screenedBy: string;
  screenedAt: string;
}

export interface Referral extends Omit<NewReferral, 'medicalFlags' | 'psychiatricFlags'> {
  id: string;
  patientId: string;
  siteId: string;
  programName: string;
  medicalFlags: Required<MedicalFlags>;
  psychiatricFlags: Required<PsychiatricFlags>;
  createdBy: string;
  createdAt: string;
  /** Newest first. */
  screenings: IntakeScreening[];
}

const referralsPath = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/referrals`;

/** The patient's referrals, newest first, each with its screenings (newest first). */
export function useReferrals(patientId: string) {
  return useQuery({
    queryKey: referralKeys.patient(patientId),
    queryFn: ({ signal }) => api.get<{ items: Referral[] }>(referralsPath(patientId), { signal }),
  });
}

export function createReferral(patientId: string, referral: NewReferral) {
  return api.create<Referral>(referralsPath(patientId), referral);
}

export function createScreening(patientId: string, referralId: string, screening: NewScreening) {
  return api.create<IntakeScreening>(
    `${referralsPath(patientId)}/${encodeURIComponent(referralId)}/screenings`,
    screening,
  );
}

/** Records an intake screen of the referral; the referral's screens (newest first) are read again. */
export function useCreateScreening(patientId: string, referralId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (screening: NewScreening) => createScreening(patientId, referralId, screening),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.patient(patientId) }),
  });
}
