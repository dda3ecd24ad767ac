import type { AnswerOption, BandRule, InstrumentItem } from '../instrument-definition';

/** PHQ-9 and GAD-7: how often over the last 2 weeks. */
export const FREQUENCY_TWO_WEEKS: readonly AnswerOption[] = scaleFromZero(
  'Not at all',
  'Several days',
  'More than half the days',
  'Nearly every day',
);

/** DAST-10 and C-SSRS: the raw answer is stored (yes = 1, no = 0); reverse items are turned at scoring. */
export const YES_NO: readonly AnswerOption[] = scaleFromZero('No', 'Yes');

/** Items 1, 2, 3 … as `item1`, `item2` …, all with the same answer scale. */
export function numberedItems(
  texts: readonly string[],
  options: readonly AnswerOption[],
): readonly InstrumentItem[] {
  return texts.map((text, index) => ({ id: `item${index + 1}`, number: index + 1, text, options }));
}

/**
 * A clinician-rated scale whose published form labels only some points (CIWA-Ar: 0, 1, 4, 7); the points in
 * between are valid ratings and are shown by their number.
 */
export function anchoredScale(
  max: number,
  anchors: Readonly<Record<number, string>>,
): readonly AnswerOption[] {
  return Array.from({ length: max + 1 }, (_, value) => ({
    value,
    label: anchors[value] ? `${value} – ${anchors[value]}` : String(value),
  }));
}

/** Answers scored 0, 1, 2 … in the order the published form lists them. */
export function scaleFromZero(...labels: readonly string[]): readonly AnswerOption[] {
  return labels.map((label, value) => ({ value, label }));
}

/** Answers whose published scores skip values (AUDIT items 9–10 score 0, 2 or 4): `[score, label]` rows. */
export function scoredAnswers(rows: readonly (readonly [number, string])[]): readonly AnswerOption[] {
  return rows.map(([value, label]) => ({ value, label }));
}

/** Item `number` with the id `item<number>` the stored answers are keyed by. */
export function item(
  number: number,
  text: string,
  options: readonly AnswerOption[],
  extra: Partial<Omit<InstrumentItem, 'id' | 'number' | 'text' | 'options'>> = {},
): InstrumentItem {
  return { id: `item${number}`, number, text, options, ...extra };
}

/** `item<from>` … `item<to>`: a sub-scale's items when they are numbered in one run. */
export function itemRange(from: number, to: number): readonly string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => `item${from + index}`);
}

/** Severity bands read on a score: `[id, label, min, max]` rows, lowest first, as the source publishes them. */
export function rangeBands(
  rows: readonly (readonly [string, string, number, number])[],
  basis: Extract<BandRule, { kind: 'range' }>['basis'] = 'total',
): BandRule {
  return { kind: 'range', basis, bands: rows.map(([id, label, min, max]) => ({ id, label, min, max })) };
}
