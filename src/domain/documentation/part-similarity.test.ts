import { describe, expect, it } from 'vitest';
import { normalizeNoteText } from './note-text';
import { NEARLY_IDENTICAL_AT, nearlyIdenticalParts, textSimilarity } from './part-similarity';

const base =
  'Engaged in the relapse prevention discussion, identified two personal triggers at work and described ' +
  'a plan to call a sponsor before the weekend; affect euthymic, speech normal, denied cravings today and ' +
  'reported attending two community meetings since the last session with good support at home';

describe('normalizeNoteText', () => {
  it.each([
    ['  Hello,   WORLD!! ', 'hello world'],
    ['Café — “quoted” text', 'cafe quoted text'],
    ["Didn’t / didn't", 'didnt didnt'],
    ['line\nbreak\ttab', 'line break tab'],
  ])('%j → %j', (input, expected) => expect(normalizeNoteText(input)).toBe(expected));
});

describe('textSimilarity: identical, near-identical, clearly different', () => {
  it.each([
    ['identical', base, base, (s: number) => s === 1],
    [
      'identical after case and punctuation',
      base,
      base.toUpperCase().replace(/[,;]/g, ' ! '),
      (s: number) => s === 1,
    ],
    [
      'one word changed in ~45 (near-identical)',
      base,
      base.replace('two personal', 'three personal'),
      (s: number) => s >= NEARLY_IDENTICAL_AT,
    ],
    ['a word appended (near-identical)', base, `${base} again`, (s: number) => s >= NEARLY_IDENTICAL_AT],
    [
      'clearly different',
      base,
      'Quiet for most of the group; said the holidays are hard and left briefly when family conflict came up. ' +
        'Reports poor sleep, wants to revisit the safety plan with the counselor on Thursday',
      (s: number) => s < 0.5,
    ],
    [
      'one word of ten changed (short part, individualized enough)',
      'shared a trigger and a coping plan with the group today',
      'shared a craving and a coping plan with the group today',
      (s: number) => s < NEARLY_IDENTICAL_AT,
    ],
    ['both empty', '', '  ', (s: number) => s === 1],
    ['one empty', base, '', (s: number) => s === 0],
  ] as const)('%s', (_name, a, b, holds) => {
    const s = textSimilarity(a, b);
    expect(holds(s), String(s)).toBe(true);
    expect(textSimilarity(b, a)).toBeCloseTo(s, 10);
  });

  it('masks each member’s own name, so a template with only the name swapped is identical', () => {
    expect(textSimilarity(`Jordan ${base}`, `Amara ${base}`, ['Jordan', 'Rivera'], ['Amara', 'Okafor'])).toBe(
      1,
    );
    expect(textSimilarity(`Jordan ${base}`, `Amara ${base}`)).toBeLessThan(1);
  });
});

describe('nearlyIdenticalParts', () => {
  it('names every pair at or above 0.90 and no other', () => {
    const pairs = nearlyIdenticalParts([
      { memberId: 'a', text: base },
      { memberId: 'b', text: base.replace('two personal', 'three personal') },
      {
        memberId: 'c',
        text: 'Arrived late, quiet, shared a loss in the family and asked for an individual session',
      },
      {
        memberId: 'd',
        text: 'Led the check-in, described a lapse on Saturday and a new plan for weekend evenings',
      },
    ]);
    expect(pairs.map((p) => p.memberIds)).toEqual([['a', 'b']]);
    expect(pairs[0]!.similarity).toBeGreaterThanOrEqual(0.9);
  });

  it('threshold edge: exactly at the threshold blocks, just below does not', () => {
    const parts = [
      { memberId: 'a', text: 'alpha beta' },
      { memberId: 'b', text: 'alpha gamma' },
    ];
    const s = textSimilarity('alpha beta', 'alpha gamma');
    expect(nearlyIdenticalParts(parts, s)).toHaveLength(1);
    expect(nearlyIdenticalParts(parts, s + 0.001)).toHaveLength(0);
  });
});
