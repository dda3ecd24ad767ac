import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database';

/**
 * A test-only change counter: row triggers on every table count inserts, updates and deletes into
 * `proof_changes` in the writer's own transaction. A request that rolls back leaves the counter as it was,
 * so "the counter did not move" means "this request changed no data" — one cheap query per request.
 *
 * Not counted, because a refused request may change them by design: the session row (last seen, revoked
 * when expired), the login-failure counters on users (wrong passwords and wrong codes, and the lock), and audit rows that record a refusal or a
 * failure (outcome 'denied' or 'failure'), with the audit chain's own bookkeeping (`audit_pending` and the
 * sealer's `audit_seal` rows, which follow any audit row). Tables added later (notes, measurements) are watched without any change here.
 */
const UNWATCHED_TABLES = new Set(['sessions', 'proof_changes', 'audit_pending', 'audit_seal']);
const UNWATCHED_COLUMNS: Record<string, string[]> = {
  users: ['failed_logins', 'mfa_failures', 'locked_until'],
};

export async function installChangeWatch(db: Database): Promise<string[]> {
  return db.tx(async (tx) => {
    await tx.execute(
      sql.raw('create table if not exists proof_changes (tbl text primary key, n bigint not null)'),
    );
    await tx.execute(
      sql.raw(`create or replace function proof_count_change() returns trigger language plpgsql as $$
        begin
          insert into proof_changes values (tg_table_name, 1)
            on conflict (tbl) do update set n = proof_changes.n + 1;
          return null;
        end $$`),
    );
    const columns = (await tx.execute(
      sql.raw(`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`),
    )) as unknown as { rows: { table_name: string; column_name: string }[] };
    const byTable = new Map<string, string[]>();
    for (const r of columns.rows)
      byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
    const watched = [...byTable.keys()].filter((t) => !UNWATCHED_TABLES.has(t));
    for (const table of watched) {
      const counted = byTable.get(table)!.filter((c) => !UNWATCHED_COLUMNS[table]?.includes(c));
      const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
      if (table === 'audit_log') {
        await tx.execute(
          sql.raw(`create or replace trigger proof_watch after insert on audit_log for each row
            when (new.outcome = 'success') execute function proof_count_change()`),
        );
        continue;
      }
      await tx.execute(
        sql.raw(`create or replace trigger proof_watch_rows after insert or delete on ${q(table)}
          for each row execute function proof_count_change()`),
      );
      await tx.execute(
        sql.raw(`create or replace trigger proof_watch_updates after update of ${counted.map(q).join(', ')}
          on ${q(table)} for each row when (old.* is distinct from new.*) execute function proof_count_change()`),
      );
    }
    return watched;
  });
}

/** The counter, as text that changes whenever any watched table changed ("patients:3 audit_log:10"). */
export async function changeMark(db: Database): Promise<string> {
  // One statement without BEGIN/COMMIT: a sixth of the fuzz run's time went to these checks in a transaction.
  const result = (await db.autocommit((q) =>
    q.execute(sql.raw('select tbl, n from proof_changes order by tbl')),
  )) as unknown as { rows: { tbl: string; n: string | number }[] };
  return result.rows.map((r) => `${r.tbl}:${r.n}`).join(' ');
}
