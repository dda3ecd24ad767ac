import { type EpisodeStatus, transition } from '../../domain/episodes/episode-status';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { siteToday } from '../sites';
import { changeEpisode } from './change-episode';
import type { EpisodeRow, updateEpisode } from './episodes.store';

/**
 * Moves the episode through its states (referred → screening → admitted → active ⇄ on hold); the state
 * machine answers 409 with the allowed moves. Discharge has its own use case: it records the reason and plan.
 */
export async function changeEpisodeStatus(
  tx: Tx,
  input: {
    episode: EpisodeRow;
    status: EpisodeStatus;
    effectiveOn?: string;
    version: number;
    now: Date;
    audit: AuditWrite;
  },
) {
  const { episode, status } = input;
  // The state machine decides first, so an impossible move is named even if the discharge is meant.
  transition(episode.status as EpisodeStatus, status);
  if (status === 'discharged') {
    throw AppError.validation([
      {
        path: 'status',
        message: 'Discharge through POST …/discharge: it records the reason and the aftercare plan.',
      },
    ]);
  }
  const changes: Parameters<typeof updateEpisode>[3] = { status };
  if (status === 'admitted') {
    changes.admittedOn = input.effectiveOn ?? (await siteToday(tx, episode.siteId, input.now)).toString();
  }
  await changeEpisode(tx, episode, input.version, changes, input.now);
  await input.audit('episode.status', 'episode', episode.id, { from: episode.status, to: status });
}
