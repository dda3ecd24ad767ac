import { randomUUID } from 'node:crypto';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../platform/db/database';

/**
 * Bulk load: each batch is one INSERT … SELECT from json_populate_recordset with the rows as one JSON parameter
 * (fast on both stores; COPY is not available through PGlite). Ids are made here, so the caller knows them
 * without RETURNING. `counts` (by table name) adds up the rows written.
 */
export async function bulkInsert<T extends Record<string, unknown>>(
  db: Database,
  table: PgTable,
  rows: T[],
  options: { batchRows?: number; counts?: Record<string, number> } = {},
) {
  const batchRows = options.batchRows ?? 5000;
  const name = getTableName(table);
  if (options.counts) options.counts[name] = (options.counts[name] ?? 0) + rows.length;
  const columns = getTableColumns(table);
  const withIds = rows.map((r) => ('id' in columns && r.id === undefined ? { id: randomUUID(), ...r } : r));
  const keys = Object.keys(columns).filter((k) => withIds.some((r) => r[k] !== undefined));
  const names = keys.map((k) => `"${columns[k]!.name}"`).join(', ');
  for (let i = 0; i < withIds.length; i += batchRows) {
    const batch = withIds
      .slice(i, i + batchRows)
      .map((r) =>
        Object.fromEntries(
          keys.map((k) => [
            columns[k]!.name,
            r[k] instanceof Date ? (r[k] as Date).toISOString() : (r[k] ?? null),
          ]),
        ),
      );
    await db.tx((tx) =>
      tx.execute(
        sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(names)} from json_populate_recordset(null::${table}, ${JSON.stringify(batch)}::json)`,
      ),
    );
  }
  return withIds as (T & { id: string })[];
}
