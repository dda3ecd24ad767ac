import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import {
  type MemberTopicSession,
  type TopicAttendance,
  type TopicCandidate,
  topicCoverage,
} from './topic-coverage';
import { topicKey } from './topic-key';

const at = (iso: string) => Temporal.Instant.from(iso);
const curriculum = [
  { id: 't1', title: 'Triggers' },
  { id: 't2', title: 'Cravings' },
  { id: 't3', title: 'Refusal skills' },
];
/** Wednesday 2031-04-09 noon UTC. */
const now = at('2031-04-09T12:00:00Z');

const own = (
  sessionId: string,
  topicTitle: string,
  startIso: string,
  attendance?: TopicAttendance,
  cancelled = false,
): MemberTopicSession => ({
  sessionId,
  topicTitle,
  start: at(startIso),
  end: at(startIso).add({ hours: 3 }),
  cancelled,
  attendance,
});

const candidate = (
  sessionId: string,
  topicTitle: string,
  startIso: string,
  capacityLeft = 5,
  cancelled = false,
): TopicCandidate => ({
  sessionId,
  trackId: `track-${sessionId}`,
  topicTitle,
  start: at(startIso),
  cancelled,
  capacityLeft,
});

describe('topicCoverage', () => {
  it.each<{ name: string; sessions: MemberTopicSession[]; status: string[] }>([
    {
      name: 'a member who just joined has had nothing yet',
      sessions: [],
      status: ['not_yet', 'not_yet', 'not_yet'],
    },
    {
      name: 'present, late and left early all cover the topic',
      sessions: [
        own('a', 'Triggers', '2031-04-07T23:00:00Z', 'present'),
        own('b', 'Cravings', '2031-04-08T23:00:00Z', 'late'),
        own('c', 'Refusal skills', '2031-04-09T00:00:00Z', 'left_early'),
      ],
      status: ['covered', 'covered', 'covered'],
    },
    {
      name: 'excused and unexcused absences are both misses',
      sessions: [
        own('a', 'Triggers', '2031-04-07T23:00:00Z', 'excused'),
        own('b', 'Cravings', '2031-04-08T23:00:00Z', 'unexcused'),
      ],
      status: ['missed', 'missed', 'not_yet'],
    },
    {
      name: 'a session ended with nothing recorded is a miss; one still ahead is not',
      sessions: [
        own('a', 'Triggers', '2031-04-09T08:59:00Z'),
        own('b', 'Cravings', '2031-04-09T09:00:00Z'),
        own('c', 'Refusal skills', '2031-04-09T09:01:00Z'),
      ],
      status: ['missed', 'missed', 'not_yet'],
    },
    {
      name: 'a cancelled session neither covers nor misses',
      sessions: [own('a', 'Triggers', '2031-04-07T23:00:00Z', 'present', true)],
      status: ['not_yet', 'not_yet', 'not_yet'],
    },
    {
      name: 'a missed topic made up later (another track, same title) is covered',
      sessions: [
        own('a', 'Triggers', '2031-04-07T23:00:00Z', 'unexcused'),
        own('b', 'triggers', '2031-04-08T15:00:00Z', 'present'),
      ],
      status: ['covered', 'not_yet', 'not_yet'],
    },
  ])('$name', ({ sessions, status }) => {
    const result = topicCoverage({ curriculum, memberSessions: sessions, candidates: [], now });
    expect(result.map((r) => r.status)).toEqual(status);
  });

  it('suggests the next open session in any track that covers a missed topic', () => {
    const result = topicCoverage({
      curriculum,
      memberSessions: [own('mine', 'Cravings', '2031-04-08T23:00:00Z', 'unexcused')],
      candidates: [
        candidate('past', 'Cravings', '2031-04-09T11:59:00Z'),
        candidate('cancelled', 'Cravings', '2031-04-09T13:00:00Z', 5, true),
        candidate('full', 'Cravings', '2031-04-09T14:00:00Z', 0),
        candidate('later', 'Cravings', '2031-04-11T15:00:00Z'),
        candidate('first', 'CRAVINGS', '2031-04-10T15:00:00Z'),
        candidate('other', 'Triggers', '2031-04-09T12:00:00Z'),
      ],
      now,
    });
    expect(result[1]).toMatchObject({ status: 'missed', sessionId: 'mine', next: { sessionId: 'first' } });
    // Starting exactly now still counts; a full session of the member's own track would too.
    expect(result[0]).toMatchObject({ status: 'not_yet', next: { sessionId: 'other' } });
    expect(result[2]).toMatchObject({ status: 'not_yet', next: null });
  });

  it("offers the member's own coming session even when its track shows no free seat", () => {
    const result = topicCoverage({
      curriculum,
      memberSessions: [own('mine-next', 'Triggers', '2031-04-10T23:00:00Z')],
      candidates: [candidate('mine-next', 'Triggers', '2031-04-10T23:00:00Z', 0)],
      now,
    });
    expect(result[0]).toMatchObject({ status: 'not_yet', next: { sessionId: 'mine-next' } });
  });

  it('refuses an empty or repeated title and a session ending before it starts', () => {
    try {
      topicCoverage({
        curriculum: [
          { id: 'a', title: ' ' },
          { id: 'b', title: 'Triggers' },
          { id: 'c', title: 'triggers!' },
        ],
        memberSessions: [
          { ...own('x', 'Triggers', '2031-04-07T23:00:00Z'), end: at('2031-04-07T22:00:00Z') },
        ],
        candidates: [],
        now,
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).fields.map((f) => f.path)).toEqual([
        'curriculum[0].title',
        'curriculum[2].title',
        'memberSessions[0].end',
      ]);
    }
  });
});

describe('topicKey', () => {
  it.each([
    ['Relapse prevention 1', 'relapse prevention 1'],
    ['  relapse-prevention   1 ', 'relapse prevention 1'],
    ['Lapse vs. relapse', 'lapse vs relapse'],
  ])('%s → %s', (title, key) => expect(topicKey(title)).toBe(key));
});
