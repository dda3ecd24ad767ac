import { type EpisodeStatus, transition } from '../../domain/episodes/episode-status';
import type { Tx } from '../platform/db/database';
import { staleVersion } from '../platform/http/versioning';
import { type EpisodeRow, updateEpisode } from './episodes.store';

/**
 * Closes the episode on its discharge day, at the version the discharge was asked against (409 when stale).
 * The state machine: any status may end in discharge, but a discharged episode cannot again.
 */
export async function closeEpisode(
  tx: Tx,
  input: { episode: EpisodeRow; dischargedOn: string; version: number; now: Date },
) {
  const { episode } = input;
  transition(episode.status as EpisodeStatus, 'discharged');
  const changes = { status: 'discharged', dischargedOn: input.dischargedOn };
  if (!(await updateEpisode(tx, episode.id, input.version, changes, input.now))) {
    throw staleVersion(episode.version);
  }
}
