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
