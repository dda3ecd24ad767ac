import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../shared/api/api-error';
import { inviteToPortal, revokePortalInvitations } from './patients-api';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Staff create a one-time portal link and hand it to the patient (it is shown once and lasts 7 days). */
export function PortalInvitationCard({ patientId, givenName }: { patientId: string; givenName: string }) {
  const revoke = useMutation({ mutationFn: () => revokePortalInvitations(patientId) });
  const invite = useMutation({
    mutationFn: () => inviteToPortal(patientId),
    onSuccess: () => revoke.reset(),
  });
  const alreadyHasAccount = invite.error instanceof ApiError && invite.error.code === 'portal_account_exists';
  return (
    <Paper withBorder p="md" radius="md" mt="md" component="section" aria-labelledby="portal-invite-heading">
      <Title order={2} size="h4" mb="sm" id="portal-invite-heading">
        Patient portal
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          {givenName} can see their profile, treatment plan and aftercare plan, and the 24-hour help line, in
          the portal. Create a one-time link and give it to them in person or by a channel they agreed to.
        </Text>
        {invite.data ? (
          <Alert color="green" title="One-time link created">
            <Stack gap="xs">
              <Code block aria-label="Portal invitation link">
                {invite.data.inviteUrl}
              </Code>
              <Group>
                <CopyButton value={invite.data.inviteUrl}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? 'Copied' : 'Copy link'}
                    </Button>
                  )}
                </CopyButton>
                <Text size="xs">
                  Works once, until {dateTime.format(new Date(invite.data.expiresAt))}. It is not shown again.
                </Text>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Group>
            <Button variant="light" loading={invite.isPending} onClick={() => invite.mutate()}>
              Invite to the portal
            </Button>
          </Group>
        )}
        <Group>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            loading={revoke.isPending}
            onClick={() => revoke.mutate(undefined, { onSuccess: () => invite.reset() })}
          >
            Revoke unused links
          </Button>
          {revoke.data && (
            <Text size="xs" role="status">
              {revoke.data.revoked === 0
                ? 'There was no unused link to revoke.'
                : 'The unused link no longer works.'}
            </Text>
          )}
        </Group>
        {revoke.isError && (
          <Alert color="red" role="alert">
            {revoke.error.message}
          </Alert>
        )}
        {invite.isError && (
          <Alert color={alreadyHasAccount ? 'blue' : 'red'} role="alert">
            {invite.error instanceof Error ? invite.error.message : 'The invitation could not be created.'}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
