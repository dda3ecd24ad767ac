import { Anchor, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type FormEvent, type ReactNode, useState } from 'react';
import { fieldError, formError } from '../shared/form-errors';
import { FormAlert } from '../shared/form-feedback';
import type { SignProof } from './notes-api';

/**
 * A signature re-authenticates (as electronic signatures do under 21 CFR 11.200, each signing identifies the
 * signer again): the signer types their authenticator code, or their password.
 * `blocked` is what the server refused beyond the credential (similar parts, a named member …), shown above.
 */
export function SignDialog({
  opened,
  title,
  action,
  onClose,
  onSign,
  pending,
  error,
  blocked,
}: {
  opened: boolean;
  title: string;
  action: string;
  onClose: () => void;
  onSign: (proof: SignProof) => void;
  pending: boolean;
  error: unknown;
  blocked?: ReactNode;
}) {
  const [method, setMethod] = useState<'totp' | 'password'>('totp');
  const form = useForm({ initialValues: { code: '', password: '' } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The modal renders in a portal, but React still bubbles its submit to a form around the dialog's owner.
    event.stopPropagation();
    const { code, password } = form.getValues();
    onSign(method === 'totp' ? { totpCode: code.trim() } : { password });
  };
  // What the server refused beyond the credential is the owner's to show (`blocked`), not this form's.
  const credentialError = blocked
    ? undefined
    : (fieldError(error, 'totpCode') ?? fieldError(error, 'password'));
  const general = blocked || credentialError ? undefined : formError(error, []);
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={submit} aria-label={title} noValidate>
        <Stack>
          {blocked}
          <Text size="sm">Your signature records your name, credential and the time.</Text>
          {method === 'totp' ? (
            <TextInput
              label="Authenticator code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              {...form.getInputProps('code')}
              error={credentialError}
              data-autofocus
            />
          ) : (
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              {...form.getInputProps('password')}
              error={credentialError}
              data-autofocus
            />
          )}
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setMethod(method === 'totp' ? 'password' : 'totp')}
          >
            {method === 'totp' ? 'Use my password instead' : 'Use my authenticator code instead'}
          </Anchor>
          <FormAlert message={general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {action}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
