import { Button, Stack, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { FormEventHandler, ReactNode } from 'react';
import { FormAlert } from './form-feedback';

/**
 * The form a sign-in step asks with (the login, a patient's first account from an invitation): what the
 * server refused above, the email, the step's own password inputs, one full-width submit.
 */
export function SignInForm({
  onSubmit,
  banner,
  email,
  pending,
  submitLabel,
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  banner: string | undefined;
  email: GetInputPropsReturnType;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormAlert message={banner} />
        <TextInput label="Email" type="email" autoComplete="username" {...email} required />
        {children}
        <Button type="submit" loading={pending} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
