import { Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { setCsrfToken } from '../shared/api/session-signals';
import { useServerErrors } from '../shared/form-feedback';
import { InvitationLinkState, NewPasswordInputs, newPasswordProblems } from '../shared/invitation-link';
import { SignInForm } from '../shared/sign-in-form';
import { SignInLayout } from '../shared/sign-in-layout';
import { useContinueSignIn } from '../shared/use-continue-sign-in';
import { acceptInvitation, useInvitation } from './portal-api';

interface AccountValues {
  email: string;
  password: string;
  confirm: string;
}

function problemsWith({ email, password, confirm }: AccountValues) {
  return {
    email: /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : 'Enter your email address',
    ...newPasswordProblems(password, confirm),
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

  if (!invitation.isSuccess) {
    return (
      <InvitationLinkState
        invitation={invitation}
        title="Your patient portal"
        askAgain="It may have been used already or expired. Ask your care team to send a new one."
      />
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
        <NewPasswordInputs form={form} />
      </SignInForm>
    </SignInLayout>
  );
}
