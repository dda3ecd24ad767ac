import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import {
  allowedMoves,
  EPISODE_STATUSES,
  type EpisodeStatus,
  InvalidTransitionError,
  transition,
} from './episode-status';

// Written out by hand from the issue, not derived from ALLOWED_MOVES, so the data is checked against the rule.
const ALLOWED: [EpisodeStatus, EpisodeStatus[]][] = [
  ['referred', ['screening', 'discharged']],
  ['screening', ['admitted', 'discharged']],
  ['admitted', ['active', 'discharged']],
  ['active', ['on_hold', 'discharged']],
  ['on_hold', ['active', 'discharged']],
  ['discharged', []],
];
const allowedFrom = new Map(ALLOWED);

const everyPair = EPISODE_STATUSES.flatMap((from) => EPISODE_STATUSES.map((to) => [from, to] as const));
const allowedPairs = everyPair.filter(([from, to]) => allowedFrom.get(from)?.includes(to));
const disallowedPairs = everyPair.filter(([from, to]) => !allowedFrom.get(from)?.includes(to));

describe('episode status', () => {
  it('has the six statuses in order', () => {
    expect(EPISODE_STATUSES).toEqual([
      'referred',
      'screening',
      'admitted',
      'active',
      'on_hold',
      'discharged',
    ]);
  });

  it.each(ALLOWED)('from %s the allowed moves are %o', (from, moves) => {
    expect(allowedMoves(from)).toEqual(moves);
  });

  it('covers all 36 pairs: 10 allowed, 26 not', () => {
    expect(allowedPairs).toHaveLength(10);
    expect(disallowedPairs).toHaveLength(26);
  });

  it.each(allowedPairs)('%s → %s is allowed', (from, to) => {
    expect(transition(from, to)).toBe(to);
  });

  it.each(disallowedPairs)('%s → %s is refused, naming the allowed moves', (from, to) => {
    let caught: unknown;
    try {
      transition(from, to);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidTransitionError);
    const error = caught as InvalidTransitionError;
    expect(error).toMatchObject({ code: 'invalid_transition', from, to, allowed: allowedFrom.get(from) });
    for (const move of error.allowed) expect(error.message).toContain(move);
  });

  it('says a discharged episode cannot change', () => {
    expect(() => transition('discharged', 'active')).toThrow(
      'An episode that is discharged cannot change status.',
    );
  });

  it('walks the whole path, with a hold on the way', () => {
    const path: EpisodeStatus[] = [
      'referred',
      'screening',
      'admitted',
      'active',
      'on_hold',
      'active',
      'discharged',
    ];
    let status = path[0]!;
    for (const next of path.slice(1)) status = transition(status, next);
    expect(status).toBe('discharged');
  });

  it('rejects a status it does not know', () => {
    expect(() => transition('closed' as EpisodeStatus, 'active')).toThrow(InputError);
    expect(() => transition('active', 'paused' as EpisodeStatus)).toThrow(InputError);
    expect(() => allowedMoves('closed' as EpisodeStatus)).toThrow(InputError);
  });

  it('hands out a copy of the allowed moves', () => {
    allowedMoves('active').push('referred');
    expect(allowedMoves('active')).toEqual(['on_hold', 'discharged']);
  });
});
