import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { fieldError } from '../shared/form-errors';
import { useMe } from '../shared/session';
import { isClinicalStaff } from './episode-values';
import { type Episode, useSiteStaff, useUpdateCareTeam } from './episodes-api';

interface CareTeamValues {
  primaryClinicianId: string;
  careTeam: string[];
}

/** The primary clinician and the care team, chosen from the site's staff. */
export function CareTeamPanel({ episode }: { episode: Episode }) {
  const me = useMe();
  const staff = useSiteStaff(episode.siteId);
  const members = staff.data?.items ?? [];
  const nameOf = (id: string) => {
    const member = members.find((m) => m.id === id);
    if (!member) return 'A former staff member';
    return id === me.data?.user.id ? `${member.displayName} (you)` : member.displayName;
  };
  const [editing, setEditing] = useState(false);
  const form = useForm<CareTeamValues>({ initialValues: { primaryClinicianId: '', careTeam: [] } });
  const save = useUpdateCareTeam(episode);
  const startEditing = () => {
    form.setValues({ primaryClinicianId: episode.primaryClinicianId ?? '', careTeam: episode.careTeam });
    setEditing(true);
  };
  const submit = form.onSubmit(({ primaryClinicianId, careTeam }) =>
    save.mutate(
      { primaryClinicianId: primaryClinicianId || null, careTeam },
      { onSuccess: () => setEditing(false) },
    ),
  );
  const clinical = members.filter(isClinicalStaff);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="care-team-heading">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="care-team-heading">
            Care team
          </Title>
          {!editing && episode.status !== 'discharged' && (
            <Button variant="light" size="xs" onClick={startEditing} disabled={!staff.data}>
              Change care team
            </Button>
          )}
        </Group>
        {!editing && (
          <>
            <Text size="sm">
              Primary clinician:{' '}
              {episode.primaryClinicianId ? (
                nameOf(episode.primaryClinicianId)
              ) : (
                <Text span c="dimmed" size="sm">
                  not assigned
                </Text>
              )}
            </Text>
            {episode.careTeam.length > 0 && (
              <List size="sm">
                {episode.careTeam.map((id) => (
                  <List.Item key={id}>{nameOf(id)}</List.Item>
                ))}
              </List>
            )}
          </>
        )}
        {editing && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <NativeSelect
                label="Primary clinician"
                data={[
                  { value: '', label: 'Not assigned' },
                  ...clinical.map((m) => ({ value: m.id, label: nameOf(m.id) })),
                ]}
                {...form.getInputProps('primaryClinicianId')}
                error={fieldError(save.error, 'primaryClinicianId')}
                maw={360}
              />
              <Checkbox.Group
                label="Care team"
                {...form.getInputProps('careTeam')}
                error={fieldError(save.error, 'careTeam')}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                  {clinical.map((m) => (
                    <Checkbox key={m.id} value={m.id} label={nameOf(m.id)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              {save.isError && !fieldError(save.error, 'primaryClinicianId') && (
                <Alert color="red" role="alert">
                  {save.error.message}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={save.isPending}>
                  Save care team
                </Button>
                <Button variant="subtle" color="gray" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
