import { TextInput, type TextInputProps } from '@mantine/core';

/** The 6-digit code of an authenticator app; room for the space some apps show in the middle. */
export function AuthenticatorCodeInput(props: TextInputProps & { ref?: React.Ref<HTMLInputElement> }) {
  return <TextInput inputMode="numeric" autoComplete="one-time-code" maxLength={7} required {...props} />;
}
