import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { episodes } from './episodes.table';

/** An open episode whose level history, as of a day, names another level than the episode has. */
export type DueLevelChange = {
  episodeId: string;
  patientId: string;
  organizationId: string;
  siteId: string;
  level: string;
  version: number;
  fromLevel: string | null;
  toLevel: string;
  reason: string;
  effectiveOn: string;
};

/**
 * The time zones the open episodes' programs keep their calendar in: the program's own setting, else its
 * site's (the zone a weekly-target plan dated its moves in).
 */
export async function zonesWithOpenEpisodes(tx: Tx): Promise<string[]> {
  const result = (await tx.execute(sql`
    select distinct coalesce(ps.time_zone, s.time_zone) as "zone"
    from episodes e
    join sites s on s.id = e.site_id
    left join program_settings ps on ps.program_id = e.program_id
    where e.status <> 'discharged'
    order by 1`)) as unknown as { rows: { zone: string }[] };
  return result.rows.map((r) => r.zone);
}

/**
 * Open episodes whose program keeps its calendar in `zone` and whose latest history row effective on or
 * before `today` (the history's order: effective day, then when it was written) moves to a level the
 * episode is not at: a planned change that has come due. One statement whatever the number of episodes.
 */
export async function dueLevelChanges(tx: Tx, zone: string, today: string): Promise<DueLevelChange[]> {
  const result = (await tx.execute(sql`
    select e.id as "episodeId", e.patient_id as "patientId", e.organization_id as "organizationId",
      e.site_id as "siteId", e.level, e.version, h.from_level as "fromLevel", h.to_level as "toLevel",
      h.reason, h.effective_on::text as "effectiveOn"
    from episodes e
    join sites s on s.id = e.site_id
    left join program_settings ps on ps.program_id = e.program_id
    cross join lateral (
      select l.from_level, l.to_level, l.reason, l.effective_on
      from level_of_care_changes l
      where l.episode_id = e.id and l.effective_on <= ${today}::date
      order by l.effective_on desc, l.created_at desc, l.id desc
      limit 1
    ) h
    where coalesce(ps.time_zone, s.time_zone) = ${zone} and e.status <> 'discharged' and h.to_level <> e.level
    order by e.id`)) as unknown as { rows: DueLevelChange[] };
  return result.rows;
}

/**
 * Moves the episode to `toLevel` only if it is still at `fromLevel` in the version that was read (a change
 * by hand in between wins), bumping the version as every episode update does. False when it moved on.
 */
export async function moveEpisodeLevel(
  tx: Tx,
  change: Pick<DueLevelChange, 'episodeId' | 'version' | 'fromLevel' | 'toLevel'>,
  now: Date,
): Promise<boolean> {
  if (change.fromLevel === null) return false;
  const rows = await tx
    .update(episodes)
    .set({ level: change.toLevel, version: sql`${episodes.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(episodes.id, change.episodeId),
        eq(episodes.version, change.version),
        eq(episodes.level, change.fromLevel),
        ne(episodes.status, 'discharged'),
      ),
    )
    .returning({ id: episodes.id });
  return rows.length > 0;
}
