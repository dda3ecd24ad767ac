import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from './api-client';

export type SignInStep = 'mfa' | 'enrol-mfa' | 'done';

export interface Site {
  id: string;
  name: string;
  /** IANA zone: the site's calendar decides clinical days. */
  timeZone: string;
}

export interface Me {
  kind: 'staff' | 'patient';
  csrfToken: string;
  user: { id: string; email: string; displayName: string; role: string };
  sites: Site[];
  patientId: string | null;
  session: { idleTimeoutSeconds: number; idleExpiresAt: string; expiresAt: string };
  next: SignInStep;
}

export const meQueryKey = ['me'] as const;

export async function fetchMe(): Promise<Me> {
  const me = await api.get<Me>('/api/auth/me');
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
