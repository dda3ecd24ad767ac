import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { InstrumentForm } from './instrument-form';
import { type PortalInstrument, usePortalInstruments, useSubmitPortalInstrument } from './measurement-api';

type Submitted = { instrumentName: string; showCrisisLine: boolean; careTeamNotified: boolean };

/** The portal's questionnaires: what the program asks today, answered on a phone. */
export function MyQuestionnaires() {
  const due = usePortalInstruments();
  const [open, setOpen] = useState<PortalInstrument | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);

  if (due.isPending || due.isError) return null;
  if (due.data.items.length === 0 && !submitted) return null;

  return (
    <Stack>
      {submitted?.showCrisisLine && <CrisisLineCard careTeamNotified={submitted.careTeamNotified} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-questionnaires-heading">
        <Title order={2} size="h3" id="my-questionnaires-heading" mb="xs">
          My questionnaires
        </Title>
        {submitted && !submitted.showCrisisLine && (
          <Alert color="teal" mb="sm" title="Thank you">
            Your {submitted.instrumentName} answers were sent to your care team.
          </Alert>
        )}
        {open ? (
          <PortalForm
            instrument={open}
            onCancel={() => setOpen(null)}
            onDone={(answer) => {
              setSubmitted(answer);
              setOpen(null);
            }}
          />
        ) : due.data.items.length === 0 ? (
          <Text size="sm">You are up to date. Thank you.</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm">Your care team asks you to answer these. Each takes a few minutes.</Text>
            {due.data.items.map((item) => (
              <Group key={item.instrumentId} justify="space-between" wrap="nowrap">
                <div>
                  <Text fw={600}>{item.shortName}</Text>
                  <Text size="sm" c="dimmed">
                    {item.items.length} questions
                    {item.state === 'overdue' && (
                      <Badge ml="xs" size="sm" color="orange" variant="light">
                        overdue
                      </Badge>
                    )}
                  </Text>
                </div>
                <Button
                  onClick={() => {
                    setSubmitted(null);
                    setOpen(item);
                  }}
                  aria-label={`Start ${item.shortName}`}
                >
                  Start
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

function PortalForm({
  instrument,
  onCancel,
  onDone,
}: {
  instrument: PortalInstrument;
  onCancel: () => void;
  onDone: (answer: Submitted) => void;
}) {
  const submit = useSubmitPortalInstrument();
  return (
    <Stack>
      <Title order={3} size="h4">
        {instrument.shortName}
      </Title>
      <InstrumentForm
        title={instrument.shortName}
        instructions={instrument.instructions}
        questions={instrument.items}
        submitting={submit.isPending}
        error={submit.error}
        submitLabel="Send my answers"
        onSubmit={(answers) =>
          submit.mutate(
            { instrumentId: instrument.instrumentId, answers },
            {
              onSuccess: (answer) =>
                onDone({
                  instrumentName: answer.instrumentName,
                  showCrisisLine: answer.showCrisisLine,
                  careTeamNotified: answer.careTeamNotified,
                }),
            },
          )
        }
      />
      <Button variant="subtle" color="gray" onClick={onCancel}>
        Not now
      </Button>
    </Stack>
  );
}

/** Shown right after answers that raise suicide risk: the 24-hour line first, then what the clinic will do. */
export function CrisisLineCard({ careTeamNotified }: { careTeamNotified: boolean }) {
  return (
    <Paper
      p="lg"
      radius="md"
      bg="red.8"
      c="white"
      component="section"
      aria-labelledby="crisis-line-heading"
      aria-live="assertive"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="crisis-line-heading">
          You don't have to go through this alone
        </Title>
        <Text size="lg" fw={700}>
          988 Suicide &amp; Crisis Lifeline — call or text 988, any time, 24 hours a day.
        </Text>
        <Group gap="sm">
          <Button component="a" href="tel:988" variant="white" color="red.9" size="md">
            Call 988
          </Button>
          <Button component="a" href="sms:988" variant="white" color="red.9" size="md">
            Text 988
          </Button>
        </Group>
        {careTeamNotified && (
          <Text>Your care team has been told about your answers and will reach out to you today.</Text>
        )}
        <Text size="sm">If you are in danger right now, call 911.</Text>
      </Stack>
    </Paper>
  );
}
