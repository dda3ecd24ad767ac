import { type FieldError, InputError } from '../input-error';
import { getInstrument, INSTRUMENT_IDS, isInstrumentId } from './instrument-catalog';
import type {
  Band,
  BandRule,
  InstrumentDefinition,
  InstrumentId,
  InstrumentItem,
  RiskFlag,
} from './instrument-definition';

export type ScoreOptions = {
  /** AUDIT-C cut-off: ≥ 4 male, ≥ 3 female; `unknown` or absent → 3. */
  sex?: 'male' | 'female' | 'unknown';
  /** Cut-off for instruments whose programs choose one: PCL-5 31–33 (default 33). */
  positiveCutoff?: number;
  /** CIWA-Ar and COWS: a total above this raises `withdrawal-threshold` (defaults 15 and 12). */
  withdrawalFlagAbove?: number;
};

export type InstrumentScore = {
  instrumentId: InstrumentId;
  /** Definition version the score was computed with. */
  version: string;
  /** Sum of the scored items; null for instruments with no validated total (BAM, C-SSRS screener). */
  total: number | null;
  subscales?: Record<string, number>;
  band: Band;
  riskFlags: RiskFlag[];
  /** Screens with a cut-off (AUDIT-C, PCL-5): at or above it. */
  positive?: boolean;
  /** The cut-off `positive` was decided with. */
  cutoff?: number;
};

/**
 * Validates every answer against the instrument's items and scores it: total, sub-scales, band and risk
 * flags. Pure: the same answers and options always give the same score, in the server and in the browser.
 *
 * @throws InputError naming every bad field: an unknown instrument (`instrumentId`), a missing
 *   required item or an answer that is not one of the item's options (`answers.item9`), an answer to an item
 *   the instrument does not have, or an option out of range (`options.positiveCutoff`).
 */
export function scoreInstrument(
  instrumentId: string,
  answers: Record<string, number>,
  options: ScoreOptions = {},
): InstrumentScore {
  if (!isInstrumentId(instrumentId)) {
    throw new InputError(
      [{ path: 'instrumentId', message: `is not a known instrument (one of ${INSTRUMENT_IDS.join(', ')})` }],
      'invalid_instrument_answers',
    );
  }
  const instrument = getInstrument(instrumentId);
  const fields = [...answerErrors(instrument, answers), ...optionErrors(instrument, options)];
  if (fields.length > 0) throw new InputError(fields, 'invalid_instrument_answers');

  const itemScores = new Map(instrument.items.map((item) => [item.id, itemScore(item, answers[item.id])]));
  const sumOf = (itemIds: readonly string[]) =>
    itemIds.reduce((sum, id) => sum + (itemScores.get(id) ?? 0), 0);

  const total =
    instrument.total === 'sum'
      ? sumOf(instrument.items.filter((i) => i.scored !== false).map((i) => i.id))
      : null;
  const subscales = instrument.subscales
    ? Object.fromEntries(instrument.subscales.map((s) => [s.id, sumOf(s.itemIds)]))
    : undefined;

  const banding = bandFor(instrument.bands, { total, subscales, answers, options });
  const riskFlags = riskFlagsFor(instrument, { total, band: banding.band, answers, options });

  return {
    instrumentId,
    version: instrument.version,
    total,
    ...(subscales ? { subscales } : {}),
    band: { id: banding.band.id, label: banding.band.label },
    riskFlags,
    ...(banding.cutoff === undefined ? {} : { positive: banding.positive, cutoff: banding.cutoff }),
  };
}

function answerErrors(instrument: InstrumentDefinition, answers: Record<string, number>): FieldError[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [{ path: 'answers', message: 'must be an object of item id to answer value' }];
  }
  const fields: FieldError[] = [];
  const itemIds = new Set(instrument.items.map((item) => item.id));
  for (const key of Object.keys(answers)) {
    if (!itemIds.has(key))
      fields.push({ path: `answers.${key}`, message: `is not an item of ${instrument.shortName}` });
  }
  for (const item of instrument.items) {
    const value = answerOf(answers, item.id);
    if (value === undefined) {
      if (isItemAsked(item, answers)) fields.push({ path: `answers.${item.id}`, message: 'is required' });
      continue;
    }
    if (!item.options.some((option) => option.value === value)) {
      const allowed = item.options.map((option) => option.value).join(', ');
      fields.push({ path: `answers.${item.id}`, message: `must be one of ${allowed}` });
    }
  }
  return fields;
}

/** Null (as JSON sends an unanswered item) counts as not answered. */
function answerOf(answers: Readonly<Record<string, number | null>>, itemId: string): unknown {
  if (!Object.hasOwn(answers, itemId)) return undefined;
  const value: unknown = answers[itemId];
  return value === null ? undefined : value;
}

/**
 * The published skip pattern: an item behind skip logic is asked only when its controlling answer is high
 * enough. If the controlling item is itself missing or invalid, that item carries the error; the follow-up
 * is not reported again. The forms use it too, to show only the items asked.
 */
export function isItemAsked(
  item: Pick<InstrumentItem, 'askedWhen'>,
  answers: Readonly<Record<string, number | null>>,
): boolean {
  if (!item.askedWhen) return true;
  const control = answerOf(answers, item.askedWhen.itemId);
  return typeof control === 'number' && control >= item.askedWhen.atLeast;
}

function optionErrors(instrument: InstrumentDefinition, options: ScoreOptions): FieldError[] {
  const fields: FieldError[] = [];
  const rule = instrument.bands;
  if (rule.kind === 'cutoff' && rule.cutoff.by === 'config' && options.positiveCutoff !== undefined) {
    const { min, max } = rule.cutoff;
    const cutoff = options.positiveCutoff;
    if (!Number.isInteger(cutoff) || cutoff < min || cutoff > max) {
      fields.push({
        path: 'options.positiveCutoff',
        message: `must be a whole number from ${min} to ${max} for ${instrument.shortName}`,
      });
    }
  }
  if (rule.kind === 'cutoff' && rule.cutoff.by === 'sex' && options.sex !== undefined) {
    if (!['male', 'female', 'unknown'].includes(options.sex)) {
      fields.push({ path: 'options.sex', message: 'must be male, female or unknown' });
    }
  }
  const usesThreshold = instrument.riskRules.some((r) => r.when === 'total-above-configured');
  if (usesThreshold && options.withdrawalFlagAbove !== undefined) {
    const threshold = options.withdrawalFlagAbove;
    if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0) {
      fields.push({ path: 'options.withdrawalFlagAbove', message: 'must be a number of 0 or more' });
    }
  }
  return fields;
}

/** Validated answer → points. Not asked → 0; reverse items turn the scale around its ends. */
function itemScore(item: InstrumentItem, answer: number | undefined): number {
  if (answer === undefined || answer === null) return 0;
  if (!item.reverse) return answer;
  const values = item.options.map((option) => option.value);
  return Math.min(...values) + Math.max(...values) - answer;
}

type Banding = { band: Band; positive?: boolean; cutoff?: number };

function bandFor(
  rule: BandRule,
  scores: {
    total: number | null;
    subscales: Record<string, number> | undefined;
    answers: Record<string, number>;
    options: ScoreOptions;
  },
): Banding {
  switch (rule.kind) {
    case 'range': {
      const value = rule.basis === 'total' ? scores.total : scores.subscales?.[rule.basis.subscaleId];
      const band = rule.bands.find(
        (b) => value !== null && value !== undefined && value >= b.min && value <= b.max,
      );
      if (!band) throw new Error(`Instrument definition has no band for score ${value}`);
      return { band };
    }
    case 'cutoff': {
      if (scores.total === null) throw new Error('A cut-off instrument needs a total');
      const cutoff =
        rule.cutoff.by === 'config'
          ? (scores.options.positiveCutoff ?? rule.cutoff.default)
          : rule.cutoff[scores.options.sex ?? 'unknown'];
      const positive = scores.total >= cutoff;
      return { band: positive ? rule.positive : rule.negative, positive, cutoff };
    }
    case 'triage': {
      const isYes = (itemId: string) => (scores.answers[itemId] ?? 0) >= 1;
      const level = rule.levels.find((l) => l.whenAllYes.some((group) => group.every(isYes)));
      return { band: level ?? rule.otherwise };
    }
  }
}

function riskFlagsFor(
  instrument: InstrumentDefinition,
  scored: { total: number | null; band: Band; answers: Record<string, number>; options: ScoreOptions },
): RiskFlag[] {
  const flags = new Set<RiskFlag>();
  for (const rule of instrument.riskRules) {
    const raised =
      rule.when === 'item-above'
        ? (scored.answers[rule.itemId] ?? 0) > rule.above
        : rule.when === 'band-in'
          ? rule.bandIds.includes(scored.band.id)
          : scored.total !== null && scored.total > (scored.options.withdrawalFlagAbove ?? rule.defaultAbove);
    if (raised) flags.add(rule.flag);
  }
  return [...flags];
}
