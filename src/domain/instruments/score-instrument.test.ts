import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { bamAlwaysAskedAtZero } from './bam-test-answers';
import { getInstrument } from './instrument-catalog';
import type { InstrumentId } from './instrument-definition';
import { scoreInstrument } from './score-instrument';

/**
 * Raw answers that add up to `total`: every scored item starts at the answer worth 0 points (the highest
 * answer for a reverse item) and is raised, item by item, to the largest option that still fits.
 */
function answersScoring(instrumentId: InstrumentId, total: number): Record<string, number> {
  const answers: Record<string, number> = {};
  let remaining = total;
  for (const item of getInstrument(instrumentId).items) {
    const values = item.options.map((o) => o.value);
    const low = Math.min(...values);
    const high = Math.max(...values);
    const points = (raw: number) => (item.reverse ? low + high - raw : raw);
    const fitting = values.filter((raw) => points(raw) <= remaining);
    const raw = fitting.reduce((best, v) => (points(v) > points(best) ? v : best), item.reverse ? high : low);
    answers[item.id] = raw;
    remaining -= points(raw);
  }
  if (remaining !== 0) throw new Error(`cannot build answers for ${instrumentId} total ${total}`);
  return answers;
}

function answerError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('scoreInstrument: published band edges', () => {
  const edges: [InstrumentId, number, string][] = [
    ['phq-9', 0, 'none'],
    ['phq-9', 4, 'none'],
    ['phq-9', 5, 'mild'],
    ['phq-9', 9, 'mild'],
    ['phq-9', 10, 'moderate'],
    ['phq-9', 14, 'moderate'],
    ['phq-9', 15, 'moderately-severe'],
    ['phq-9', 19, 'moderately-severe'],
    ['phq-9', 20, 'severe'],
    ['phq-9', 27, 'severe'],
    ['gad-7', 0, 'minimal'],
    ['gad-7', 4, 'minimal'],
    ['gad-7', 5, 'mild'],
    ['gad-7', 9, 'mild'],
    ['gad-7', 10, 'moderate'],
    ['gad-7', 14, 'moderate'],
    ['gad-7', 15, 'severe'],
    ['gad-7', 21, 'severe'],
    ['audit', 0, 'low'],
    ['audit', 7, 'low'],
    ['audit', 8, 'hazardous'],
    ['audit', 15, 'hazardous'],
    ['audit', 16, 'harmful'],
    ['audit', 19, 'harmful'],
    ['audit', 20, 'possible-dependence'],
    ['audit', 40, 'possible-dependence'],
    ['dast-10', 0, 'none'],
    ['dast-10', 1, 'low'],
    ['dast-10', 2, 'low'],
    ['dast-10', 3, 'moderate'],
    ['dast-10', 5, 'moderate'],
    ['dast-10', 6, 'substantial'],
    ['dast-10', 8, 'substantial'],
    ['dast-10', 9, 'severe'],
    ['dast-10', 10, 'severe'],
    ['ciwa-ar', 0, 'minimal'],
    ['ciwa-ar', 9, 'minimal'],
    ['ciwa-ar', 10, 'moderate'],
    ['ciwa-ar', 15, 'moderate'],
    ['ciwa-ar', 16, 'severe'],
    ['ciwa-ar', 67, 'severe'],
    ['cows', 0, 'none'],
    ['cows', 4, 'none'],
    ['cows', 5, 'mild'],
    ['cows', 12, 'mild'],
    ['cows', 13, 'moderate'],
    ['cows', 24, 'moderate'],
    ['cows', 25, 'moderately-severe'],
    ['cows', 36, 'moderately-severe'],
    ['cows', 37, 'severe'],
    ['cows', 48, 'severe'],
  ];

  it.each(edges)('%s total %i → %s', (instrumentId, total, bandId) => {
    const score = scoreInstrument(instrumentId, answersScoring(instrumentId, total));
    expect(score.total).toBe(total);
    expect(score.band.id).toBe(bandId);
  });
});

describe('scoreInstrument: PCL-5 provisional PTSD cut-off', () => {
  it.each([
    [32, undefined, false],
    [33, undefined, true],
    [30, 31, false],
    [31, 31, true],
    [31, 32, false],
    [32, 32, true],
    [80, 33, true],
  ] as const)('total %i with cut-off %s → positive %s', (total, positiveCutoff, positive) => {
    const score = scoreInstrument(
      'pcl-5',
      answersScoring('pcl-5', total),
      positiveCutoff === undefined ? {} : { positiveCutoff },
    );
    expect(score.positive).toBe(positive);
    expect(score.cutoff).toBe(positiveCutoff ?? 33);
    expect(score.band.id).toBe(positive ? 'provisional-ptsd' : 'below-cutoff');
  });

  it('scores the DSM-5 clusters B, C, D and E', () => {
    const answers = answersScoring('pcl-5', 0);
    answers.item1 = 4; // B
    answers.item7 = 3; // C
    answers.item14 = 2; // D
    answers.item20 = 1; // E
    const score = scoreInstrument('pcl-5', answers);
    expect(score.subscales).toEqual({
      intrusion: 4,
      avoidance: 3,
      'cognition-mood': 2,
      'arousal-reactivity': 1,
    });
    expect(score.total).toBe(10);
  });

  it.each([30, 34, 32.5])('rejects cut-off %s outside 31–33', (positiveCutoff) => {
    const error = answerError(() =>
      scoreInstrument('pcl-5', answersScoring('pcl-5', 40), { positiveCutoff }),
    );
    expect(error.fields).toEqual([
      { path: 'options.positiveCutoff', message: expect.stringContaining('31 to 33') },
    ]);
  });
});

describe('scoreInstrument: AUDIT-C cut-off by sex', () => {
  it.each([
    ['male', 3, false, 4],
    ['male', 4, true, 4],
    ['female', 2, false, 3],
    ['female', 3, true, 3],
    ['unknown', 2, false, 3],
    ['unknown', 3, true, 3],
    [undefined, 3, true, 3],
  ] as const)('%s with total %i → positive %s (cut-off %i)', (sex, total, positive, cutoff) => {
    const score = scoreInstrument('audit-c', answersScoring('audit-c', total), sex ? { sex } : {});
    expect(score).toMatchObject({
      total,
      positive,
      cutoff,
      band: { id: positive ? 'positive' : 'negative' },
    });
  });

  it('uses the same first three items as the AUDIT', () => {
    const answers = { item1: 4, item2: 2, item3: 1 };
    expect(scoreInstrument('audit-c', answers).total).toBe(7);
    expect(getInstrument('audit-c').items).toEqual(getInstrument('audit').items.slice(0, 3));
  });
});

describe('scoreInstrument: DAST-10 reverse-scored item 3', () => {
  const allAnswers = (value: number) =>
    Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`item${i + 1}`, value]));

  it('scores "No" to item 3 (not always able to stop) as 1', () => {
    expect(scoreInstrument('dast-10', allAnswers(0)).total).toBe(1);
  });

  it('scores "Yes" to item 3 as 0', () => {
    expect(scoreInstrument('dast-10', allAnswers(1)).total).toBe(9);
    expect(scoreInstrument('dast-10', { ...allAnswers(0), item3: 1 })).toMatchObject({
      total: 0,
      band: { id: 'none' },
    });
  });

  it('reaches the severe band only with "No" on item 3', () => {
    expect(scoreInstrument('dast-10', { ...allAnswers(1), item3: 0 })).toMatchObject({
      total: 10,
      band: { id: 'severe' },
    });
  });
});

describe('scoreInstrument: BAM sub-scales', () => {
  const base = bamAlwaysAskedAtZero;

  it('sums Use 4+5+6, Risk 1+2+3+8+11+15, Protective 9+10+12+13+14+16', () => {
    const score = scoreInstrument('bam', {
      item1: 3,
      item2: 2,
      item3: 1,
      item4: 2,
      item5: 1,
      item6: 3,
      item7a: 3,
      item7b: 0,
      item7c: 0,
      item7d: 0,
      item7e: 2,
      item7f: 0,
      item7g: 0,
      item8: 4,
      item9: 2,
      item10: 1,
      item11: 2,
      item12: 3,
      item13: 4,
      item14: 4,
      item15: 1,
      item16: 2,
      item17: 4,
    });
    expect(score.subscales).toEqual({ use: 6, risk: 13, protective: 16 });
    expect(score.total).toBeNull();
    expect(score.band.id).toBe('use-reported');
  });

  it('counts neither item 7 (7A–7G) nor item 17 in any sub-scale', () => {
    const without = scoreInstrument('bam', { ...base, item6: 1, ...drugDays(0), item17: 0 });
    const withThem = scoreInstrument('bam', { ...base, item6: 1, ...drugDays(4), item17: 4 });
    expect(withThem.subscales).toEqual(without.subscales);
    expect(withThem.subscales).toEqual({ use: 1, risk: 0, protective: 0 });
  });

  it('scores item 14 "Yes" (enough income) as 4 protective points and rejects values in between', () => {
    expect(scoreInstrument('bam', { ...base, item14: 4 }).subscales?.protective).toBe(4);
    const error = answerError(() => scoreInstrument('bam', { ...base, item14: 2 }));
    expect(error.fields).toEqual([{ path: 'answers.item14', message: 'must be one of 0, 4' }]);
  });

  it('follows the skip pattern: no alcohol → item 5 not asked; no drugs → 7A–7G not asked', () => {
    const score = scoreInstrument('bam', base);
    expect(score.subscales).toEqual({ use: 0, risk: 0, protective: 0 });
    expect(score.band).toEqual({ id: 'no-use', label: 'No use reported' });
  });

  it('requires item 5 after any drinking days and 7A–7G after any drug days', () => {
    const error = answerError(() => scoreInstrument('bam', { ...base, item4: 1, item6: 2 }));
    expect(error.fields.map((f) => f.path)).toEqual([
      'answers.item5',
      'answers.item7a',
      'answers.item7b',
      'answers.item7c',
      'answers.item7d',
      'answers.item7e',
      'answers.item7f',
      'answers.item7g',
    ]);
  });

  function drugDays(value: number) {
    return Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((part) => [`item7${part}`, value]));
  }
});

describe('scoreInstrument: C-SSRS screener triage', () => {
  const no = { item1: 0, item2: 0, item6: 0 };
  const ideation = { item1: 1, item2: 1, item3: 0, item4: 0, item5: 0, item6: 0 };

  it.each([
    ['nothing endorsed', no, 'none', []],
    ['wish to be dead only (1)', { ...no, item1: 1 }, 'low', ['suicide-risk-review']],
    ['thoughts without method (1, 2)', ideation, 'low', ['suicide-risk-review']],
    ['thinking about how (3)', { ...ideation, item3: 1 }, 'moderate', ['suicide-risk-review']],
    ['some intention (4)', { ...ideation, item4: 1 }, 'high', ['suicide-risk-high']],
    ['plan and intent (5)', { ...ideation, item3: 1, item5: 1 }, 'high', ['suicide-risk-high']],
    [
      'behavior more than 3 months ago (6)',
      { ...no, item6: 1, item6Recent: 0 },
      'moderate',
      ['suicide-risk-review'],
    ],
    ['behavior within 3 months (6)', { ...no, item6: 1, item6Recent: 1 }, 'high', ['suicide-risk-high']],
  ] as const)('%s → %s', (_, answers, bandId, riskFlags) => {
    const score = scoreInstrument('c-ssrs-screener', answers);
    expect(score.band.id).toBe(bandId);
    expect(score.riskFlags).toEqual(riskFlags);
    expect(score.total).toBeNull();
  });

  it('asks 3–5 only after a yes to 2, and the 3-month follow-up only after a yes to 6', () => {
    const error = answerError(() => scoreInstrument('c-ssrs-screener', { item1: 1, item2: 1, item6: 1 }));
    expect(error.fields.map((f) => f.path)).toEqual([
      'answers.item3',
      'answers.item4',
      'answers.item5',
      'answers.item6Recent',
    ]);
  });

  it('never drops a yes entered against the skip pattern', () => {
    expect(scoreInstrument('c-ssrs-screener', { ...no, item4: 1 }).band.id).toBe('high');
  });
});

describe('scoreInstrument: risk flags', () => {
  it.each([
    [0, []],
    [1, ['suicide-risk-review']],
    [3, ['suicide-risk-review']],
  ] as const)('PHQ-9 item 9 = %i → %j, whatever the total', (item9, flags) => {
    const score = scoreInstrument('phq-9', { ...answersScoring('phq-9', 0), item9 });
    expect(score.riskFlags).toEqual(flags);
    expect(score.band.id).toBe('none');
  });

  it.each([
    ['ciwa-ar', 15, undefined, false],
    ['ciwa-ar', 16, undefined, true],
    ['ciwa-ar', 9, 9, false],
    ['ciwa-ar', 10, 9, true],
    ['cows', 12, undefined, false],
    ['cows', 13, undefined, true],
    ['cows', 24, 24, false],
    ['cows', 25, 24, true],
  ] as const)('%s total %i with threshold %s → withdrawal flag %s', (instrumentId, total, above, flagged) => {
    const options = above === undefined ? {} : { withdrawalFlagAbove: above };
    const score = scoreInstrument(instrumentId, answersScoring(instrumentId, total), options);
    expect(score.riskFlags).toEqual(flagged ? ['withdrawal-threshold'] : []);
  });

  it('rejects a threshold that is not a number of 0 or more', () => {
    const error = answerError(() =>
      scoreInstrument('cows', answersScoring('cows', 3), { withdrawalFlagAbove: Number.NaN }),
    );
    expect(error.fields).toEqual([
      { path: 'options.withdrawalFlagAbove', message: 'must be a number of 0 or more' },
    ]);
  });

  it('raises no risk flag from instruments without risk items', () => {
    expect(scoreInstrument('gad-7', answersScoring('gad-7', 21)).riskFlags).toEqual([]);
  });
});

describe('scoreInstrument: invalid answers', () => {
  const phq9 = () => answersScoring('phq-9', 0);

  it('names a missing required item', () => {
    const { item9: _, ...answers } = phq9();
    const error = answerError(() => scoreInstrument('phq-9', answers));
    expect(error.fields).toEqual([{ path: 'answers.item9', message: 'is required' }]);
    expect(error.code).toBe('invalid_instrument_answers');
  });

  it.each([
    ['phq-9', 'item9', 4, 'must be one of 0, 1, 2, 3'],
    ['phq-9', 'item1', -1, 'must be one of 0, 1, 2, 3'],
    ['phq-9', 'item1', 1.5, 'must be one of 0, 1, 2, 3'],
    ['phq-9', 'item1', Number.NaN, 'must be one of 0, 1, 2, 3'],
    ['audit', 'item9', 1, 'must be one of 0, 2, 4'],
    ['audit', 'item10', 3, 'must be one of 0, 2, 4'],
    ['cows', 'item1', 3, 'must be one of 0, 1, 2, 4'],
    ['cows', 'item11', 1, 'must be one of 0, 3, 5'],
    ['ciwa-ar', 'item10', 5, 'must be one of 0, 1, 2, 3, 4'],
    ['ciwa-ar', 'item1', 8, 'must be one of 0, 1, 2, 3, 4, 5, 6, 7'],
    ['dast-10', 'item3', 2, 'must be one of 0, 1'],
  ] as const)('%s %s = %s → %s', (instrumentId, itemId, value, message) => {
    const answers = { ...answersScoring(instrumentId, 0), [itemId]: value };
    const error = answerError(() => scoreInstrument(instrumentId, answers));
    expect(error.fields).toEqual([{ path: `answers.${itemId}`, message }]);
  });

  it('rejects a value that is not a number', () => {
    const answers = { ...phq9(), item2: '2' } as unknown as Record<string, number>;
    expect(answerError(() => scoreInstrument('phq-9', answers)).fields).toEqual([
      { path: 'answers.item2', message: 'must be one of 0, 1, 2, 3' },
    ]);
  });

  it('treats null as unanswered', () => {
    const answers = { ...phq9(), item4: null } as unknown as Record<string, number>;
    expect(answerError(() => scoreInstrument('phq-9', answers)).fields).toEqual([
      { path: 'answers.item4', message: 'is required' },
    ]);
  });

  it('rejects answers to items the instrument does not have', () => {
    const error = answerError(() => scoreInstrument('phq-9', { ...phq9(), item10: 1 }));
    expect(error.fields).toEqual([{ path: 'answers.item10', message: 'is not an item of PHQ-9' }]);
  });

  it('reports every bad field at once', () => {
    const error = answerError(() => scoreInstrument('gad-7', { item1: 9, item2: 0, item3: 0, item4: 0 }));
    expect(error.fields.map((f) => f.path)).toEqual([
      'answers.item1',
      'answers.item5',
      'answers.item6',
      'answers.item7',
    ]);
  });

  it('rejects an unknown instrument and answers that are not an object', () => {
    expect(answerError(() => scoreInstrument('beck', {})).fields[0]?.path).toBe('instrumentId');
    const notAnObject = null as unknown as Record<string, number>;
    expect(answerError(() => scoreInstrument('phq-9', notAnObject)).fields).toEqual([
      { path: 'answers', message: 'must be an object of item id to answer value' },
    ]);
  });
});
