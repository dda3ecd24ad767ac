import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { type MakeUpCandidate, suggestMakeUpSessions } from './make-up-suggestions';

const at = (s: string) => Temporal.Instant.from(s);

/** A candidate on day `day` of March 2026 at `time` UTC. */
function candidate(
  id: string,
  day: number,
  time: string,
  minutes: number,
  capacityLeft = 4,
): MakeUpCandidate {
  const start = at(`2026-03-${String(day).padStart(2, '0')}T${time}:00Z`);
  return { id, start, minutes, capacityLeft, trackId: `track-${id}` };
}

function busy(day: number, from: string, to: string) {
  const date = `2026-03-${String(day).padStart(2, '0')}`;
  return { start: at(`${date}T${from}:00Z`), end: at(`${date}T${to}:00Z`) };
}

const ids = (r: { sessions: MakeUpCandidate[] }) => r.sessions.map((s) => s.id);

describe('suggestMakeUpSessions', () => {
  it.each([
    {
      case: 'no gap: nothing to suggest',
      gap: 0,
      candidates: [candidate('a', 10, '09:00', 180)],
      expected: { ids: [], closesGap: true, minutesAfter: 0 },
    },
    {
      case: 'one long session beats two earlier short ones',
      gap: 180,
      candidates: [
        candidate('a', 10, '09:00', 90),
        candidate('b', 10, '13:00', 90),
        candidate('c', 12, '09:00', 180),
      ],
      expected: { ids: ['c'], closesGap: true, minutesAfter: 0 },
    },
    {
      case: 'among equally few, the earliest',
      gap: 180,
      candidates: [
        candidate('late', 12, '09:00', 180),
        candidate('early', 10, '18:00', 180),
        candidate('mid', 11, '09:00', 240),
      ],
      expected: { ids: ['early'], closesGap: true, minutesAfter: 0 },
    },
    {
      case: 'skips full sessions',
      gap: 180,
      candidates: [
        candidate('full', 10, '09:00', 180, 0),
        candidate('over', 10, '13:00', 180, -1),
        candidate('open', 11, '09:00', 180, 1),
      ],
      expected: { ids: ['open'], closesGap: true, minutesAfter: 0 },
    },
    {
      case: 'never two sessions that overlap each other',
      gap: 300,
      candidates: [
        candidate('a', 10, '09:00', 180),
        candidate('b', 10, '10:00', 180),
        candidate('c', 11, '09:00', 180),
      ],
      expected: { ids: ['a', 'c'], closesGap: true, minutesAfter: 0 },
    },
    {
      case: 'back-to-back sessions do not overlap',
      gap: 360,
      candidates: [candidate('a', 10, '09:00', 180), candidate('b', 10, '12:00', 180)],
      expected: { ids: ['a', 'b'], closesGap: true, minutesAfter: 0 },
    },
    {
      case: 'passes over an earlier session that cannot be part of the fewest',
      gap: 360,
      candidates: [
        candidate('short', 10, '08:00', 60),
        candidate('b', 10, '10:00', 180),
        candidate('c', 11, '10:00', 180),
      ],
      expected: { ids: ['b', 'c'], closesGap: true, minutesAfter: 0 },
    },
    {
      case: 'cannot close the gap: the most minutes, fewest sessions',
      gap: 540,
      candidates: [
        candidate('a', 10, '09:00', 120),
        candidate('b', 10, '10:00', 180),
        candidate('c', 11, '09:00', 120),
      ],
      expected: { ids: ['b', 'c'], closesGap: false, minutesAfter: 240 },
    },
    {
      case: 'no candidates',
      gap: 180,
      candidates: [],
      expected: { ids: [], closesGap: false, minutesAfter: 180 },
    },
    {
      case: 'a session longer than the gap closes it with nothing left over',
      gap: 60,
      candidates: [candidate('a', 10, '09:00', 180)],
      expected: { ids: ['a'], closesGap: true, minutesAfter: 0 },
    },
  ])('$case', ({ gap, candidates, expected }) => {
    const result = suggestMakeUpSessions({ gapMinutes: gap, candidates });
    expect({ ids: ids(result), closesGap: result.closesGap, minutesAfter: result.minutesAfter }).toEqual(
      expected,
    );
  });

  it("skips sessions that overlap the member's own", () => {
    const candidates = [
      candidate('clash', 10, '17:00', 120),
      candidate('edge', 10, '21:00', 180),
      candidate('c', 11, '09:00', 180),
    ];
    const result = suggestMakeUpSessions({
      gapMinutes: 180,
      candidates,
      memberSessions: [busy(10, '18:00', '21:00')],
    });
    expect(ids(result)).toEqual(['edge']);
  });

  it('skips sessions that start before notBefore', () => {
    const candidates = [candidate('gone', 10, '09:00', 180), candidate('next', 11, '09:00', 180)];
    const result = suggestMakeUpSessions({
      gapMinutes: 180,
      candidates,
      notBefore: at('2026-03-10T09:00:01Z'),
    });
    expect(ids(result)).toEqual(['next']);
  });

  it('returns the callers own candidate objects, in start order', () => {
    type Offered = MakeUpCandidate & { topic: string };
    const candidates: Offered[] = [
      { ...candidate('b', 11, '09:00', 180), topic: 'Coping with cravings' },
      { ...candidate('a', 10, '09:00', 180), topic: 'Relapse triggers' },
    ];
    const result = suggestMakeUpSessions({ gapMinutes: 360, candidates });
    expect(result.sessions.map((s) => s.topic)).toEqual(['Relapse triggers', 'Coping with cravings']);
  });

  it('finds the fewest among many candidates across a week', () => {
    const candidates = [];
    for (let day = 9; day <= 15; day++) {
      for (const hour of ['08', '10', '13', '18'])
        candidates.push(candidate(`${day}-${hour}`, day, `${hour}:00`, 120));
    }
    candidates.push(candidate('long', 14, '09:00', 420));
    const result = suggestMakeUpSessions({ gapMinutes: 540, candidates });
    expect(ids(result)).toEqual(['9-08', 'long']);
    expect(result.closesGap).toBe(true);
  });

  it.each([
    { input: { gapMinutes: -1, candidates: [] }, paths: ['gapMinutes'] },
    { input: { gapMinutes: 1.5, candidates: [] }, paths: ['gapMinutes'] },
    {
      input: { gapMinutes: 60, candidates: [candidate('a', 10, '09:00', 0)] },
      paths: ['candidates[0].minutes'],
    },
    {
      input: { gapMinutes: 60, candidates: [{ ...candidate('a', 10, '09:00', 60), capacityLeft: 0.5 }] },
      paths: ['candidates[0].capacityLeft'],
    },
    {
      input: { gapMinutes: 60, candidates: [], memberSessions: [busy(10, '09:00', '09:00')] },
      paths: ['memberSessions[0].end'],
    },
  ])('refuses $paths', ({ input, paths }) => {
    try {
      suggestMakeUpSessions(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).fields.map((f) => f.path)).toEqual(paths);
    }
  });
});
