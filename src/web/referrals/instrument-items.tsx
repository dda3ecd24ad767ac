import { Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { InstrumentDefinition, InstrumentItem, InstrumentScore } from '../../domain/instruments';
import { isItemAsked, scoreInstrument } from '../../domain/instruments';

export type Answers = Record<string, number>;

/** The label of a band the server names by id ("moderate" → "Moderate withdrawal"). */
export function bandLabel(instrument: InstrumentDefinition, bandId: string): string {
  const rule = instrument.bands;
  const bands =
    rule.kind === 'range'
      ? rule.bands
      : rule.kind === 'cutoff'
        ? [rule.negative, rule.positive]
        : [...rule.levels, rule.otherwise];
  return bands.find((band) => band.id === bandId)?.label ?? bandId;
}

/** "Nausea and vomiting — ask …" → "Nausea and vomiting": the sign's name, for the input's label. */
function itemTitle(item: InstrumentItem): string {
  const [title = item.text] = item.text.split(/ — |\. (?=[A-Z])/);
  return title.replace(/\.$/, '');
}

/** Only the answers to items the form asks, so a follow-up hidden again by a changed answer is not sent. */
export function askedAnswers(instrument: InstrumentDefinition, answers: Answers): Answers {
  return Object.fromEntries(
    instrument.items
      .filter((item) => isItemAsked(item, answers) && answers[item.id] !== undefined)
      .map((item) => [item.id, answers[item.id] as number]),
  );
}

export interface LiveScore {
  answered: number;
  asked: number;
  /** Sum of the answers so far (all these instruments score the raw answer). */
  runningTotal: number;
  /** The domain's score, once every asked item has an answer. */
  score: InstrumentScore | null;
}

/** The same scoring the server does, run as the clinician types. */
export function liveScore(instrument: InstrumentDefinition, answers: Answers): LiveScore {
  const askedItems = instrument.items.filter((item) => isItemAsked(item, answers));
  const answeredItems = askedItems.filter((item) => answers[item.id] !== undefined);
  const runningTotal = answeredItems
    .filter((item) => item.scored !== false)
    .reduce((sum, item) => sum + (answers[item.id] ?? 0), 0);
  let score: InstrumentScore | null = null;
  if (answeredItems.length === askedItems.length) {
    try {
      score = scoreInstrument(instrument.id, askedAnswers(instrument, answers));
    } catch {
      score = null;
    }
  }
  return { answered: answeredItems.length, asked: askedItems.length, runningTotal, score };
}

const bandColors: Record<string, string> = {
  none: 'teal',
  minimal: 'teal',
  mild: 'yellow',
  low: 'yellow',
  moderate: 'orange',
  'moderately-severe': 'red',
  severe: 'red',
  high: 'red',
};

export function ScoreLine({ instrument, live }: { instrument: InstrumentDefinition; live: LiveScore }) {
  const max = instrument.items.reduce(
    (sum, item) => sum + (item.scored === false ? 0 : Math.max(...item.options.map((o) => o.value))),
    0,
  );
  return (
    <Group gap="sm" aria-live="polite" role="status" aria-label={`${instrument.shortName} score`}>
      {instrument.total === 'sum' && (
        <Text fw={700}>
          {instrument.shortName} total {live.runningTotal} of {max}
        </Text>
      )}
      {live.score ? (
        <Badge color={bandColors[live.score.band.id] ?? 'gray'} variant="light" size="lg" tt="none">
          {live.score.band.label}
        </Badge>
      ) : (
        <Text size="sm" c="dimmed">
          {live.answered} of {live.asked} items answered
        </Text>
      )}
    </Group>
  );
}

/** Every item of one instrument, one labelled select each, with the running total and band. */
export function InstrumentItems({
  instrument,
  answers,
  onChange,
  errorFor,
}: {
  instrument: InstrumentDefinition;
  answers: Answers;
  onChange: (answers: Answers) => void;
  errorFor?: (itemId: string) => string | undefined;
}) {
  const live = liveScore(instrument, answers);
  const set = (itemId: string, raw: string) => {
    const next = { ...answers };
    if (raw === '') delete next[itemId];
    else next[itemId] = Number(raw);
    onChange(next);
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={instrument.shortName}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {instrument.shortName}
          </Title>
          <ScoreLine instrument={instrument} live={live} />
        </Group>
        <Text size="sm" c="dimmed">
          {instrument.instructions}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {instrument.items
            .filter((item) => isItemAsked(item, answers))
            .map((item) => (
              <NativeSelect
                key={item.id}
                label={`${instrument.shortName} ${item.number}${item.part ?? ''}. ${itemTitle(item)}`}
                description={itemTitle(item) === item.text ? undefined : item.text}
                data={[
                  { value: '', label: 'Not answered' },
                  ...item.options.map((option) => ({ value: String(option.value), label: option.label })),
                ]}
                value={answers[item.id] === undefined ? '' : String(answers[item.id])}
                onChange={(event) => set(item.id, event.currentTarget.value)}
                error={errorFor?.(item.id)}
              />
            ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
