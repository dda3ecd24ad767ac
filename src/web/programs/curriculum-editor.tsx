import { Button, Group, Loader, NativeSelect, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { topicKey } from '../../domain/curriculum/topic-key';
import { ApiError } from '../shared/api/api-error';
import { FormAlert, FormStatus } from '../shared/form-feedback';
import { type Track, useCurriculum } from './programs-api';
import { useSaveCurriculum } from './programs-mutations';

/** The lines of a curriculum box: one topic per line, blank lines left out. */
export function curriculumLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * A track's curriculum as one topic per line, in order. Lines keep the topic they had (matched by title), so
 * sessions that already cover a topic still name it; a line taken out archives its topic.
 */
export function CurriculumEditor({ siteId, tracks }: { siteId: string; tracks: Track[] }) {
  const form = useForm({ initialValues: { trackId: tracks[0]?.id ?? '', text: '' } });
  const { trackId, text } = form.getValues();
  const curriculum = useCurriculum(siteId, trackId || undefined);
  const [saved, setSaved] = useState(false);
  const { setFieldValue } = form;
  // The box shows the curriculum as loaded (again after a 409 reloads it).
  useEffect(() => {
    if (curriculum.data) setFieldValue('text', curriculum.data.topics.map((t) => t.title).join('\n'));
  }, [curriculum.data, setFieldValue]);
  const trackName = tracks.find((t) => t.id === trackId)?.name ?? '';

  const save = useSaveCurriculum(siteId, trackId, { onSuccess: () => setSaved(true) });
  const saveText = () => {
    const current = curriculum.data!;
    const idOf = new Map(current.topics.map((t) => [topicKey(t.title), t.id]));
    save.mutate({
      version: current.version,
      topics: curriculumLines(text).map((title) => ({ id: idOf.get(topicKey(title)), title })),
    });
  };
  const submit = form.onSubmit(() => {
    setSaved(false);
    saveText();
  });
  const problem =
    save.error instanceof ApiError && save.error.fields.length > 0
      ? save.error.fields
          .map((f) => {
            const line = /^topics\.(\d+)\./.exec(f.path);
            return line ? `Line ${Number(line[1]) + 1}: ${f.message}` : f.message;
          })
          .join(' ')
      : save.error?.message;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="curriculum-heading">
      <Stack>
        <Title order={3} size="h4" id="curriculum-heading">
          Curriculum
        </Title>
        <Group align="flex-end">
          <NativeSelect
            label="Curriculum of track"
            data={tracks.map((t) => ({ value: t.id, label: t.name }))}
            {...form.getInputProps('trackId')}
            onChange={(e) => {
              setFieldValue('trackId', e.currentTarget.value);
              setSaved(false);
              save.reset();
            }}
          />
          {curriculum.isPending && <Loader size="sm" aria-label="Loading the curriculum" />}
        </Group>
        <Textarea
          label={`Topics of ${trackName}`}
          description="One topic per line, in the order the group takes them. Members join at any point and make up what they missed."
          autosize
          minRows={3}
          maxRows={14}
          {...form.getInputProps('text')}
          onChange={(e) => {
            setFieldValue('text', e.currentTarget.value);
            setSaved(false);
          }}
          disabled={!curriculum.data}
        />
        <FormAlert
          message={
            problem && save.error instanceof ApiError && save.error.status === 409
              ? 'Someone else changed this curriculum; it has been reloaded. Apply your change again.'
              : problem
          }
        />
        <FormStatus
          message={
            saved ? `Curriculum of ${trackName} saved (${curriculumLines(text).length} topics).` : null
          }
        />
        <Group>
          <Button type="submit" variant="light" loading={save.isPending} disabled={!curriculum.data}>
            Save curriculum
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
