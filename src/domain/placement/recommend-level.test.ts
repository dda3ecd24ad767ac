import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { findLevel, intensityRank, LEVELS_OF_CARE, type LevelCode } from './levels-of-care';
import {
  DEFAULT_TABLE,
  DEFAULT_TABLE_EDITION_4,
  DIMENSION_IDS,
  type DimensionId,
  PLACEMENT_DIFFERENCE_REASONS,
  type PlacementTable,
  placementDifference,
  type Rating,
  type Ratings,
  recommendLevel,
} from './recommend-level';

const NONE: Ratings = { D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0 };
const ratings = (overrides: Partial<Ratings>): Ratings => ({ ...NONE, ...overrides });

function fieldsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).fields;
  }
  throw new Error('expected an InputError');
}

const ALL = [...DIMENSION_IDS];

// Each dimension alone (the others 0): the expected level, the dimensions that drive it, and the cell's note.
// Ratings 0–1 (and D4 at 2) imply level 1 like every other dimension at 0, so all six tie.
const EDITION_3_CASES: [DimensionId, Rating, LevelCode, DimensionId[], string | null][] = [
  ['D1', 0, '1', ALL, null],
  ['D1', 1, '1', ALL, null],
  ['D1', 2, '2.1', ['D1'], 'with withdrawal monitoring'],
  ['D1', 3, '3.7-WM', ['D1'], 'rule-out for IOP'],
  ['D1', 4, '4-WM', ['D1'], null],
  ['D2', 0, '1', ALL, null],
  ['D2', 1, '1', ALL, null],
  ['D2', 2, '2.1', ['D2'], null],
  ['D2', 3, '3.7', ['D2'], null],
  ['D2', 4, '4', ['D2'], null],
  ['D3', 0, '1', ALL, null],
  ['D3', 1, '1', ALL, null],
  ['D3', 2, '2.1', ['D3'], null],
  ['D3', 3, '2.5', ['D3'], null],
  ['D3', 4, '4', ['D3'], 'acute psychiatric'],
  ['D4', 0, '1', ALL, null],
  ['D4', 1, '1', ALL, null],
  ['D4', 2, '1', ALL, 'with motivational work'],
  ['D4', 3, '2.1', ['D4'], null],
  ['D4', 4, '2.5', ['D4'], null],
  ['D5', 0, '1', ALL, null],
  ['D5', 1, '1', ALL, null],
  ['D5', 2, '2.1', ['D5'], null],
  ['D5', 3, '2.5', ['D5'], null],
  ['D5', 4, '3.5', ['D5'], null],
  ['D6', 0, '1', ALL, null],
  ['D6', 1, '1', ALL, null],
  ['D6', 2, '2.1', ['D6'], null],
  ['D6', 3, '3.1', ['D6'], null],
  ['D6', 4, '3.5', ['D6'], null],
];

const EDITION_4_CASES: [DimensionId, Rating, LevelCode][] = [
  ['D1', 1, '1.5'],
  ['D1', 2, '2.1'],
  ['D1', 3, '3.7'],
  ['D1', 4, '4'],
  ['D2', 2, '2.1'],
  ['D2', 3, '3.7'],
  ['D2', 4, '4'],
  ['D3', 2, '2.1'],
  ['D3', 3, '2.5'],
  ['D3', 4, '4'],
  ['D4', 2, '1.5'],
  ['D4', 3, '2.1'],
  ['D4', 4, '2.5'],
  ['D5', 2, '2.1'],
  ['D5', 3, '2.5'],
  ['D5', 4, '3.5'],
  ['D6', 2, '2.1'],
  ['D6', 3, '3.1'],
  ['D6', 4, '3.5'],
];

describe('recommendLevel', () => {
  it.each(EDITION_3_CASES)(
    'edition 3: %s rated %i alone → %s',
    (dimension, rating, level, drivenBy, note) => {
      const result = recommendLevel(ratings({ [dimension]: rating }));
      expect(result.edition).toBe(3);
      expect(result.level).toBe(level);
      expect(result.drivenBy).toEqual(drivenBy);
      expect(result.perDimension.find((row) => row.dimension === dimension)).toMatchObject({
        rating,
        minimumLevel: level,
        note,
      });
    },
  );

  it.each(EDITION_4_CASES)('edition 4: %s rated %i alone → %s', (dimension, rating, level) => {
    const result = recommendLevel(ratings({ [dimension]: rating }), undefined, 4);
    expect(result).toMatchObject({ edition: 4, level });
    if (intensityRank(level) > intensityRank('1.5')) expect(result.drivenBy).toEqual([dimension]);
  });

  it('takes the edition from a table given without an edition', () => {
    expect(recommendLevel(ratings({ D3: 3 }), DEFAULT_TABLE_EDITION_4).edition).toBe(4);
  });

  it('reports every dimension in order with its rating, minimum level and note', () => {
    const result = recommendLevel({ D1: 2, D2: 0, D3: 1, D4: 2, D5: 3, D6: 4 });
    expect(result.perDimension).toEqual([
      {
        dimension: 'D1',
        rating: 2,
        minimumLevel: '2.1',
        note: 'with withdrawal monitoring',
        alternatives: [],
      },
      { dimension: 'D2', rating: 0, minimumLevel: '1', note: null, alternatives: [] },
      { dimension: 'D3', rating: 1, minimumLevel: '1', note: null, alternatives: [] },
      { dimension: 'D4', rating: 2, minimumLevel: '1', note: 'with motivational work', alternatives: [] },
      { dimension: 'D5', rating: 3, minimumLevel: '2.5', note: null, alternatives: [] },
      { dimension: 'D6', rating: 4, minimumLevel: '3.5', note: null, alternatives: [] },
    ]);
    expect(result.level).toBe('3.5');
    expect(result.drivenBy).toEqual(['D6']);
  });

  it.each([
    // ratings, level, drivenBy
    [{ D2: 2, D5: 2 }, '2.1', ['D2', 'D5']],
    [{ D1: 2, D2: 2, D3: 2, D5: 2, D6: 2 }, '2.1', ['D1', 'D2', 'D3', 'D5', 'D6']],
    [{ D3: 3, D4: 4, D5: 3 }, '2.5', ['D3', 'D4', 'D5']],
    [{ D5: 4, D6: 4 }, '3.5', ['D5', 'D6']],
    [{ D2: 4, D3: 4 }, '4', ['D2', 'D3']],
    [{ D2: 3, D5: 3 }, '3.7', ['D2']],
    // 3.7-WM ranks above 3.7: the withdrawal service also covers the biomedical need.
    [{ D1: 3, D2: 3 }, '3.7-WM', ['D1']],
    [{ D1: 4, D2: 4 }, '4-WM', ['D1']],
  ] as [Partial<Ratings>, LevelCode, DimensionId[]][])(
    'ties and mixes: %o → %s',
    (overrides, level, drivenBy) => {
      const result = recommendLevel(ratings(overrides));
      expect(result.level).toBe(level);
      expect(result.drivenBy).toEqual(drivenBy);
    },
  );

  it('takes the most intensive dimension, never the average', () => {
    const input = ratings({ D6: 4 });
    // An average of the ratings (4 / 6 ≈ 0.67, rounded to 1) would read the D6 row as level 1.
    const averageRating = Math.round(DIMENSION_IDS.reduce((sum, id) => sum + input[id], 0) / 6) as Rating;
    const averageLevel = DEFAULT_TABLE.rows.D6[averageRating].level;
    // An average of the implied levels' ranks lands below IOP as well.
    const meanRank =
      DIMENSION_IDS.reduce((sum, id) => sum + intensityRank(DEFAULT_TABLE.rows[id][input[id]].level), 0) / 6;

    const result = recommendLevel(input);
    expect(averageLevel).toBe('1');
    expect(meanRank).toBeLessThan(intensityRank('2.1'));
    expect(result.level).toBe('3.5');
    expect(result.level).not.toBe(averageLevel);
  });

  describe('alternatives', () => {
    it('offers 2.5 with sober living when an unsafe home (D6 = 3) drives 3.1', () => {
      const result = recommendLevel(ratings({ D6: 3 }));
      expect(result.level).toBe('3.1');
      expect(result.alternatives).toEqual([{ level: '2.5', note: 'with sober living', offeredBy: ['D6'] }]);
    });

    it('keeps the alternative when every other dimension is met by it', () => {
      const result = recommendLevel(ratings({ D1: 2, D3: 3, D5: 3, D6: 3 }));
      expect(result.level).toBe('3.1');
      expect(result.alternatives.map((alternative) => alternative.level)).toEqual(['2.5']);
    });

    it.each([
      [{ D6: 3, D2: 3 }, '3.7'],
      [{ D6: 3, D5: 4 }, '3.5'],
      [{ D6: 3, D1: 3 }, '3.7-WM'],
    ] as [Partial<Ratings>, LevelCode][])(
      'drops it when another dimension needs more: %o → %s',
      (overrides, level) => {
        const result = recommendLevel(ratings(overrides));
        expect(result.level).toBe(level);
        expect(result.alternatives).toEqual([]);
      },
    );

    it('has none when no cell offers one', () => {
      expect(recommendLevel(ratings({ D1: 2, D3: 3 })).alternatives).toEqual([]);
    });
  });

  describe('a program table', () => {
    const strictHome: PlacementTable = {
      ...DEFAULT_TABLE,
      rows: {
        ...DEFAULT_TABLE.rows,
        D6: [{ level: '1' }, { level: '2.1' }, { level: '2.5' }, { level: '3.5' }, { level: '3.7' }],
      },
    };

    it('uses the given table', () => {
      expect(recommendLevel(ratings({ D6: 1 }), strictHome).level).toBe('2.1');
      expect(recommendLevel(ratings({ D6: 4 }), strictHome).level).toBe('3.7');
    });

    it('rejects a table naming a level outside its edition', () => {
      const broken: PlacementTable = {
        ...DEFAULT_TABLE_EDITION_4,
        rows: {
          ...DEFAULT_TABLE_EDITION_4.rows,
          D1: [{ level: '1.5' }, { level: '1.5' }, { level: '2.1' }, { level: '3.7-WM' }, { level: '4' }],
          D6: [
            { level: '1.5' },
            { level: '2.1' },
            { level: '3.1', alternatives: [{ level: '2.2' as LevelCode }] },
            { level: '3.5' },
            { level: '3.5' },
          ],
        },
      };
      expect(fieldsOf(() => recommendLevel(NONE, broken)).map((field) => field.path)).toEqual([
        'table.rows.D1.3.level',
        'table.rows.D6.2.alternatives.0.level',
      ]);
    });

    it('rejects a row without five cells', () => {
      const short = { ...DEFAULT_TABLE, rows: { ...DEFAULT_TABLE.rows, D4: DEFAULT_TABLE.rows.D4.slice(1) } };
      expect(fieldsOf(() => recommendLevel(NONE, short as unknown as PlacementTable))).toEqual([
        { path: 'table.rows.D4', message: expect.any(String) },
      ]);
    });

    it('rejects a table of another edition than asked for', () => {
      expect(fieldsOf(() => recommendLevel(NONE, DEFAULT_TABLE, 4))).toEqual([
        { path: 'edition', message: expect.stringContaining('edition 3') },
      ]);
    });

    it('default tables name only levels of their own edition', () => {
      for (const table of [DEFAULT_TABLE, DEFAULT_TABLE_EDITION_4]) {
        for (const id of DIMENSION_IDS) {
          for (const cell of table.rows[id]) expect(findLevel(table.edition, cell.level)).toBeDefined();
        }
      }
      expect(LEVELS_OF_CARE[3].length).toBeGreaterThan(0);
    });
  });

  describe('bad ratings', () => {
    it.each([
      [{ ...NONE, D3: 5 }, 'ratings.D3'],
      [{ ...NONE, D1: -1 }, 'ratings.D1'],
      [{ ...NONE, D2: 2.5 }, 'ratings.D2'],
      [{ ...NONE, D4: '2' }, 'ratings.D4'],
      [{ ...NONE, D5: null }, 'ratings.D5'],
      [{ ...NONE, D6: Number.NaN }, 'ratings.D6'],
      [{ D1: 0, D2: 0, D3: 0, D4: 0, D5: 0 }, 'ratings.D6'],
    ])('%o → field %s', (input, path) => {
      expect(fieldsOf(() => recommendLevel(input as Partial<Ratings>)).map((field) => field.path)).toEqual([
        path,
      ]);
    });

    it('names every bad field at once', () => {
      expect(
        fieldsOf(() => recommendLevel({ D1: 7, D3: 1 } as unknown as Partial<Ratings>)).map(
          (field) => field.path,
        ),
      ).toEqual(['ratings.D1', 'ratings.D2', 'ratings.D4', 'ratings.D5', 'ratings.D6']);
    });

    it('rejects ratings that are not an object', () => {
      expect(fieldsOf(() => recommendLevel(null as unknown as Ratings))).toEqual([
        { path: 'ratings', message: expect.any(String) },
      ]);
    });

    it('accepts every rating from 0 to 4 in every dimension', () => {
      for (const id of DIMENSION_IDS) {
        for (const rating of [0, 1, 2, 3, 4] as const)
          expect(() => recommendLevel(ratings({ [id]: rating }))).not.toThrow();
      }
    });
  });
});

describe('placementDifference', () => {
  it('needs no reason when the placed level is the recommended one', () => {
    expect(placementDifference('2.1', '2.1')).toEqual({ differs: false, reason: null });
    expect(placementDifference('2.1', '2.1', 'patient_preference')).toEqual({ differs: false, reason: null });
  });

  it.each(['1', '2.5', '3.1'] as const)('asks for a reason when placed at %s instead of 2.1', (placed) => {
    expect(fieldsOf(() => placementDifference('2.1', placed))).toEqual([
      { path: 'reason', message: expect.stringContaining(placed) },
    ]);
    expect(fieldsOf(() => placementDifference('2.1', placed, null))).toEqual([
      { path: 'reason', message: expect.any(String) },
    ]);
  });

  it.each(PLACEMENT_DIFFERENCE_REASONS.map((reason) => reason.code))('accepts the reason %s', (reason) => {
    expect(placementDifference('3.1', '2.1', reason)).toEqual({ differs: true, reason });
  });

  it('lists exactly the four reasons', () => {
    expect(PLACEMENT_DIFFERENCE_REASONS.map((reason) => reason.code)).toEqual([
      'patient_preference',
      'level_not_available',
      'payer_decision',
      'clinical_judgement',
    ]);
  });

  it('rejects a reason not in the list, even when the levels match', () => {
    expect(fieldsOf(() => placementDifference('3.1', '2.1', 'cheaper' as never))).toEqual([
      { path: 'reason', message: expect.stringContaining('patient_preference') },
    ]);
    expect(fieldsOf(() => placementDifference('2.1', '2.1', 'cheaper' as never)).map((f) => f.path)).toEqual([
      'reason',
    ]);
  });

  it('rejects unknown levels', () => {
    expect(
      fieldsOf(() => placementDifference('2.2' as LevelCode, 'IOP' as LevelCode, 'payer_decision')).map(
        (f) => f.path,
      ),
    ).toEqual(['recommended', 'placed']);
  });
});
