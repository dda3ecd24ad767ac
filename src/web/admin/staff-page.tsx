import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../shared/query-state';
import { optionsWithBlank } from '../shared/select-options';
import { roleLabel } from '../shared/staff-navigation';
import { useUrlParams } from '../shared/use-url-params';
import { AddStaffModal } from './add-staff-modal';
import { STAFF_ROLES, type StaffFilter, useSites, useStaffList } from './staff-api';
import { StaffDrawer } from './staff-drawer';
import { StaffStatusBadge } from './staff-status';

const ACTIVE_OPTIONS = [
  { value: 'true', label: 'Active accounts' },
  { value: 'false', label: 'Deactivated' },
  { value: 'all', label: 'Everyone' },
];

export function StaffPage() {
  const [params, setParams] = useUrlParams();
  const filter: StaffFilter = {
    siteId: params.get('siteId') ?? '',
    role: params.get('role') ?? '',
    active: params.get('active') ?? 'true',
  };
  const staff = useStaffList({ ...filter, active: filter.active === 'all' ? '' : filter.active });
  const sites = useSites();
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const open = staff.data?.items.find((m) => m.id === openId);
  const setFilter = (name: keyof StaffFilter, value: string) =>
    setParams((next) => (value ? next.set(name, value) : next.delete(name)));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Staff
        </Title>
        <Button onClick={() => setAdding(true)}>Add staff member</Button>
      </Group>
      <Group align="flex-end">
        <NativeSelect
          label="Site"
          value={filter.siteId}
          onChange={(e) => setFilter('siteId', e.currentTarget.value)}
          data={optionsWithBlank(
            'All sites',
            sites.isPending,
            (sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
          )}
        />
        <NativeSelect
          label="Role"
          value={filter.role}
          onChange={(e) => setFilter('role', e.currentTarget.value)}
          data={optionsWithBlank(
            'All roles',
            false,
            STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(r) })),
          )}
        />
        <NativeSelect
          label="Status"
          value={filter.active}
          onChange={(e) => setFilter('active', e.currentTarget.value)}
          data={ACTIVE_OPTIONS}
        />
      </Group>
      <QueryState query={staff}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>No staff member matches these filters.</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Sites</Table.Th>
                    <Table.Th>Supervisor</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Anchor component="button" type="button" onClick={() => setOpenId(m.id)} fw={500}>
                          {m.displayName}
                        </Anchor>
                        <Text size="xs" c="dark.4">
                          {m.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {roleLabel(m.role)}
                        {m.credentials ? `, ${m.credentials}` : ''}
                        {m.licensed ? (
                          <Text size="xs" c="dark.4">
                            Licensed
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{m.sites.map((s) => s.name).join(', ')}</Table.Td>
                      <Table.Td>{m.supervisor?.displayName ?? '—'}</Table.Td>
                      <Table.Td>
                        <StaffStatusBadge member={m} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <AddStaffModal opened={adding} onClose={() => setAdding(false)} />
      <StaffDrawer member={open} onClose={() => setOpenId(undefined)} />
    </Stack>
  );
}
