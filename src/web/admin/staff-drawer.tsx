import { Alert, Button, Divider, Drawer, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../shared/api/api-error';
import { FormAlert, FormStatus, useServerErrors } from '../shared/form-feedback';
import { useMe } from '../shared/session';
import { InvitationLink } from './add-staff-modal';
import {
  type StaffAction,
  type StaffInvitation,
  type StaffMember,
  useChangeStaff,
  useReissueInvitation,
  useResetAuthenticator,
  useStaffAction,
} from './staff-api';
import { StaffFormFields, staffFormValidation } from './staff-form';
import { StaffStatusBadge } from './staff-status';
import { type StaffFormValues, siteErrorRenames, staffFormFrom, staffRequest } from './staff-values';

const STALE =
  'Someone changed this staff member while you were editing. Close and open them again to see the changes; what you typed is still here.';

function EditStaffForm({ member }: { member: StaffMember }) {
  const form = useForm<StaffFormValues>({
    initialValues: staffFormFrom(member),
    validate: staffFormValidation(false),
  });
  const server = useServerErrors(form, siteErrorRenames);
  const change = useChangeStaff(member);
  const [saved, setSaved] = useState<string>();
  const submit = form.onSubmit((values) => {
    server.clear();
    setSaved(undefined);
    change.mutate(staffRequest(values), {
      onSuccess: () => setSaved('Saved.'),
      onError: (error) =>
        error instanceof ApiError && error.status === 409 ? server.say(STALE) : server.show(error),
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={server.banner} />
        <StaffFormFields form={form} selfId={member.id} withEmail={false} />
        <Group justify="flex-end">
          <FormStatus message={saved} />
          <Button type="submit" loading={change.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const ACTIONS: Record<StaffAction, { label: string; confirm: string; color?: string }> = {
  deactivate: {
    label: 'Deactivate',
    confirm: 'They are signed out everywhere now and cannot sign in until reactivated. Their records stay.',
    color: 'red',
  },
  reactivate: {
    label: 'Reactivate',
    confirm: 'They can sign in again with their password and authenticator.',
  },
  unlock: {
    label: 'Unlock',
    confirm: 'They can try to sign in again now instead of waiting for the lock to end.',
  },
};

function ResetAuthenticatorModal({
  member,
  opened,
  onClose,
}: {
  member: StaffMember;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useForm({ initialValues: { reason: '' } });
  const server = useServerErrors(form);
  const reset = useResetAuthenticator(member.id);
  const submit = form.onSubmit(({ reason }) => {
    server.clear();
    reset.mutate(reason.trim(), { onSuccess: onClose, onError: server.show });
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Reset ${member.displayName}'s authenticator`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Their authenticator and recovery codes stop working and they are signed out. At their next sign-in
            they set up a new authenticator. Check who is asking before you do this.
          </Text>
          <FormAlert message={server.banner} />
          <Textarea
            label="Reason"
            description="Kept in the audit log (for example: phone lost, identity checked in person)"
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={reset.isPending}>
              Reset authenticator
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AccountActions({ member }: { member: StaffMember }) {
  const me = useMe().data;
  const self = me?.kind === 'staff' && me.user.id === member.id;
  const act = useStaffAction(member.id);
  const reissue = useReissueInvitation(member.id);
  const [confirming, setConfirming] = useState<StaffAction>();
  const [resetting, setResetting] = useState(false);
  const [link, setLink] = useState<StaffInvitation>();
  const available: StaffAction[] = [
    ...(member.active ? (['deactivate'] as const) : (['reactivate'] as const)),
    ...(member.status === 'locked' ? (['unlock'] as const) : []),
  ];
  const refusal = act.error ?? reissue.error;
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        Account
      </Title>
      {self && (
        <Text size="sm">This is your own account: another administrator deactivates or resets it.</Text>
      )}
      {refusal && <FormAlert message={refusal.message} />}
      {link && <InvitationLink name={member.displayName} invitation={link} />}
      <Group>
        {available
          .filter((action) => !(self && action === 'deactivate'))
          .map((action) => (
            <Button
              key={action}
              variant="outline"
              color={ACTIONS[action].color}
              onClick={() => setConfirming(action)}
            >
              {ACTIONS[action].label}
            </Button>
          ))}
        {!self && member.authenticatorEnrolled && (
          <Button variant="outline" color="red" onClick={() => setResetting(true)}>
            Reset authenticator
          </Button>
        )}
        {member.status === 'invited' && (
          <Button
            variant="outline"
            loading={reissue.isPending}
            onClick={() => reissue.mutate(undefined, { onSuccess: setLink })}
          >
            New invitation link
          </Button>
        )}
      </Group>
      <Modal
        opened={confirming !== undefined}
        onClose={() => setConfirming(undefined)}
        title={confirming ? `${ACTIONS[confirming].label} ${member.displayName}?` : ''}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {confirming && (
          <Stack>
            <Text size="sm">{ACTIONS[confirming].confirm}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(undefined)}>
                Cancel
              </Button>
              <Button
                color={ACTIONS[confirming].color}
                loading={act.isPending}
                onClick={() => act.mutate(confirming, { onSettled: () => setConfirming(undefined) })}
              >
                {ACTIONS[confirming].label}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <ResetAuthenticatorModal member={member} opened={resetting} onClose={() => setResetting(false)} />
    </Stack>
  );
}

export function StaffDrawer({ member, onClose }: { member: StaffMember | undefined; onClose: () => void }) {
  return (
    <Drawer
      opened={member !== undefined}
      onClose={onClose}
      position="right"
      size="lg"
      title={member?.displayName}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {member && (
        <Stack>
          <Group gap="xs">
            <Text size="sm">{member.email}</Text>
            <StaffStatusBadge member={member} />
          </Group>
          {member.status === 'locked' && (
            <Alert color="yellow">Locked after too many wrong passwords or codes.</Alert>
          )}
          {/* Keyed by version: a save or an action shows the record as it is now. */}
          <EditStaffForm key={`${member.id}-${member.version}`} member={member} />
          <Divider />
          <AccountActions member={member} />
        </Stack>
      )}
    </Drawer>
  );
}
