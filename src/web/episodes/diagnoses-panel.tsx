import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { fieldError, formError } from '../shared/form-errors';
import { DIAGNOSIS_KINDS, type DiagnosisValues, toNewDiagnosis } from './episode-values';
import { type Diagnosis, type Episode, useAddDiagnosis } from './episodes-api';

/** The episode's diagnoses (ICD-10-CM), with a line to add one. */
export function DiagnosesPanel({ episode, diagnoses }: { episode: Episode; diagnoses: Diagnosis[] }) {
  const form = useForm<DiagnosisValues>({
    initialValues: { code: '', description: '', kind: 'sud', primary: diagnoses.length === 0 },
  });
  const save = useAddDiagnosis(episode);
  const submit = form.onSubmit((values) =>
    save.mutate(toNewDiagnosis(values), {
      onSuccess: () => form.setValues({ code: '', description: '', primary: false }),
    }),
  );
  const generalError = formError(save.error, ['code', 'description', 'kind', 'primary']);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="diagnoses-heading">
      <Stack>
        <Title order={2} size="h4" id="diagnoses-heading">
          Diagnoses
        </Title>
        {diagnoses.length === 0 ? (
          <Text size="sm" c="dimmed">
            No diagnoses recorded.
          </Text>
        ) : (
          <List>
            {diagnoses.map((diagnosis) => (
              <List.Item key={diagnosis.id}>
                <Text span ff="monospace" fw={600}>
                  {diagnosis.code}
                </Text>{' '}
                {diagnosis.description} (
                {DIAGNOSIS_KINDS.find((k) => k.value === diagnosis.kind)?.label ?? diagnosis.kind})
                {diagnosis.primary && (
                  <Badge ml="xs" size="sm" variant="light" tt="none">
                    primary
                  </Badge>
                )}
              </List.Item>
            ))}
          </List>
        )}
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="ICD-10-CM code"
              placeholder="F10.20"
              {...form.getInputProps('code')}
              error={fieldError(save.error, 'code')}
              w={140}
            />
            <TextInput
              label="Description"
              {...form.getInputProps('description')}
              error={fieldError(save.error, 'description')}
              style={{ flex: 1, minWidth: 220 }}
            />
            <NativeSelect
              label="Kind"
              data={DIAGNOSIS_KINDS}
              {...form.getInputProps('kind')}
              error={fieldError(save.error, 'kind')}
            />
            <Checkbox label="Primary" {...form.getInputProps('primary', { type: 'checkbox' })} mb={8} />
            <Button type="submit" variant="light" loading={save.isPending}>
              Add diagnosis
            </Button>
          </Group>
          {generalError && (
            <Alert color="red" role="alert" mt="sm">
              {generalError}
            </Alert>
          )}
        </form>
      </Stack>
    </Paper>
  );
}
