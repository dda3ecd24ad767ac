import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { formatInstant } from '../shared/date-time';
import { FormAlert, useServerErrors } from '../shared/form-feedback';
import { useMe } from '../shared/session';
import { type StaffInvitation, useInviteStaff } from './staff-api';
import { StaffFormFields, staffFormValidation } from './staff-form';
import { emptyStaffForm, type StaffFormValues, siteErrorRenames, staffRequest } from './staff-values';

/** The one-time link to hand over: no email is sent (there is no mail adapter yet). */
export function InvitationLink({ name, invitation }: { name: string; invitation: StaffInvitation }) {
  const zone = useMe().data?.sites[0]?.timeZone ?? 'UTC';
  return (
    <Alert color="blue" title="Invitation link" role="status">
      <Stack gap="xs">
        <Text size="sm">
          No email is sent. Give this link to {name} yourself; it works once, until{' '}
          {formatInstant(invitation.expiresAt, zone)}. They choose a password, then set up an authenticator
          app at their first sign-in.
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput label="Link" readOnly value={invitation.inviteUrl} style={{ flex: 1 }} />
          <CopyButton value={invitation.inviteUrl}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

export function AddStaffModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useForm<StaffFormValues>({
    initialValues: emptyStaffForm,
    validate: staffFormValidation(true),
  });
  const server = useServerErrors(form, siteErrorRenames);
  const invite = useInviteStaff();
  const [created, setCreated] = useState<{ name: string; invitation: StaffInvitation }>();

  const close = () => {
    form.reset();
    server.clear();
    setCreated(undefined);
    onClose();
  };

  const submit = form.onSubmit((values) => {
    server.clear();
    invite.mutate(
      { ...staffRequest(values), email: values.email.trim() },
      {
        onSuccess: (answer) => setCreated({ name: answer.staff.displayName, invitation: answer.invitation }),
        onError: server.show,
      },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Add a staff member"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {created ? (
        <Stack>
          <InvitationLink {...created} />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert message={server.banner} />
            <StaffFormFields form={form} selfId={null} withEmail />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Add and make an invitation link
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
