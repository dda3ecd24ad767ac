import { Checkbox, Group, NativeSelect, Stack, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { optionsWithBlank } from '../shared/select-options';
import { roleLabel } from '../shared/staff-navigation';
import { STAFF_ROLES, useAllStaff, useSites } from './staff-api';
import { type StaffFormValues, supervisorChoices } from './staff-values';

/** The fields an administrator sets for a staff member; the email only when adding them. */
export function StaffFormFields({
  form,
  selfId,
  withEmail,
}: {
  form: UseFormReturnType<StaffFormValues>;
  /** The member being edited (not offered as their own supervisor); null when adding. */
  selfId: string | null;
  withEmail: boolean;
}) {
  const sites = useSites();
  const staff = useAllStaff();
  const { siteIds } = form.getValues();
  const supervisors = supervisorChoices(staff.data?.items ?? [], selfId, siteIds);
  return (
    <Stack gap="sm">
      {withEmail && (
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          required
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
      )}
      <TextInput
        label="Name"
        description="As shown on rosters and signatures"
        required
        key={form.key('displayName')}
        {...form.getInputProps('displayName')}
      />
      <Group grow align="flex-start">
        <NativeSelect
          label="Role"
          required
          data={optionsWithBlank(
            'Choose a role',
            false,
            STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(r) })),
          )}
          key={form.key('role')}
          {...form.getInputProps('role')}
        />
        <TextInput
          label="Credentials"
          description="LPC, LCSW, RN, MD …"
          key={form.key('credentials')}
          {...form.getInputProps('credentials')}
        />
      </Group>
      <Switch
        label="Licensed (may facilitate group therapy and co-sign as a supervisor)"
        key={form.key('licensed')}
        {...form.getInputProps('licensed', { type: 'checkbox' })}
      />
      <Checkbox.Group
        label="Sites"
        description="Where they work: they see that site's patients and schedule"
        required
        key={form.key('siteIds')}
        {...form.getInputProps('siteIds')}
      >
        <Group mt="xs">
          {(sites.data?.items ?? []).map((site) => (
            <Checkbox key={site.id} value={site.id} label={site.name} />
          ))}
        </Group>
      </Checkbox.Group>
      <NativeSelect
        label="Supervisor"
        description="Co-signs their notes: a licensed, active colleague at one of their sites"
        data={optionsWithBlank(
          'No supervisor (notes lock when signed)',
          staff.isPending,
          supervisors.map((s) => ({ value: s.id, label: s.displayName })),
        )}
        key={form.key('supervisorUserId')}
        {...form.getInputProps('supervisorUserId')}
      />
    </Stack>
  );
}

export function staffFormValidation(withEmail: boolean) {
  return {
    email: (email: string) =>
      !withEmail || /^\S+@\S+\.\S+$/.test(email.trim()) ? null : 'Enter an email address',
    displayName: (name: string) => (name.trim() ? null : 'Enter their name'),
    role: (role: string) => (role ? null : 'Choose a role'),
    siteIds: (ids: string[]) => (ids.length > 0 ? null : 'Choose at least one site'),
  };
}
