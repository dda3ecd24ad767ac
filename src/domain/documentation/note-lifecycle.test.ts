import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { isLateEntry, lateEntryDeadline } from './late-entry';
import { allowedNoteActions, NoteTransitionError, nextNoteStatus } from './note-lifecycle';
import { noteCodeSuggestion } from './note-types';
import { isPart2Program } from './part2-label';

describe('nextNoteStatus', () => {
  it.each([
    ['draft', 'edit', false, 'draft'],
    ['draft', 'sign', false, 'locked'],
    ['draft', 'sign', true, 'awaiting_cosignature'],
    ['awaiting_cosignature', 'cosign', true, 'locked'],
    ['locked', 'addendum', false, 'locked'],
  ] as const)('%s + %s (supervised %s) → %s', (from, action, supervised, to) => {
    expect(nextNoteStatus(from, action, { authorSupervised: supervised })).toBe(to);
  });

  it.each([
    ['draft', 'cosign', ['edit', 'sign']],
    ['draft', 'addendum', ['edit', 'sign']],
    ['awaiting_cosignature', 'edit', ['cosign']],
    ['awaiting_cosignature', 'sign', ['cosign']],
    ['locked', 'edit', ['addendum']],
    ['locked', 'sign', ['addendum']],
    ['locked', 'cosign', ['addendum']],
  ] as const)('%s refuses %s and names %j', (from, action, allowed) => {
    try {
      nextNoteStatus(from, action);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NoteTransitionError);
      expect((e as NoteTransitionError).allowed).toEqual(allowed);
    }
    expect(allowedNoteActions(from)).toEqual(allowed);
  });
});

describe('isLateEntry (72 h after the session ended)', () => {
  const end = Temporal.Instant.from('2026-03-06T17:00:00Z');
  it.each([
    ['same day', { hours: 1 }, 72, false],
    ['71 h 59 min', { hours: 71, minutes: 59 }, 72, false],
    ['exactly 72 h', { hours: 72 }, 72, false],
    ['72 h and 1 s', { hours: 72, seconds: 1 }, 72, true],
    ['a week', { hours: 168 }, 72, true],
    ['configured 24 h, 25 h later', { hours: 25 }, 24, true],
    ['configured 24 h, 24 h later', { hours: 24 }, 24, false],
  ] as const)('%s → %s', (_n, after, hours, late) => {
    expect(isLateEntry(end, end.add(after), hours)).toBe(late);
  });

  it('the deadline is 72 h after the end, across a DST change (instants, not wall clock)', () => {
    const beforeDst = Temporal.Instant.from('2026-03-06T23:00:00Z');
    expect(lateEntryDeadline(beforeDst).toString()).toBe('2026-03-09T23:00:00Z');
  });
});

describe('noteCodeSuggestion', () => {
  it.each([
    ['individual_therapy', 15, null],
    ['individual_therapy', 16, '90832'],
    ['individual_therapy', 37, '90832'],
    ['individual_therapy', 38, '90834'],
    ['individual_therapy', 52, '90834'],
    ['individual_therapy', 53, '90837'],
    ['group_therapy', 90, '90853'],
    ['group_therapy', 0, null],
    ['nursing', 60, null],
    ['individual_therapy', null, null],
  ] as const)('%s %s min → %s', (type, minutes, code) => {
    expect(noteCodeSuggestion(type, minutes)?.code ?? null).toBe(code);
  });
});

describe('isPart2Program', () => {
  it.each([
    ['iop_adult', true],
    ['iop_adolescent', true],
    ['something_new', true],
    ['mh_iop', false],
    ['psychiatric_iop', false],
  ])('%s → %s', (kind, labeled) => expect(isPart2Program(kind)).toBe(labeled));
});
