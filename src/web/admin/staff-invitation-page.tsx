import { Alert, Button, Loader, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../shared/api/api-error';
import { setCsrfToken } from '../shared/api/session-signals';
import { FormAlert, useServerErrors } from '../shared/form-feedback';
import { SignInLayout } from '../shared/sign-in-layout';
import { useContinueSignIn } from '../shared/use-continue-sign-in';
import { acceptStaffInvitation, useStaffInvitation } from './staff-api';

const MIN_PASSWORD_LENGTH = 12;

/** A new staff member's link: choose a password, then the usual first sign-in enrols an authenticator. */
export function StaffInvitationPage() {
  const { token = '' } = useParams();
  const invitation = useStaffInvitation(token);
  const continueSignIn = useContinueSignIn();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (password) =>
        password.length >= MIN_PASSWORD_LENGTH
          ? null
          : `Use at least ${MIN_PASSWORD_LENGTH} characters (a few words together work well)`,
      confirm: (confirm, { password }) =>
        confirm === password ? null : 'The two passwords are not the same',
    },
  });
  const server = useServerErrors(form);
  const accept = useMutation({
    mutationFn: (password: string) => acceptStaffInvitation(token, password),
    onSuccess: async (answer) => {
      setCsrfToken(answer.csrfToken);
      await continueSignIn(answer.next);
    },
    onError: server.show,
  });
  const submit = form.onSubmit(({ password }) => {
    server.clear();
    accept.mutate(password);
  });

  if (invitation.isPending) {
    return (
      <SignInLayout title="Your OpenIOP account">
        <Loader aria-label="Checking your invitation" />
      </SignInLayout>
    );
  }
  if (invitation.isError) {
    const invalid =
      invitation.error instanceof ApiError &&
      (invitation.error.status === 404 || invitation.error.status === 400);
    return (
      <SignInLayout title="Your OpenIOP account">
        <Alert
          color="yellow"
          title={invalid ? 'This invitation link no longer works' : 'Something went wrong'}
        >
          {invalid
            ? 'It may have been used already, replaced by a newer link, or expired. Ask your administrator for a new one.'
            : invitation.error.message}
        </Alert>
      </SignInLayout>
    );
  }
  return (
    <SignInLayout title={`Welcome, ${invitation.data.displayName}`}>
      <Text>
        Choose the password you will sign in with as <strong>{invitation.data.email}</strong>. Next you set up
        an authenticator app on your phone.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={server.banner} />
          <input type="hidden" autoComplete="username" value={invitation.data.email} readOnly />
          <PasswordInput
            label="Password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters`}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="Confirm password"
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Set my password
          </Button>
        </Stack>
      </form>
    </SignInLayout>
  );
}
