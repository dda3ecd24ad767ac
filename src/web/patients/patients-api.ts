import { useQuery } from '@tanstack/react-query';
import { api, type Page, withQuery } from '../shared/api-client';
import { patientKeys } from './patients-keys';

export interface PatientSummary {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  status: string;
}

export interface Patient extends PatientSummary {
  organizationId: string;
  siteId: string;
  siteName: string;
  siteTimeZone: string;
  pronouns: string | null;
  sexAtBirth: string | null;
  genderIdentity: string | null;
  language: string | null;
  phone: string | null;
  email: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  livingSituation: string | null;
  emergencyContact: { name: string; relationship: string; phone: string } | null;
  guardianContact: { name: string; relationship: string; phone: string | null; email: string | null } | null;
  version: number;
  createdAt: string;
}

export const CENSUS_PAGE_SIZE = 25;

export function useCensus(siteId: string | undefined, q: string, page: number) {
  return useQuery({
    queryKey: patientKeys.censusPage(siteId, q, page),
    queryFn: ({ signal }) =>
      api.get<Page<PatientSummary>>(
        withQuery(`/api/sites/${encodeURIComponent(siteId ?? '')}/patients`, {
          q,
          page,
          pageSize: CENSUS_PAGE_SIZE,
        }),
        { signal },
      ),
    enabled: Boolean(siteId),
    // Keep the old page on screen while the next one loads, so the table does not jump.
    placeholderData: (previous) => previous,
  });
}

export function usePatient(patientId: string) {
  return useQuery({
    queryKey: patientKeys.detail(patientId),
    queryFn: ({ signal }) => api.get<Patient>(`/api/patients/${encodeURIComponent(patientId)}`, { signal }),
  });
}

export function requestBreakGlass(patientId: string, reason: string) {
  return api.post<{ expiresAt: string }>(`/api/patients/${encodeURIComponent(patientId)}/break-glass`, {
    reason,
  });
}

export const LIVING_SITUATIONS = [
  { value: 'home', label: 'Own home' },
  { value: 'with_family', label: 'With family' },
  { value: 'sober_living', label: 'Sober living' },
  { value: 'alone', label: 'Alone' },
  { value: 'unhoused', label: 'Unhoused' },
  { value: 'other', label: 'Other' },
] as const;

export interface EmergencyContact {
  name: string;
  relationship: string;
  phone: string;
}

export interface GuardianContact {
  name: string;
  relationship: string;
  phone: string | null;
  email: string | null;
}

export interface NewPatient {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: string;
  sexAtBirth: string | null;
  genderIdentity: string | null;
  language: string | null;
  phone: string | null;
  email: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  livingSituation: string;
  emergencyContact: EmergencyContact | null;
  guardianContact: GuardianContact | null;
  /** Set after the user has seen the possible duplicate and says this is someone else. */
  confirmNotDuplicate?: boolean;
}

export function createPatient(siteId: string, patient: NewPatient) {
  return api.create<Patient>(`/api/sites/${encodeURIComponent(siteId)}/patients`, patient);
}

export function inviteToPortal(patientId: string) {
  return api.post<{ inviteUrl: string; expiresAt: string }>(
    `/api/patients/${encodeURIComponent(patientId)}/portal-invitations`,
  );
}

/** Revokes every unused portal link of the patient (a new invitation also replaces the earlier one). */
export function revokePortalInvitations(patientId: string) {
  return api.post<{ revoked: number }>(
    `/api/patients/${encodeURIComponent(patientId)}/portal-invitations/revoke`,
    {},
  );
}
