import { desc, eq } from 'drizzle-orm';
import { episodes } from '../episodes';
import type { Tx } from '../platform/db/database';
import { programs } from '../platform/db/platform.table';
import { discharges } from './discharges.table';

export type DischargeRow = typeof discharges.$inferSelect;

export async function insertDischarge(tx: Tx, values: typeof discharges.$inferInsert) {
  const [row] = await tx.insert(discharges).values(values).onConflictDoNothing().returning();
  return row;
}

export async function getDischargeOfEpisode(tx: Tx, episodeId: string) {
  const [row] = await tx.select().from(discharges).where(eq(discharges.episodeId, episodeId));
  return row;
}

/** The patient's most recent discharge, with the program's name, for the portal. */
export async function latestDischarge(tx: Tx, patientId: string) {
  const [row] = await tx
    .select({ discharge: discharges, programName: programs.name })
    .from(discharges)
    .innerJoin(episodes, eq(episodes.id, discharges.episodeId))
    .innerJoin(programs, eq(programs.id, episodes.programId))
    .where(eq(discharges.patientId, patientId))
    .orderBy(desc(discharges.dischargedOn), desc(discharges.createdAt))
    .limit(1);
  return row;
}
