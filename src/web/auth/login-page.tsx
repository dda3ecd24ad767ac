import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { answer, client, keepSessionOnUnauthorized } from '../shared/api/client';
import { setCsrfToken } from '../shared/api-client';
import { fieldError, formError } from '../shared/form-errors';
import type { LoginLocationState } from '../shared/session';
import { SignInLayout } from '../shared/sign-in-layout';
import { useContinueSignIn } from '../shared/use-continue-sign-in';

const INPUTS = ['email', 'password'] as const;

export function LoginPage() {
  const location = useLocation();
  const queryClient = useQueryClient();
  const continueSignIn = useContinueSignIn();
  const signedOutReason = (location.state as LoginLocationState | null)?.signedOutReason;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  // Whatever the last user left in memory goes now, before anyone else signs in.
  useEffect(() => {
    queryClient.removeQueries();
    setCsrfToken(null);
  }, [queryClient]);

  const login = useMutation({
    mutationFn: () =>
      answer(
        client.POST('/api/auth/login', {
          body: { email: email.trim(), password },
          ...keepSessionOnUnauthorized,
        }),
      ),
    onSuccess: async (answer) => {
      setCsrfToken(answer.csrfToken);
      await continueSignIn(answer.next);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nextMissing = {
      email: email.trim() ? undefined : 'Enter your email address',
      password: password ? undefined : 'Enter your password',
    };
    setMissing(nextMissing);
    if (nextMissing.email || nextMissing.password) return;
    login.mutate();
  };

  const generalError = formError(login.error, INPUTS);

  return (
    <SignInLayout title="Sign in">
      {signedOutReason === 'session_expired' && (
        <Alert color="yellow" title="Signed out">
          You were signed out after a period of inactivity. Sign in again to continue.
        </Alert>
      )}
      {signedOutReason === 'session_ended' && (
        <Alert color="yellow" title="Signed out">
          This session was signed out (for example by “Sign out everywhere” or a password change). Sign in
          again to continue.
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setMissing((current) => ({ ...current, email: undefined }));
            }}
            error={missing.email ?? fieldError(login.error, 'email')}
            required
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setMissing((current) => ({ ...current, password: undefined }));
            }}
            error={missing.password ?? fieldError(login.error, 'password')}
            required
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
      <Text size="sm" c="dimmed">
        Staff and patients use the same sign-in. Patients receive their first sign-in link from their care
        team.
      </Text>
    </SignInLayout>
  );
}
