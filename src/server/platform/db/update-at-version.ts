import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from './database';

/** A table of edited records: a key, the If-Match version and the last-changed instant (`versionedColumns`). */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * The compare-and-set every edit makes: changes the row only at the version the client read, moves the
 * version on and stamps `updatedAt`; returns the row, or undefined when someone changed it first (the caller
 * answers 409 through `versionedUpdate`).
 */
export async function updateAtVersion<T extends VersionedTable>(
  tx: Tx,
  table: T,
  id: string,
  version: number,
  changes: PgUpdateSetSource<T>,
  now: Date,
): Promise<T['$inferSelect'] | undefined> {
  const set = { ...changes, version: sql`${table.version} + 1`, updatedAt: now } as PgUpdateSetSource<T>;
  const rows = (await tx
    .update(table)
    .set(set)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()) as T['$inferSelect'][];
  return rows[0];
}
