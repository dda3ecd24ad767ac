import { Temporal } from 'temporal-polyfill';
import { appendAudit } from '../platform/audit/audit';
import type { JobContext, JobDefinition } from '../platform/jobs/jobs';
import { dueLevelChanges, moveEpisodeLevel, zonesWithOpenEpisodes } from './planned-level-changes.store';

/** What one run did: episodes moved, and due changes left alone because the episode had moved on. */
export type AppliedLevelChanges = { applied: number; skipped: number };

/**
 * Planned level-of-care changes (a weekly-target step plan writes them into the level history with a
 * future `effective_on`) take effect on their day: each open episode whose latest history row effective
 * on or before its program's today names another level moves to it. The day is the program's (its zone, as
 * the plan dated its moves), never UTC's. Each episode moves in its own transaction with its audit row, by compare-and-set on its level and
 * version, so a change made by hand meanwhile is never overwritten and a second run changes nothing.
 */
export async function applyPlannedLevelChanges(ctx: Pick<JobContext, 'db' | 'now'>) {
  const { db } = ctx;
  const now = ctx.now();
  const due = await db.tx(async (tx) => {
    const found = [];
    for (const zone of await zonesWithOpenEpisodes(tx)) {
      const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
        .toZonedDateTimeISO(zone)
        .toPlainDate();
      found.push(...(await dueLevelChanges(tx, zone, today.toString())));
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

/**
 * Every quarter hour — zones are offset from UTC by whole, half and quarter hours (India +5:30, Nepal +5:45),
 * so each midnight is met within the quarter — and at start (a server that was down at midnight catches up).
 */
export const applyPlannedLevelChangesJob: JobDefinition = {
  name: 'episodes.apply-planned-level-changes',
  cron: '*/15 * * * *',
  runAtStart: true,
  run: async (ctx) => {
    const result = await applyPlannedLevelChanges(ctx);
    if (result.applied > 0 || result.skipped > 0) ctx.logger.info(result, 'planned level changes applied');
  },
};
