import { useQuery } from '@tanstack/react-query';
import { answer, client, idempotent, type Schema } from '../shared/api/client';
import { patientKeys } from './patients-keys';

export type PatientSummary = Schema<'CensusRow'>;
export type Patient = Schema<'Patient'>;
export type NewPatient = Schema<'CreatePatient'>;

export const CENSUS_PAGE_SIZE = 25;

export function useCensus(siteId: string | undefined, q: string, page: number) {
  return useQuery({
    queryKey: patientKeys.censusPage(siteId, q, page),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/sites/{siteId}/patients', {
          // An empty search is left out, so the server lists everyone.
          params: {
            path: { siteId: siteId ?? '' },
            query: { ...(q ? { q } : {}), page, pageSize: CENSUS_PAGE_SIZE },
          },
          signal,
        }),
      ),
    enabled: Boolean(siteId),
    // Keep the old page on screen while the next one loads, so the table does not jump.
    placeholderData: (previous) => previous,
  });
}

export function usePatient(patientId: string) {
  return useQuery({
    queryKey: patientKeys.detail(patientId),
    queryFn: ({ signal }) =>
      answer(client.GET('/api/patients/{patientId}', { params: { path: { patientId } }, signal })),
  });
}

export function requestBreakGlass(patientId: string, reason: string) {
  return answer(
    client.POST('/api/patients/{patientId}/break-glass', {
      params: { path: { patientId } },
      body: { reason },
    }),
  );
}

/** Registers the patient; a retry of the same registration reuses its Idempotency-Key. */
export function createPatient(siteId: string, body: NewPatient) {
  return answer(
    client.POST('/api/sites/{siteId}/patients', { params: { path: { siteId } }, body, ...idempotent() }),
  );
}

/** A staff member invites the patient to the portal (the chart's portal card). */
export function inviteToPortal(patientId: string) {
  return answer(
    client.POST('/api/patients/{patientId}/portal-invitations', { params: { path: { patientId } } }),
  );
}

/** Revokes every unused portal link of the patient (a new invitation also replaces the earlier one). */
export function revokePortalInvitations(patientId: string) {
  return answer(
    client.POST('/api/patients/{patientId}/portal-invitations/revoke', {
      params: { path: { patientId } },
      body: {},
    }),
  );
}
