import { AppShell, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMe } from '../shared/session';
import { useSignOut } from '../shared/use-sign-out';

/** The patient's frame: their name and sign-out, and nothing of the staff navigation. */
export function PortalShell({ children }: { children: ReactNode }) {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Text component="span" fw={700} size="xl">
            OpenIOP
          </Text>
          <Group gap="md" wrap="nowrap">
            <Text size="sm" fw={500} visibleFrom="xs">
              {me.data?.user.displayName}
            </Text>
            <Button variant="default" onClick={() => void signOut('this-browser')}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
