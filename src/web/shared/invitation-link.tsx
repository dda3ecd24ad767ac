import { Alert, Loader, PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from './api/api-error';
import { SignInLayout } from './sign-in-layout';

export const MIN_PASSWORD_LENGTH = 12;

/** What is wrong with a chosen password and its confirmation (undefined: nothing). */
export const newPasswordProblems = (password: string, confirm: string) => ({
  password:
    password.length >= MIN_PASSWORD_LENGTH
      ? undefined
      : `Use at least ${MIN_PASSWORD_LENGTH} characters (a few words together work well)`,
  confirm: confirm === password ? undefined : 'The two passwords are not the same',
});

/** The new password and its confirmation, from a form with `password` and `confirm` fields. */
export function NewPasswordInputs<V extends { password: string; confirm: string }>({
  form,
}: {
  form: UseFormReturnType<V>;
}) {
  return (
    <>
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
    </>
  );
}

/**
 * An invitation link being checked, or one that no longer works (404 for a used or expired link, 400 for one
 * mangled in copying: to the person, both are "ask again"); null once the invitation is loaded.
 */
export function InvitationLinkState({
  invitation,
  title,
  askAgain,
}: {
  invitation: UseQueryResult<unknown>;
  title: string;
  askAgain: ReactNode;
}) {
  if (invitation.isPending) {
    return (
      <SignInLayout title={title}>
        <Loader aria-label="Checking your invitation" />
      </SignInLayout>
    );
  }
  if (!invitation.isError) return null;
  const invalid =
    invitation.error instanceof ApiError &&
    (invitation.error.status === 404 || invitation.error.status === 400);
  return (
    <SignInLayout title={title}>
      <Alert color="yellow" title={invalid ? 'This invitation link no longer works' : 'Something went wrong'}>
        {invalid ? askAgain : invitation.error.message}
      </Alert>
    </SignInLayout>
  );
}
