import { type FieldError, InputError, throwIfInvalid } from '../input-error';
import {
  type AsamEdition,
  findLevel,
  intensityRank,
  isLevelCode,
  LEVELS_OF_CARE,
  type LevelCode,
} from './levels-of-care';

export const DIMENSIONS = [
  { id: 'D1', label: 'Intoxication and withdrawal potential' },
  { id: 'D2', label: 'Biomedical conditions' },
  { id: 'D3', label: 'Emotional, behavioral or cognitive conditions' },
  { id: 'D4', label: 'Readiness to change' },
  { id: 'D5', label: 'Relapse or continued use potential' },
  { id: 'D6', label: 'Recovery environment' },
] as const;
export type DimensionId = (typeof DIMENSIONS)[number]['id'];
export const DIMENSION_IDS: readonly DimensionId[] = DIMENSIONS.map((dimension) => dimension.id);

/** 0 none, 1 mild, 2 moderate, 3 substantial, 4 severe. */
export type Rating = 0 | 1 | 2 | 3 | 4;
export type Ratings = Record<DimensionId, Rating>;

export interface PlacementAlternative {
  level: LevelCode;
  note?: string;
}
export interface PlacementCell {
  level: LevelCode;
  note?: string;
  /** A less intensive level that also meets this dimension's need under the stated condition. */
  alternatives?: readonly PlacementAlternative[];
}
/** One cell per rating, indexed by the rating 0–4. */
export type PlacementRow = readonly [
  PlacementCell,
  PlacementCell,
  PlacementCell,
  PlacementCell,
  PlacementCell,
];
export interface PlacementTable {
  edition: AsamEdition;
  rows: Readonly<Record<DimensionId, PlacementRow>>;
}

const row = (
  zeroToOne: PlacementCell,
  two: PlacementCell,
  three: PlacementCell,
  four: PlacementCell,
): PlacementRow => [zeroToOne, zeroToOne, two, three, four];

/**
 * OpenIOP's starting defaults (our own heuristic, not the ASAM text). Every program
 * can review and replace the table. No public ASAM algorithm exists; Minnesota Rule 9530.6622 is a public
 * example of the same idea.
 */
export const DEFAULT_TABLE: PlacementTable = {
  edition: 3,
  rows: {
    D1: row(
      { level: '1' },
      { level: '2.1', note: 'with withdrawal monitoring' },
      { level: '3.7-WM', note: 'rule-out for IOP' },
      { level: '4-WM' },
    ),
    D2: row({ level: '1' }, { level: '2.1' }, { level: '3.7' }, { level: '4' }),
    D3: row({ level: '1' }, { level: '2.1' }, { level: '2.5' }, { level: '4', note: 'acute psychiatric' }),
    D4: row(
      { level: '1' },
      { level: '1', note: 'with motivational work' },
      { level: '2.1' },
      { level: '2.5' },
    ),
    D5: row({ level: '1' }, { level: '2.1' }, { level: '2.5' }, { level: '3.5' }),
    D6: row(
      { level: '1' },
      { level: '2.1' },
      { level: '3.1', alternatives: [{ level: '2.5', note: 'with sober living' }] },
      { level: '3.5' },
    ),
  },
};

/**
 * The same defaults in 4th-edition codes (OpenIOP's translation): 1 → 1.5, 3.7-WM → 3.7 and 4-WM → 4, since
 * the 4th edition folds withdrawal management into those levels.
 */
export const DEFAULT_TABLE_EDITION_4: PlacementTable = {
  edition: 4,
  rows: {
    D1: row(
      { level: '1.5' },
      { level: '2.1', note: 'with withdrawal monitoring' },
      { level: '3.7', note: 'medically managed withdrawal; rule-out for IOP' },
      { level: '4', note: 'medically managed withdrawal' },
    ),
    D2: row({ level: '1.5' }, { level: '2.1' }, { level: '3.7' }, { level: '4' }),
    D3: row({ level: '1.5' }, { level: '2.1' }, { level: '2.5' }, { level: '4', note: 'acute psychiatric' }),
    D4: row(
      { level: '1.5' },
      { level: '1.5', note: 'with motivational work' },
      { level: '2.1' },
      { level: '2.5' },
    ),
    D5: row({ level: '1.5' }, { level: '2.1' }, { level: '2.5' }, { level: '3.5' }),
    D6: row(
      { level: '1.5' },
      { level: '2.1' },
      { level: '3.1', alternatives: [{ level: '2.5', note: 'with sober living' }] },
      { level: '3.5' },
    ),
  },
};

export const DEFAULT_TABLES: Readonly<Record<AsamEdition, PlacementTable>> = {
  3: DEFAULT_TABLE,
  4: DEFAULT_TABLE_EDITION_4,
};

export interface DimensionResult {
  dimension: DimensionId;
  rating: Rating;
  minimumLevel: LevelCode;
  note: string | null;
  alternatives: PlacementAlternative[];
}

export interface RecommendedAlternative {
  level: LevelCode;
  note: string | null;
  /** The dimensions whose table cell offers this alternative. */
  offeredBy: DimensionId[];
}

export interface Recommendation {
  edition: AsamEdition;
  level: LevelCode;
  /** Every dimension whose minimum level is the recommended one (more than one on a tie). */
  drivenBy: DimensionId[];
  perDimension: DimensionResult[];
  /** Less intensive options that still satisfy every dimension, each under its stated condition. */
  alternatives: RecommendedAlternative[];
}

export function ratingsFieldErrors(ratings: unknown): FieldError[] {
  if (typeof ratings !== 'object' || ratings === null) {
    return [{ path: 'ratings', message: 'Rate all six dimensions.' }];
  }
  const fields: FieldError[] = [];
  for (const id of DIMENSION_IDS) {
    const value = (ratings as Record<string, unknown>)[id];
    if (value === undefined || value === null) {
      fields.push({ path: `ratings.${id}`, message: `Rate dimension ${id} from 0 to 4.` });
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 4) {
      fields.push({
        path: `ratings.${id}`,
        message: `A rating is a whole number from 0 to 4 (got ${String(value)}).`,
      });
    }
  }
  return fields;
}

export function placementTableFieldErrors(table: PlacementTable): FieldError[] {
  if (!LEVELS_OF_CARE[table.edition]) {
    return [{ path: 'table.edition', message: 'The ASAM edition is 3 or 4.' }];
  }
  const fields: FieldError[] = [];
  const checkLevel = (path: string, code: unknown) => {
    if (typeof code !== 'string' || !findLevel(table.edition, code)) {
      fields.push({ path, message: `${String(code)} is not a level of the ASAM edition ${table.edition}.` });
    }
  };
  for (const id of DIMENSION_IDS) {
    const cells = table.rows[id] as readonly PlacementCell[] | undefined;
    if (cells?.length !== 5) {
      fields.push({
        path: `table.rows.${id}`,
        message: 'A dimension needs one cell for each rating 0 to 4.',
      });
      continue;
    }
    cells.forEach((cell, rating) => {
      checkLevel(`table.rows.${id}.${rating}.level`, cell.level);
      cell.alternatives?.forEach((alternative, i) => {
        checkLevel(`table.rows.${id}.${rating}.alternatives.${i}.level`, alternative.level);
      });
    });
  }
  return fields;
}

/**
 * ASAM: the recommended level is the most intensive minimum level that any dimension implies — never an
 * average, because one severe dimension (say, an unsafe home) is not offset by five mild ones.
 * With no table, the default table of the edition (3 unless given) is used.
 */
export function recommendLevel(
  ratings: Partial<Ratings>,
  table?: PlacementTable,
  edition?: AsamEdition,
): Recommendation {
  const resolvedEdition = edition ?? table?.edition ?? 3;
  const resolvedTable = table ?? DEFAULT_TABLES[resolvedEdition];
  if (!resolvedTable) throw new InputError([{ path: 'edition', message: 'The ASAM edition is 3 or 4.' }]);
  if (resolvedTable.edition !== resolvedEdition) {
    throw new InputError([
      {
        path: 'edition',
        message: `The placement table is for edition ${resolvedTable.edition}, not ${resolvedEdition}.`,
      },
    ]);
  }
  throwIfInvalid([...ratingsFieldErrors(ratings), ...placementTableFieldErrors(resolvedTable)]);
  const valid = ratings as Ratings;

  const perDimension: DimensionResult[] = DIMENSION_IDS.map((dimension) => {
    const rating = valid[dimension];
    const cell = resolvedTable.rows[dimension][rating];
    return {
      dimension,
      rating,
      minimumLevel: cell.level,
      note: cell.note ?? null,
      alternatives: [...(cell.alternatives ?? [])],
    };
  });

  const highestRank = Math.max(...perDimension.map((result) => intensityRank(result.minimumLevel)));
  const drivers = perDimension.filter((result) => intensityRank(result.minimumLevel) === highestRank);
  // Ranks are unique within an edition, so every driver names the same level.
  const level = drivers[0]!.minimumLevel;

  return {
    edition: resolvedEdition,
    level,
    drivenBy: drivers.map((result) => result.dimension),
    perDimension,
    alternatives: alternativesSatisfyingEveryDimension(perDimension, level),
  };
}

/**
 * An alternative is shown only if every dimension accepts it: its rank meets that dimension's minimum, or that
 * dimension's own cell offers it (e.g. D6 = 3 accepts 2.5 with sober living instead of 3.1).
 */
function alternativesSatisfyingEveryDimension(
  perDimension: DimensionResult[],
  recommended: LevelCode,
): RecommendedAlternative[] {
  const candidates = new Map<LevelCode, RecommendedAlternative>();
  for (const result of perDimension) {
    for (const alternative of result.alternatives) {
      if (alternative.level === recommended) continue;
      const existing = candidates.get(alternative.level);
      if (existing) {
        existing.offeredBy.push(result.dimension);
      } else {
        candidates.set(alternative.level, {
          level: alternative.level,
          note: alternative.note ?? null,
          offeredBy: [result.dimension],
        });
      }
    }
  }
  return [...candidates.values()].filter((candidate) =>
    perDimension.every(
      (result) =>
        intensityRank(candidate.level) >= intensityRank(result.minimumLevel) ||
        candidate.offeredBy.includes(result.dimension),
    ),
  );
}

export const PLACEMENT_DIFFERENCE_REASONS = [
  { code: 'patient_preference', label: 'The patient chose another level' },
  { code: 'level_not_available', label: 'The recommended level is not available' },
  { code: 'payer_decision', label: 'The payer decided otherwise' },
  { code: 'clinical_judgement', label: "The clinician's judgement" },
] as const;
export type PlacementDifferenceReason = (typeof PLACEMENT_DIFFERENCE_REASONS)[number]['code'];

export type PlacementDifference =
  | { differs: false; reason: null }
  | { differs: true; reason: PlacementDifferenceReason };

function isPlacementDifferenceReason(value: unknown): value is PlacementDifferenceReason {
  return PLACEMENT_DIFFERENCE_REASONS.some((reason) => reason.code === value);
}

/**
 * The clinician may place the patient elsewhere than recommended, but must say why (The ASAM Criteria, 3rd ed., 2013: the placement and any
 * difference from the recommendation are documented with the reason).
 * A reason given when the levels match is not needed and is dropped.
 */
export function placementDifference(
  recommended: LevelCode,
  placed: LevelCode,
  reason?: PlacementDifferenceReason | null,
): PlacementDifference {
  const fields: FieldError[] = [];
  if (!isLevelCode(recommended)) {
    fields.push({ path: 'recommended', message: `${String(recommended)} is not a level of care.` });
  }
  if (!isLevelCode(placed))
    fields.push({ path: 'placed', message: `${String(placed)} is not a level of care.` });
  const given = reason !== undefined && reason !== null;
  if (given && !isPlacementDifferenceReason(reason)) {
    fields.push({
      path: 'reason',
      message: `The reason is one of ${PLACEMENT_DIFFERENCE_REASONS.map((r) => r.code).join(', ')}.`,
    });
  }
  throwIfInvalid(fields);
  if (recommended === placed) return { differs: false, reason: null };
  if (!given) {
    throw new InputError([
      {
        path: 'reason',
        message: `Give a reason for placing at ${placed} instead of the recommended ${recommended}.`,
      },
    ]);
  }
  return { differs: true, reason };
}
