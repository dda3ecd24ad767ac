import { Alert, Button, Radio, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { isItemAsked } from '../../domain/instruments';
import { ApiError } from '../shared/api/api-error';

export interface FormQuestion {
  id: string;
  number: number;
  part?: string;
  text: string;
  options: readonly { value: number; label: string }[];
  askedWhen?: { itemId: string; atLeast: number };
}

/**
 * One instrument, item by item, as radio groups that stack on a phone. The server scores and validates;
 * each of its field errors (`answers.item9`) is shown under its own question.
 */
export function InstrumentForm({
  title,
  instructions,
  questions,
  submitting,
  error,
  submitLabel = 'Submit answers',
  onSubmit,
}: {
  title: string;
  instructions: string;
  questions: readonly FormQuestion[];
  submitting: boolean;
  error: unknown;
  submitLabel?: string;
  onSubmit: (answers: Record<string, number | null>) => void;
}) {
  const [answers, setAnswers] = useState<Record<string, number | null>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const asked = questions.filter((q) => isItemAsked(q, answers));
  const serverErrors = new Map(
    error instanceof ApiError
      ? error.fields.filter((f) => f.path.startsWith('answers.')).map((f) => [f.path.slice(8), f.message])
      : [],
  );
  const otherError =
    error instanceof ApiError
      ? error.fields.some((f) => f.path.startsWith('answers.'))
        ? null
        : error.message
      : error
        ? 'Something went wrong. Please try again.'
        : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unanswered = asked
      .filter((q) => answers[q.id] === undefined || answers[q.id] === null)
      .map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    // Answers to follow-ups no longer asked are left out, as on the paper form.
    onSubmit(Object.fromEntries(asked.map((q) => [q.id, answers[q.id] ?? null])));
  };

  return (
    <form onSubmit={submit} aria-label={title} noValidate>
      <Stack gap="lg">
        <Text size="sm">{instructions}</Text>
        {asked.map((question) => {
          const message =
            serverErrors.get(question.id) ??
            (missing.includes(question.id) ? 'Please answer this question.' : undefined);
          return (
            <Radio.Group
              key={question.id}
              name={question.id}
              label={`${question.number}${question.part ?? ''}. ${question.text}`}
              value={
                answers[question.id] === undefined || answers[question.id] === null
                  ? null
                  : String(answers[question.id])
              }
              onChange={(value) => setAnswers((prev) => ({ ...prev, [question.id]: Number(value) }))}
              error={message}
              styles={{ label: { fontWeight: 600, marginBottom: 6, lineHeight: 1.35 } }}
            >
              <Stack gap={8}>
                {question.options.map((option) => (
                  <Radio key={option.value} value={String(option.value)} label={option.label} />
                ))}
              </Stack>
            </Radio.Group>
          );
        })}
        {otherError && (
          <Alert color="red" role="alert">
            {otherError}
          </Alert>
        )}
        {missing.length > 0 && (
          <Text c="red" size="sm" role="alert">
            {missing.length === 1 ? 'One question is' : `${missing.length} questions are`} still unanswered.
          </Text>
        )}
        <Button type="submit" loading={submitting} size="md">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
