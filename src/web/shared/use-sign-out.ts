import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { client, keepSessionOnUnauthorized } from './api/client';
import { setCsrfToken } from './api/session-signals';
import type { LoginLocationState } from './session';

export type SignOutScope = 'this-browser' | 'everywhere';

/** Ends the session on the server (best effort) and returns to the sign-in page. */
export function useSignOut() {
  const navigate = useNavigate();
  return useCallback(
    async (scope: SignOutScope, reason?: string) => {
      const path = scope === 'everywhere' ? '/api/auth/logout-all' : '/api/auth/logout';
      try {
        await client.POST(path, keepSessionOnUnauthorized);
      } catch {
        // Already gone on the server (expired, or ended elsewhere): nothing left to end.
      }
      setCsrfToken(null);
      const state: LoginLocationState = { signedOutReason: reason };
      navigate('/login', { replace: true, state });
    },
    [navigate],
  );
}
