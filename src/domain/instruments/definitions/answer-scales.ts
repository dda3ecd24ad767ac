import type { AnswerOption, InstrumentItem } from '../instrument-definition';

/** PHQ-9 and GAD-7: how often over the last 2 weeks. */
export const FREQUENCY_TWO_WEEKS: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

/** DAST-10 and C-SSRS: the raw answer is stored (yes = 1, no = 0); reverse items are turned at scoring. */
export const YES_NO: readonly AnswerOption[] = [
  { value: 0, label: 'No' },
  { value: 1, label: 'Yes' },
];

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
