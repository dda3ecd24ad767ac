import { AppShell, Badge, Burger, Button, Group, NavLink, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { useMyUrgentTasks } from '../measurement/measurement-api';
import { useCurrentSite } from '../shared/current-site';
import { may } from '../shared/permissions';
import { useMe } from '../shared/session';
import { roleLabel, staffNavigation } from '../shared/staff-navigation';
import { useSignOut } from '../shared/use-sign-out';

export function StaffShell() {
  const me = useMe();
  const location = useLocation();
  const signOut = useSignOut();
  const { site, sites, chooseSite } = useCurrentSite();
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);
  const urgentTasks = useMyUrgentTasks(may(me.data, 'task.mine'));
  const openUrgent = urgentTasks.data?.total ?? 0;
  if (!me.data) return null;
  const { user } = me.data;
  const navigation = staffNavigation.filter((item) => may(me.data, item.permission));

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpened}
              onClick={toggleNavbar}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Text component="span" fw={700} size="xl">
              OpenIOP
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            {/* The site only scopes the census; the audit log is organisation-wide. */}
            {may(me.data, 'patient.census') && sites.length > 0 && (
              <Group gap={6} wrap="nowrap">
                <Text component="label" htmlFor="site-switcher" size="sm" fw={500}>
                  Site
                </Text>
                <Select
                  id="site-switcher"
                  data={sites.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
                  value={site?.id ?? null}
                  onChange={(value) => value && chooseSite(value)}
                  allowDeselect={false}
                  w={190}
                />
              </Group>
            )}
            <Stack gap={0} visibleFrom="md">
              <Text size="sm" fw={500}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed">
                {roleLabel(user.role)}
              </Text>
            </Stack>
            <Button variant="default" onClick={() => void signOut('this-browser')}>
              Sign out
            </Button>
            <Button variant="subtle" color="gray" onClick={() => void signOut('everywhere')}>
              Sign out everywhere
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main">
        {navigation.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            rightSection={
              item.to === '/tasks' && openUrgent > 0 ? (
                <Badge color="red" size="sm" circle aria-label={`${openUrgent} open`}>
                  {openUrgent}
                </Badge>
              ) : undefined
            }
            active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
            aria-current={location.pathname === item.to ? 'page' : undefined}
            onClick={closeNavbar}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
