import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { onSessionGone } from '../shared/api/session-signals';
import type { LoginLocationState } from '../shared/session';

// Pages that work without a session handle their own 401s.
const SIGNED_OUT_PATHS = ['/login', '/portal/invite/'];

/** Any API call that finds the session gone sends the user to sign in, saying why when it was inactivity. */
export function SessionGoneRedirect() {
  const navigate = useNavigate();
  useEffect(
    () =>
      onSessionGone((code) => {
        if (SIGNED_OUT_PATHS.some((path) => window.location.pathname.startsWith(path))) return;
        const state: LoginLocationState = { signedOutReason: code };
        navigate('/login', { replace: true, state });
      }),
    [navigate],
  );
  return null;
}
