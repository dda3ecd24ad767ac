import { describe, expect, it } from 'vitest';
import { averageChange } from './program-change';

describe('averageChange', () => {
  it.each([
    ['no patients', [], { patients: 0, averageChange: null, responders: 0 }],
    [
      'one improving 50% exactly',
      [{ first: 10, latest: 5 }],
      { patients: 1, averageChange: -5, responders: 1 },
    ],
    [
      'a 49% drop is no response',
      [{ first: 21, latest: 11 }],
      { patients: 1, averageChange: -10, responders: 0 },
    ],
    [
      'one better, one worse',
      [
        { first: 18, latest: 8 },
        { first: 6, latest: 9 },
      ],
      { patients: 2, averageChange: -3.5, responders: 1 },
    ],
    [
      'a baseline of 0 never counts as a response',
      [{ first: 0, latest: 0 }],
      { patients: 1, averageChange: 0, responders: 0 },
    ],
    [
      'rounds to one decimal',
      [
        { first: 10, latest: 9 },
        { first: 10, latest: 9 },
        { first: 10, latest: 10 },
      ],
      { patients: 3, averageChange: -0.7, responders: 0 },
    ],
  ] as const)('%s', (_name, pairs, expected) => {
    expect(averageChange(pairs)).toEqual(expected);
  });
});
