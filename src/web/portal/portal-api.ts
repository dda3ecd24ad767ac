import { useQuery } from '@tanstack/react-query';
import type { Patient } from '../patients/patients-api';
import { api } from '../shared/api-client';
import type { SignInStep } from '../shared/session';

export interface Program {
  name: string;
  helpLine: string | null;
}

export interface PortalMe {
  patient: Patient;
  program: Program | null;
}

export function usePortalMe() {
  return useQuery({
    queryKey: ['portal-me'],
    queryFn: ({ signal }) => api.get<PortalMe>('/api/portal/me', { signal }),
  });
}

export interface Invitation {
  givenName: string;
  expiresAt: string;
}

const invitationPath = (token: string) => `/api/portal/invitations/${encodeURIComponent(token)}`;

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => api.get<Invitation>(invitationPath(token), { signal, keepOnUnauthorized: true }),
  });
}

export function acceptInvitation(token: string, email: string, password: string) {
  return api.post<{ next: SignInStep; csrfToken: string }>(
    `${invitationPath(token)}/accept`,
    { email, password },
    { keepOnUnauthorized: true },
  );
}
