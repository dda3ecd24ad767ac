import { appendAudit } from '../platform/audit/audit';
import type { JobContext, JobDefinition } from '../platform/jobs/jobs';
import { siteToday } from '../sites';
import { dueLevelChanges, moveEpisodeLevel, sitesWithOpenEpisodes } from './planned-level-changes.store';

/** What one run did: episodes moved, and due changes left alone because the episode had moved on. */
export type AppliedLevelChanges = { applied: number; skipped: number };

/**
 * Planned level-of-care changes (a weekly-target step plan writes them into the level history with a
 * future `effective_on`) take effect on their day: each open episode whose latest history row effective
 * on or before the site's today names another level moves to it. The day is the site's (its zone), never
 * UTC's. Each episode moves in its own transaction with its audit row, by compare-and-set on its level and
 * version, so a change made by hand meanwhile is never overwritten and a second run changes nothing.
 */
export async function applyPlannedLevelChanges(ctx: Pick<JobContext, 'db' | 'now'>) {
  const { db } = ctx;
  const now = ctx.now();
  const due = await db.tx(async (tx) => {
    const found = [];
    for (const siteId of await sitesWithOpenEpisodes(tx)) {
      const today = (await siteToday(tx, siteId, now)).toString();
      found.push(...(await dueLevelChanges(tx, siteId, today)));
    }
    return found;
  });
  const result: AppliedLevelChanges = { applied: 0, skipped: 0 };
  for (const change of due) {
    const moved = await db.tx(async (tx) => {
      if (change.level !== change.fromLevel || !(await moveEpisodeLevel(tx, change, now))) return false;
      await appendAudit(
        tx,
        {
          organizationId: change.organizationId,
          actorId: null,
          actorEmail: 'system',
          actorRole: 'system',
          sourceAddress: null,
          requestId: null,
        },
        [
          {
            action: 'episode.level_change',
            entity: 'episode',
            entityId: change.episodeId,
            patientId: change.patientId,
            siteId: change.siteId,
            detail: { from: change.fromLevel, to: change.toLevel, reason: change.reason, source: 'planned' },
          },
        ],
        now,
      );
      return true;
    });
    if (moved) result.applied++;
    else result.skipped++;
  }
  return result;
}

/** Hourly, and at start (a server that was down at a site's midnight catches up). */
export const applyPlannedLevelChangesJob: JobDefinition = {
  name: 'episodes.apply-planned-level-changes',
  cron: '0 * * * *',
  runAtStart: true,
  run: async (ctx) => {
    const result = await applyPlannedLevelChanges(ctx);
    if (result.applied > 0 || result.skipped > 0) ctx.logger.info(result, 'planned level changes applied');
  },
};
