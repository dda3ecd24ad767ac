import { Temporal } from 'temporal-polyfill';
import { type FieldError, InputError } from '../input-error';

export type MakeUpCandidate = {
  id: string;
  start: Temporal.Instant;
  minutes: number;
  /** Seats still free; 0 or less is full. */
  capacityLeft: number;
  trackId: string;
};

/** A time the member is already booked (their own sessions this week). */
export type BusyInterval = { start: Temporal.Instant; end: Temporal.Instant };

export type MakeUpInput<C extends MakeUpCandidate> = {
  gapMinutes: number;
  /** Sessions later this week in any track of the program. */
  candidates: readonly C[];
  memberSessions?: readonly BusyInterval[];
  /** Candidates starting before this moment are skipped (pass `now`). */
  notBefore?: Temporal.Instant;
};

export type MakeUpSuggestion<C extends MakeUpCandidate> = {
  /** In start order. */
  sessions: C[];
  closesGap: boolean;
  /** Minutes of the gap still open after attending every suggested session (0 when closed). */
  minutesAfter: number;
};

/**
 * The make-up sessions that would close a member's weekly gap: the fewest sessions that do it and, among
 * those, the earliest (compared session by session in start order), so the member is back on track as soon as
 * possible. Full sessions, sessions overlapping one of the member's own sessions, and sessions overlapping
 * each other are never offered together (intervals are half-open: one session may start as another ends).
 *
 * When nothing closes the gap, the suggestion shrinks it the most, again with the fewest and earliest
 * sessions, and `closesGap` is false.
 *
 * @throws InputError naming every invalid field.
 */
export function suggestMakeUpSessions<C extends MakeUpCandidate>(input: MakeUpInput<C>): MakeUpSuggestion<C> {
  validate(input);
  const gap = input.gapMinutes;
  if (gap === 0) return { sessions: [], closesGap: true, minutesAfter: 0 };

  const busy = input.memberSessions ?? [];
  const open = input.candidates
    .filter((c) => c.capacityLeft > 0)
    .filter((c) => !input.notBefore || Temporal.Instant.compare(c.start, input.notBefore) >= 0)
    .map((c) => ({
      candidate: c,
      start: c.start.epochMilliseconds,
      end: c.start.epochMilliseconds + c.minutes * 60_000,
    }))
    .filter((c) => !busy.some((b) => c.start < b.end.epochMilliseconds && b.start.epochMilliseconds < c.end))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const n = open.length;
  if (n === 0) return { sessions: [], closesGap: false, minutesAfter: gap };

  // Sessions chosen in start order form a chain: each starts at or after the previous one ends.
  // best[k][i] = most minutes a chain of exactly k sessions starting with session i can reach
  // (-Infinity when no such chain exists). Rows are added one session at a time until the gap is reachable.
  const best: number[][] = [new Array<number>(n).fill(Number.NEGATIVE_INFINITY)];
  const followers = open.map((s) => open.flatMap((t, j) => (t.start >= s.end ? [j] : [])));
  let reachable = 0;
  for (let k = 1; k <= n; k++) {
    const previous = best[k - 1]!;
    const row = open.map((s, i) => {
      if (k === 1) return s.candidate.minutes;
      const tail = Math.max(Number.NEGATIVE_INFINITY, ...followers[i]!.map((j) => previous[j]!));
      return tail + s.candidate.minutes;
    });
    best.push(row);
    reachable = Math.max(reachable, ...row);
    if (reachable >= gap || row.every((m) => m === Number.NEGATIVE_INFINITY)) break;
  }

  // Close the gap if possible, otherwise reach the most minutes any chain can; with the fewest sessions.
  const goal = Math.min(gap, reachable);
  const count = best.findIndex((row, k) => k > 0 && row.some((m) => m >= goal));

  const chosen: C[] = [];
  let needed = goal;
  let from = 0;
  let freeFromMs = Number.NEGATIVE_INFINITY;
  for (let k = count; k >= 1; k--) {
    const row = best[k]!;
    let pick = from;
    while (!(open[pick]!.start >= freeFromMs && row[pick]! >= needed)) pick++;
    const session = open[pick]!;
    chosen.push(session.candidate);
    needed -= session.candidate.minutes;
    freeFromMs = session.end;
    from = pick + 1;
  }

  const total = chosen.reduce((sum, c) => sum + c.minutes, 0);
  return { sessions: chosen, closesGap: total >= gap, minutesAfter: Math.max(0, gap - total) };
}

function validate<C extends MakeUpCandidate>(input: MakeUpInput<C>) {
  const fields: FieldError[] = [];
  if (!Number.isInteger(input.gapMinutes) || input.gapMinutes < 0) {
    fields.push({ path: 'gapMinutes', message: 'must be a whole number of minutes, 0 or more' });
  }
  input.candidates.forEach((c, i) => {
    if (!Number.isInteger(c.minutes) || c.minutes <= 0) {
      fields.push({
        path: `candidates[${i}].minutes`,
        message: 'must be a whole number of minutes, more than 0',
      });
    }
    if (!Number.isInteger(c.capacityLeft)) {
      fields.push({ path: `candidates[${i}].capacityLeft`, message: 'must be a whole number' });
    }
  });
  (input.memberSessions ?? []).forEach((s, i) => {
    if (Temporal.Instant.compare(s.end, s.start) <= 0) {
      fields.push({ path: `memberSessions[${i}].end`, message: 'must be after start' });
    }
  });
  if (fields.length > 0) throw new InputError(fields);
}
