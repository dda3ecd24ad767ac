import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import { answer, client, keepSessionOnUnauthorized } from '../shared/api/client';
import { ApiError } from '../shared/api-client';
import { fieldError } from '../shared/form-errors';
import { SignInLayout } from '../shared/sign-in-layout';
import { useContinueSignIn } from '../shared/use-continue-sign-in';

type CodeKind = 'authenticator' | 'recovery';

export function MfaPromptPage() {
  const continueSignIn = useContinueSignIn();
  const [kind, setKind] = useState<CodeKind>('authenticator');
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState<string>();
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
    setCode('');
    setMissing(undefined);
    verify.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = kind === 'authenticator' ? code.replace(/\s+/g, '') : code.trim().toLowerCase();
    if (!value) {
      setMissing(kind === 'authenticator' ? 'Enter the 6-digit code' : 'Enter a recovery code');
      return;
    }
    if (kind === 'authenticator' && !/^\d{6}$/.test(value)) {
      setMissing('The code is 6 digits');
      return;
    }
    setMissing(undefined);
    verify.mutate(value);
  };

  const sessionGone =
    verify.error instanceof ApiError &&
    ['unauthenticated', 'session_ended', 'session_expired'].includes(verify.error.code);
  // This form has one input, so every answer about the code belongs next to it.
  const codeError =
    missing ?? (sessionGone ? undefined : (fieldError(verify.error, 'code') ?? verify.error?.message));

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
              <TextInput
                key="authenticator"
                ref={focusIfSwitched}
                label="Authentication code"
                description="Enter the 6-digit code shown in your authenticator app."
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                value={code}
                onChange={(event) => {
                  setCode(event.currentTarget.value);
                  setMissing(undefined);
                }}
                error={codeError}
                required
              />
            ) : (
              <TextInput
                key="recovery"
                ref={focusIfSwitched}
                label="Recovery code"
                description="Enter one of the recovery codes you saved when you set up two-step verification. Each code works once."
                autoComplete="off"
                spellCheck={false}
                value={code}
                onChange={(event) => {
                  setCode(event.currentTarget.value);
                  setMissing(undefined);
                }}
                error={codeError}
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
