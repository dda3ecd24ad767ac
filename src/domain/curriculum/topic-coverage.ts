import { Temporal } from 'temporal-polyfill';
import { type FieldError, InputError } from '../input-error';
import { topicKey } from './topic-key';

export type CurriculumTopic = { id: string; title: string };

export type TopicAttendance = 'present' | 'late' | 'left_early' | 'excused' | 'unexcused';

/** A session with a topic the member was expected at (their track while enrolled) or attended (a make-up). */
export type MemberTopicSession = {
  sessionId: string;
  topicTitle: string;
  start: Temporal.Instant;
  end: Temporal.Instant;
  cancelled: boolean;
  /** Absent until someone records attendance. */
  attendance?: TopicAttendance;
};

/** A coming session of the program, in any track, that covers a topic. */
export type TopicCandidate = {
  sessionId: string;
  trackId: string;
  topicTitle: string;
  start: Temporal.Instant;
  cancelled: boolean;
  /** Seats still free in its track that day; 0 or less is full. */
  capacityLeft: number;
};

export type TopicStatus = 'covered' | 'missed' | 'not_yet';

export type TopicCoverage<C extends TopicCandidate> = {
  topic: CurriculumTopic;
  position: number;
  status: TopicStatus;
  /** The session that covered it (attended), the latest one missed, else null. */
  sessionId: string | null;
  /** For a missed or not-yet topic: the next open session, in any track, that covers it. */
  next: C | null;
};

/** Present, late and left early count as having had the topic; an absence is a miss. */
const ATTENDED: ReadonlySet<TopicAttendance> = new Set(['present', 'late', 'left_early']);
const ABSENT: ReadonlySet<TopicAttendance> = new Set(['excused', 'unexcused']);

/**
 * Rolling admission (SAMHSA TIP 47): members join a running group at any point of its curriculum, so each
 * member's topics are tracked one by one.
 *
 * - `covered`: the member attended a session with the topic (any track; topics match by title).
 * - `missed`: not covered, and the member was recorded absent from a session with the topic, or the session
 *   ended with no attendance recorded — either way they did not have it.
 * - `not_yet`: not covered and never missed: it has not come round since they joined.
 *
 * A topic not covered gets the next session that covers it: not cancelled, starting at or after `now`, with a
 * seat free (or already one of the member's own sessions), earliest first, in any track of the program.
 *
 * @throws InputError naming every invalid field.
 */
export function topicCoverage<C extends TopicCandidate>(input: {
  curriculum: readonly CurriculumTopic[];
  memberSessions: readonly MemberTopicSession[];
  candidates: readonly C[];
  now: Temporal.Instant;
}): TopicCoverage<C>[] {
  validate(input);
  const { now } = input;
  const ownIds = new Set(input.memberSessions.map((s) => s.sessionId));
  const byStart = (a: { start: Temporal.Instant }, b: { start: Temporal.Instant }) =>
    Temporal.Instant.compare(a.start, b.start);
  const sessions = [...input.memberSessions].filter((s) => !s.cancelled).sort(byStart);
  const candidates = [...input.candidates]
    .filter((c) => !c.cancelled && Temporal.Instant.compare(c.start, now) >= 0)
    .filter((c) => c.capacityLeft > 0 || ownIds.has(c.sessionId))
    .sort(byStart);

  return input.curriculum.map((topic, position) => {
    const key = topicKey(topic.title);
    const mine = sessions.filter((s) => topicKey(s.topicTitle) === key);
    const covering = mine.find((s) => s.attendance !== undefined && ATTENDED.has(s.attendance));
    if (covering) return { topic, position, status: 'covered', sessionId: covering.sessionId, next: null };
    const missed = mine.filter(
      (s) =>
        (s.attendance !== undefined && ABSENT.has(s.attendance)) ||
        (s.attendance === undefined && Temporal.Instant.compare(now, s.end) >= 0),
    );
    const next = candidates.find((c) => topicKey(c.topicTitle) === key) ?? null;
    return missed.length > 0
      ? { topic, position, status: 'missed', sessionId: missed.at(-1)!.sessionId, next }
      : { topic, position, status: 'not_yet', sessionId: null, next };
  });
}

function validate(input: {
  curriculum: readonly CurriculumTopic[];
  memberSessions: readonly MemberTopicSession[];
}) {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  input.curriculum.forEach((t, i) => {
    const key = topicKey(t.title);
    if (key === '') fields.push({ path: `curriculum[${i}].title`, message: 'must not be empty' });
    else if (seen.has(key)) fields.push({ path: `curriculum[${i}].title`, message: 'appears twice' });
    seen.add(key);
  });
  input.memberSessions.forEach((s, i) => {
    if (Temporal.Instant.compare(s.end, s.start) <= 0) {
      fields.push({ path: `memberSessions[${i}].end`, message: 'must be after start' });
    }
  });
  if (fields.length > 0) throw new InputError(fields);
}
