import { Alert, Button, Center, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { ApiError } from '../shared/api/api-error';
import { CurrentSiteProvider } from '../shared/current-site';
import { type LoginLocationState, type Me, signInStepPath, useMe } from '../shared/session';
import { homePathFor } from '../shared/staff-navigation';
import { FullPageLoader } from './full-page-loader';
import { IdleTimeout } from './idle-timeout';

/**
 * Renders its children only for a fully signed-in user of the given kind; everyone else is sent where
 * they belong (sign-in, the MFA step they have not finished, or their own home).
 */
export function RequireSession({ kind, children }: { kind: Me['kind']; children: ReactNode }) {
  const me = useMe();

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const state: LoginLocationState = { signedOutReason: me.error.code };
      return <Navigate to="/login" replace state={state} />;
    }
    return (
      <Center h="100vh">
        <Stack>
          <Alert color="red" title="Could not load your account">
            {me.error.message}
          </Alert>
          <Button onClick={() => void me.refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }

  const stepPath = signInStepPath(me.data.next);
  if (stepPath) return <Navigate to={stepPath} replace />;
  if (me.data.kind !== kind) return <Navigate to={homePathFor(me.data)} replace />;

  return (
    <CurrentSiteProvider userId={me.data.user.id} sites={me.data.sites}>
      <IdleTimeout idleTimeoutSeconds={me.data.session.idleTimeoutSeconds} />
      {children}
    </CurrentSiteProvider>
  );
}

/** `/`: wherever this user starts. */
export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    const state: LoginLocationState = {
      signedOutReason: me.error instanceof ApiError ? me.error.code : undefined,
    };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Navigate to={signInStepPath(me.data.next) ?? homePathFor(me.data)} replace />;
}
