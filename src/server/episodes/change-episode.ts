import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { staleVersion } from '../platform/http/versioning';
import { findEpisode, updateEpisode } from './episodes.store';

/**
 * Changes the episode only at the version the change was asked against (compare-and-set); 409
 * version_conflict naming the version now current when someone changed it first, 404 when it is gone.
 */
export async function changeEpisode(
  tx: Tx,
  episode: { id: string; patientId: string },
  version: number,
  changes: Parameters<typeof updateEpisode>[3],
  now: Date,
) {
  if (!(await updateEpisode(tx, episode.id, version, changes, now))) {
    const current = await findEpisode(tx, episode.patientId, episode.id);
    if (!current) throw AppError.notFound('The episode');
    throw staleVersion(current.version);
  }
}
