import { InputError } from '../input-error';

export const EPISODE_STATUSES = [
  'referred',
  'screening',
  'admitted',
  'active',
  'on_hold',
  'discharged',
] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];

/**
 * The allowed moves of an episode. Any status may end in discharge: from referred or screening that closes
 * the episode without an admission. Discharged is final; a return to care is a new episode.
 */
export const ALLOWED_MOVES: Readonly<Record<EpisodeStatus, readonly EpisodeStatus[]>> = {
  referred: ['screening', 'discharged'],
  screening: ['admitted', 'discharged'],
  admitted: ['active', 'discharged'],
  active: ['on_hold', 'discharged'],
  on_hold: ['active', 'discharged'],
  discharged: [],
};

export class InvalidTransitionError extends Error {
  readonly code = 'invalid_transition';

  constructor(
    readonly from: EpisodeStatus,
    readonly to: EpisodeStatus,
    readonly allowed: EpisodeStatus[],
  ) {
    super(
      allowed.length === 0
        ? `An episode that is ${from} cannot change status.`
        : `An episode that is ${from} cannot move to ${to}; it can move to ${allowed.join(' or ')}.`,
    );
    this.name = 'InvalidTransitionError';
  }
}

export function isEpisodeStatus(value: unknown): value is EpisodeStatus {
  return EPISODE_STATUSES.includes(value as EpisodeStatus);
}

function assertStatus(path: string, value: unknown): asserts value is EpisodeStatus {
  if (!isEpisodeStatus(value)) {
    throw new InputError([
      { path, message: `The status is one of ${EPISODE_STATUSES.join(', ')} (got ${String(value)}).` },
    ]);
  }
}

export function allowedMoves(from: EpisodeStatus): EpisodeStatus[] {
  assertStatus('from', from);
  return [...ALLOWED_MOVES[from]];
}

export function transition(from: EpisodeStatus, to: EpisodeStatus): EpisodeStatus {
  assertStatus('from', from);
  assertStatus('to', to);
  const allowed = allowedMoves(from);
  if (!allowed.includes(to)) throw new InvalidTransitionError(from, to, allowed);
  return to;
}
