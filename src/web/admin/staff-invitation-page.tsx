import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { setCsrfToken } from '../shared/api/session-signals';
import { FormAlert, useServerErrors } from '../shared/form-feedback';
import { InvitationLinkState, NewPasswordInputs, newPasswordProblems } from '../shared/invitation-link';
import { SignInLayout } from '../shared/sign-in-layout';
import { useContinueSignIn } from '../shared/use-continue-sign-in';
import { acceptStaffInvitation, useStaffInvitation } from './staff-api';

/** A new staff member's link: choose a password, then the usual first sign-in enrols an authenticator. */
export function StaffInvitationPage() {
  const { token = '' } = useParams();
  const invitation = useStaffInvitation(token);
  const continueSignIn = useContinueSignIn();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: ({ password, confirm }) => newPasswordProblems(password, confirm),
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

  if (!invitation.isSuccess) {
    return (
      <InvitationLinkState
        invitation={invitation}
        title="Your OpenIOP account"
        askAgain="It may have been used already, replaced by a newer link, or expired. Ask your administrator for a new one."
      />
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
          <NewPasswordInputs form={form} />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Set my password
          </Button>
        </Stack>
      </form>
    </SignInLayout>
  );
}
