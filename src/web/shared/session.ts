import { useQuery } from '@tanstack/react-query';
import { answer, client, type Schema } from './api/client';
import { setCsrfToken } from './api/session-signals';

/** The signed-in user, their sites and session (GET /api/auth/me). */
export type Me = Schema<'Me'>;
export type SignInStep = Me['next'];
/** A site of the user; `timeZone` (IANA) decides its clinical days. */
export type Site = Me['sites'][number];

export const meQueryKey = ['me'] as const;

export async function fetchMe(): Promise<Me> {
  const me = await answer(client.GET('/api/auth/me'));
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user. Never refetched on its own: each call extends the server session (see idle-timeout). */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });
}

/** Where the login answer's `next` step is completed. */
export function signInStepPath(next: SignInStep): string | null {
  if (next === 'mfa') return '/login/mfa';
  if (next === 'enrol-mfa') return '/login/enrol-mfa';
  return null;
}

/** The state /login reads to explain why the user is there. */
export interface LoginLocationState {
  signedOutReason?: string;
}
