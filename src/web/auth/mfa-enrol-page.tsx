import {
  Alert,
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Loader,
  Stack,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../shared/api/api-error';
import { answer, client, keepSessionOnUnauthorized } from '../shared/api/client';
import { fieldError } from '../shared/form-errors';
import { SignInLayout } from '../shared/sign-in-layout';
import { useContinueSignIn } from '../shared/use-continue-sign-in';
import { authCode } from './auth-code';
import { AuthenticatorCodeInput } from './authenticator-code-input';

/** Base32 secrets are easier to type from a screen in groups of four. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function MfaEnrolPage() {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  return (
    <SignInLayout title="Set up two-step verification">
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} />
      ) : (
        <ScanAndConfirm onConfirmed={setRecoveryCodes} />
      )}
    </SignInLayout>
  );
}

function ScanAndConfirm({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (code) =>
        /^\d{6}$/.test(authCode('authenticator', code))
          ? null
          : 'Enter the 6-digit code from your authenticator app',
    },
  });

  // A query rather than an effect, so the secret is created once even if the screen renders twice.
  const enrolment = useQuery({
    queryKey: ['mfa-enrolment'],
    queryFn: () => answer(client.POST('/api/auth/mfa/enrol/start', keepSessionOnUnauthorized)),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  const confirm = useMutation({
    mutationFn: (value: string) =>
      answer(
        client.POST('/api/auth/mfa/enrol/confirm', { body: { code: value }, ...keepSessionOnUnauthorized }),
      ),
    onSuccess: (answer) => onConfirmed(answer.recoveryCodes),
    onError: (error) => form.setFieldError('code', fieldError(error, 'code') ?? error.message),
  });

  const submit = form.onSubmit(({ code }) => confirm.mutate(authCode('authenticator', code)));

  if (enrolment.isPending) return <Loader aria-label="Preparing your authenticator key" />;
  if (enrolment.isError) {
    const sessionGone = enrolment.error instanceof ApiError && enrolment.error.status === 401;
    return (
      <Alert color="red" title={sessionGone ? 'Your sign-in has expired' : 'Could not start set-up'}>
        {sessionGone ? null : enrolment.error.message}{' '}
        <Anchor component={Link} to="/login">
          Start again
        </Anchor>
      </Alert>
    );
  }

  const { secret, qrDataUrl } = enrolment.data;
  return (
    <Stack>
      <Text>
        Every staff account needs a second step at sign-in. Scan this code with an authenticator app (for
        example Google Authenticator, Microsoft Authenticator or 1Password).
      </Text>
      <Image
        src={qrDataUrl}
        alt="QR code that adds your OpenIOP account to an authenticator app"
        w={200}
        h={200}
        mx="auto"
      />
      <Stack gap={4}>
        <Text size="sm" id="mfa-secret-label">
          Can't scan it? Enter this key in the app instead:
        </Text>
        <Code
          block
          aria-labelledby="mfa-secret-label"
          fz="md"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        >
          {groupedSecret(secret)}
        </Code>
        <Group>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button variant="default" size="xs" onClick={copy}>
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack>
          <AuthenticatorCodeInput
            label="Code from your authenticator app"
            description="Enter the 6-digit code the app now shows for OpenIOP."
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            Confirm
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const continueSignIn = useContinueSignIn();
  const finish = useMutation({ mutationFn: () => continueSignIn('done') });

  return (
    <Stack>
      <Alert color="yellow" title="Save your recovery codes now">
        If you lose your phone, each of these codes lets you sign in once. They will not be shown again.
      </Alert>
      <List
        aria-label="Recovery codes"
        listStyleType="none"
        ff="monospace"
        fz="lg"
        spacing={4}
        styles={{ root: { columns: 2 } }}
      >
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <CopyButton value={codes.join('\n')}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy}>
            {copied ? 'Copied' : 'Copy all codes'}
          </Button>
        )}
      </CopyButton>
      {finish.error && (
        <Alert color="red" role="alert">
          {finish.error.message}
        </Alert>
      )}
      <Button onClick={() => finish.mutate()} loading={finish.isPending}>
        I have saved these
      </Button>
    </Stack>
  );
}
