import { useQuery } from '@tanstack/react-query';
import { answer, client, keepSessionOnUnauthorized, type Schema } from '../shared/api/client';
import { portalKeys } from './portal-keys';

export type PortalMe = Schema<'PortalMe'>;
export type Program = NonNullable<PortalMe['program']>;

export function usePortalMe() {
  return useQuery({
    queryKey: portalKeys.me,
    queryFn: ({ signal }) => answer(client.GET('/api/portal/me', { signal })),
  });
}

/** An invitation link, checked before the invited person chooses a password (no session yet: a 401 is an answer). */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: portalKeys.invitation(token),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/portal/invitations/{token}', {
          params: { path: { token } },
          signal,
          ...keepSessionOnUnauthorized,
        }),
      ),
  });
}

export function acceptInvitation(token: string, email: string, password: string) {
  return answer(
    client.POST('/api/portal/invitations/{token}/accept', {
      params: { path: { token } },
      body: { email, password },
      ...keepSessionOnUnauthorized,
    }),
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
