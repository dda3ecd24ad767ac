import { stepDirection } from '../../domain/episodes/discharge';
import type { LevelCode } from '../../domain/placement/levels-of-care';
import type { Tx } from '../platform/db/database';
import { deletePlannedLevelChanges, insertLevelChange } from './episodes.store';
import type { episodes } from './episodes.table';

/** A move a plan makes later: to `toLevel` from `effectiveOn` (an ISO calendar day after today). */
export type PlannedLevel = { toLevel: string; effectiveOn: string };

/**
 * Replaces the planned moves a plan (named by `reason`) put in the episode's level history after `after`
 * with `planned`, in order, each starting from the level the one before it reached (`fromLevel` is where
 * the episode stands when the first takes effect). The rows take effect on their day through the
 * apply-planned-level-changes job; the episode itself does not move now. Answers the rows written.
 */
export async function planLevelChanges(
  tx: Tx,
  input: {
    episode: typeof episodes.$inferSelect;
    fromLevel: string;
    after: string;
    reason: string;
    planned: PlannedLevel[];
    changedBy: string;
    now: Date;
  },
) {
  const { episode, reason } = input;
  await deletePlannedLevelChanges(tx, episode.id, input.after, reason);
  const written: { fromLevel: string; toLevel: string; effectiveOn: string }[] = [];
  let level = input.fromLevel;
  for (const { toLevel, effectiveOn } of input.planned) {
    if (toLevel === level) continue;
    await insertLevelChange(tx, {
      organizationId: episode.organizationId,
      siteId: episode.siteId,
      episodeId: episode.id,
      fromLevel: level,
      toLevel,
      direction: stepDirection(level as LevelCode, toLevel as LevelCode),
      effectiveOn,
      reason,
      changedBy: input.changedBy,
      createdAt: input.now,
    });
    written.push({ fromLevel: level, toLevel, effectiveOn });
    level = toLevel;
  }
  return written;
}
