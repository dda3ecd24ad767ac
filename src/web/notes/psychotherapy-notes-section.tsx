import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEpisodes } from '../episodes/episodes-api';
import { FormAlert, useServerErrors } from '../shared/form-feedback';
import { formatInstant } from './note-labels';
import { createPsychotherapyNote, usePsychotherapyNotes } from './notes-api';
import { noteKeys } from './notes-keys';

/**
 * Psychotherapy (process) notes, kept apart from the chart (HIPAA, 45 CFR 164.501 and 164.508(a)(2)). The
 * server lists only the notes the signed-in user wrote or was granted; they never appear in the Notes tab,
 * the portal or an export.
 */
export function PsychotherapyNotesSection({ patientId }: { patientId: string }) {
  const notes = usePsychotherapyNotes(patientId);
  const episodes = useEpisodes(patientId);
  const queryClient = useQueryClient();
  const open = (episodes.data?.items ?? []).filter((e) => e.status !== 'discharged');
  const form = useForm({ initialValues: { episodeId: '', text: '' } });
  const server = useServerErrors(form);
  const chosen = form.values.episodeId || open[0]?.id || '';
  const write = useMutation({
    mutationFn: (text: string) => createPsychotherapyNote(patientId, chosen, text),
    onSuccess: () => {
      form.setFieldValue('text', '');
      void queryClient.invalidateQueries({ queryKey: noteKeys.psychotherapy(patientId) });
    },
    onError: server.show,
  });
  const submit = form.onSubmit(({ text }) => {
    server.clear();
    write.mutate(text.trim());
  });
  return (
    <Stack>
      <Alert color="dark" variant="light" title="Private psychotherapy notes">
        Only you can read the notes you write here (and staff you grant). They are not part of the chart, the
        patient portal or any export.
      </Alert>
      <Paper withBorder p="md" radius="md" component="section" aria-label="Write a psychotherapy note">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {open.length > 1 && (
              <NativeSelect
                label="Episode"
                data={open.map((e) => ({ value: e.id, label: e.programName }))}
                {...form.getInputProps('episodeId')}
                value={chosen}
              />
            )}
            <Textarea label="Psychotherapy note" autosize minRows={3} {...form.getInputProps('text')} />
            <FormAlert message={server.banner} />
            <Group>
              <Button
                type="submit"
                loading={write.isPending}
                disabled={!chosen || form.values.text.trim() === ''}
              >
                Save private note
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="psychotherapy-heading">
        <Title order={2} size="h4" mb="sm" id="psychotherapy-heading">
          My psychotherapy notes
        </Title>
        {notes.isPending && <Loader aria-label="Loading psychotherapy notes" />}
        {notes.isError && (
          <Alert color="red" role="alert">
            {notes.error.message}
          </Alert>
        )}
        {notes.data && notes.data.items.length === 0 && <Text size="sm">None.</Text>}
        <Stack gap="xs">
          {notes.data?.items.map((n) => (
            <Paper key={n.id} withBorder p="xs" radius="sm">
              <Text size="xs" c="dimmed">
                {formatInstant(n.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Text>
            </Paper>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
