import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../shared/api/api-error';
import { answer, client, keepSessionOnUnauthorized } from '../shared/api/client';
import { fieldError } from '../shared/form-errors';
import { SignInLayout } from '../shared/sign-in-layout';
import { useContinueSignIn } from '../shared/use-continue-sign-in';
import { authCode, authCodeProblem, type CodeKind } from './auth-code';
import { AuthenticatorCodeInput } from './authenticator-code-input';

function isSessionGone(error: unknown): boolean {
  return (
    error instanceof ApiError && ['unauthenticated', 'session_ended', 'session_expired'].includes(error.code)
  );
}

export function MfaPromptPage() {
  const continueSignIn = useContinueSignIn();
  const [kind, setKind] = useState<CodeKind>('authenticator');
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (code) => authCodeProblem(kind, code) },
  });
  const switchedKind = useRef(false);
  // Switching between code kinds replaces the input; keep keyboard focus on the field being asked for.
  const focusIfSwitched = useCallback((element: HTMLInputElement | null) => {
    if (element && switchedKind.current) element.focus();
  }, []);

  const verify = useMutation({
    mutationFn: (value: string) =>
      answer(client.POST('/api/auth/mfa/verify', { body: { code: value }, ...keepSessionOnUnauthorized })),
    onSuccess: (answer) => continueSignIn(answer.next),
  });

  const switchKind = () => {
    switchedKind.current = true;
    setKind((current) => (current === 'authenticator' ? 'recovery' : 'authenticator'));
    form.reset();
    verify.reset();
  };

  const submit = form.onSubmit(({ code }) =>
    verify.mutate(authCode(kind, code), {
      // This form has one input, so every answer about the code belongs next to it. A callback of this
      // call rather than of the mutation: switching kinds (verify.reset()) drops the answer to a code
      // still being checked, instead of showing it under the other kind's input.
      onError: (error) => {
        if (!isSessionGone(error)) form.setFieldError('code', fieldError(error, 'code') ?? error.message);
      },
    }),
  );

  const sessionGone = isSessionGone(verify.error);

  return (
    <SignInLayout title="Two-step verification">
      {sessionGone ? (
        <Alert color="yellow" title="Your sign-in has expired">
          <Anchor component={Link} to="/login">
            Start again
          </Anchor>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {kind === 'authenticator' ? (
              <AuthenticatorCodeInput
                key="authenticator"
                ref={focusIfSwitched}
                label="Authentication code"
                description="Enter the 6-digit code shown in your authenticator app."
                {...form.getInputProps('code')}
              />
            ) : (
              <TextInput
                key="recovery"
                ref={focusIfSwitched}
                label="Recovery code"
                description="Enter one of the recovery codes you saved when you set up two-step verification. Each code works once."
                autoComplete="off"
                spellCheck={false}
                {...form.getInputProps('code')}
                required
              />
            )}
            <Button type="submit" loading={verify.isPending} fullWidth>
              Verify
            </Button>
          </Stack>
        </form>
      )}
      <Stack gap={4}>
        {!sessionGone && (
          <Anchor component="button" type="button" onClick={switchKind} size="sm" ta="left">
            {kind === 'authenticator' ? 'Use a recovery code' : 'Use a code from your authenticator app'}
          </Anchor>
        )}
        <Text size="sm">
          <Anchor component={Link} to="/login">
            Back to sign in
          </Anchor>
        </Text>
      </Stack>
    </SignInLayout>
  );
}
