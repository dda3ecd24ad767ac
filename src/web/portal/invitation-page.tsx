import { Alert, Loader, PasswordInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../shared/api/api-error';
import { setCsrfToken } from '../shared/api/session-signals';
import { useServerErrors } from '../shared/form-feedback';
import { SignInForm } from '../shared/sign-in-form';
import { SignInLayout } from '../shared/sign-in-layout';
import { useContinueSignIn } from '../shared/use-continue-sign-in';
import { acceptInvitation, useInvitation } from './portal-api';

const MIN_PASSWORD_LENGTH = 12;

interface AccountValues {
  email: string;
  password: string;
  confirm: string;
}

function problemsWith({ email, password, confirm }: AccountValues) {
  return {
    email: /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : 'Enter your email address',
    password:
      password.length >= MIN_PASSWORD_LENGTH
        ? undefined
        : `Use at least ${MIN_PASSWORD_LENGTH} characters (a few words together work well)`,
    confirm: confirm === password ? undefined : 'The two passwords are not the same',
  };
}

export function InvitationPage() {
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const continueSignIn = useContinueSignIn();
  const form = useForm<AccountValues>({
    initialValues: { email: '', password: '', confirm: '' },
    validate: problemsWith,
  });
  const server = useServerErrors(form);

  const accept = useMutation({
    mutationFn: ({ email, password }: AccountValues) => acceptInvitation(token, email.trim(), password),
    onSuccess: async (answer) => {
      setCsrfToken(answer.csrfToken);
      await continueSignIn(answer.next);
    },
    onError: server.show,
  });

  const submit = form.onSubmit((values) => {
    server.clear();
    accept.mutate(values);
  });

  if (invitation.isPending) {
    return (
      <SignInLayout title="Your patient portal">
        <Loader aria-label="Checking your invitation" />
      </SignInLayout>
    );
  }
  if (invitation.isError) {
    // 404 for a used or expired link, 400 for one mangled in copying: to the patient, both are "ask again".
    const invalid =
      invitation.error instanceof ApiError &&
      (invitation.error.status === 404 || invitation.error.status === 400);
    return (
      <SignInLayout title="Your patient portal">
        <Alert
          color="yellow"
          title={invalid ? 'This invitation link no longer works' : 'Something went wrong'}
        >
          {invalid
            ? 'It may have been used already or expired. Ask your care team to send a new one.'
            : invitation.error.message}
        </Alert>
      </SignInLayout>
    );
  }

  return (
    <SignInLayout title={`Welcome, ${invitation.data.givenName}`}>
      <Text>
        Your care team invited you to your patient portal. Choose the email and password you will sign in
        with.
      </Text>
      <SignInForm
        onSubmit={submit}
        banner={server.banner}
        email={form.getInputProps('email')}
        pending={accept.isPending}
        submitLabel="Create my account"
      >
        <PasswordInput
          label="Password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters`}
          autoComplete="new-password"
          {...form.getInputProps('password')}
          required
        />
        <PasswordInput
          label="Confirm password"
          autoComplete="new-password"
          {...form.getInputProps('confirm')}
          required
        />
      </SignInForm>
    </SignInLayout>
  );
}
