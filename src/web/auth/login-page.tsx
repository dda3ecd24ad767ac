import { Alert, PasswordInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { answer, client, keepSessionOnUnauthorized } from '../shared/api/client';
import { setCsrfToken } from '../shared/api/session-signals';
import { useServerErrors } from '../shared/form-feedback';
import type { LoginLocationState } from '../shared/session';
import { SignInForm } from '../shared/sign-in-form';
import { SignInLayout } from '../shared/sign-in-layout';
import { useContinueSignIn } from '../shared/use-continue-sign-in';

export function LoginPage() {
  const location = useLocation();
  const queryClient = useQueryClient();
  const continueSignIn = useContinueSignIn();
  const signedOutReason = (location.state as LoginLocationState | null)?.signedOutReason;
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (email) => (email.trim() ? null : 'Enter your email address'),
      password: (password) => (password ? null : 'Enter your password'),
    },
  });
  const server = useServerErrors(form);

  // Whatever the last user left in memory goes now, before anyone else signs in.
  useEffect(() => {
    queryClient.removeQueries();
    setCsrfToken(null);
  }, [queryClient]);

  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      answer(
        client.POST('/api/auth/login', {
          body,
          ...keepSessionOnUnauthorized,
        }),
      ),
    onSuccess: async (answer) => {
      setCsrfToken(answer.csrfToken);
      await continueSignIn(answer.next);
    },
    onError: server.show,
  });

  const submit = form.onSubmit(({ email, password }) => {
    server.clear();
    login.mutate({ email: email.trim(), password });
  });

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
      <SignInForm
        onSubmit={submit}
        banner={server.banner}
        email={form.getInputProps('email')}
        pending={login.isPending}
        submitLabel="Sign in"
      >
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          {...form.getInputProps('password')}
          required
        />
      </SignInForm>
      <Text size="sm" c="dimmed">
        Staff and patients use the same sign-in. Patients receive their first sign-in link from their care
        team.
      </Text>
    </SignInLayout>
  );
}
