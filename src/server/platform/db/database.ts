import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

export type Schema = typeof schema;
// biome-ignore lint/suspicious/noExplicitAny: the two drivers differ only in their result type.
export type Tx = PgTransaction<PgQueryResultHKT, Schema, any>;
type Drizzle = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_DIR = path.resolve(fileURLToPath(new URL('../../../../drizzle', import.meta.url)));

export type Database = {
  readonly kind: 'embedded' | 'postgresql';
  /** Runs `fn` in one transaction. On the embedded store transactions run one at a time. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Statements issued so far (a test-only measure used by the query-count tests). */
  queryCount(): number;
  close(): Promise<void>;
  /** The embedded engine, for dumps in tests and backups; undefined on PostgreSQL. */
  readonly pglite?: PGlite;
};

export type OpenOptions =
  | { kind: 'postgresql'; url: string; poolSize?: number }
  | { kind: 'embedded'; dataDir?: string; loadDataDir?: Blob };

/** A FIFO lock: PGlite has one connection, so two requests' transactions must never interleave on it. */
function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  let count = 0;
  const logger = { logQuery: () => void count++ };

  if (options.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
    const client = await pool.connect();
    try {
      // Two servers starting together must not both run the migrations.
      await client.query('select pg_advisory_lock(727001)');
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      await client.query('select pg_advisory_unlock(727001)');
    } finally {
      client.release();
    }
    const db = drizzlePg(pool, { schema, logger }) as unknown as Drizzle;
    return {
      kind: 'postgresql',
      tx: (fn) => db.transaction((tx) => fn(tx as Tx)),
      queryCount: () => count,
      close: () => pool.end(),
    };
  }

  const lock = options.dataDir ? lockDataDir(options.dataDir) : undefined;
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: options.dataDir ? path.join(options.dataDir, 'pgdata') : undefined,
      loadDataDir: options.loadDataDir,
      // Patient name search uses a trigram index (CREATE EXTENSION pg_trgm in the migrations).
      extensions: { pg_trgm },
      // Wait for each write to reach the file system before a query returns.
      relaxedDurability: false,
    });
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite(client, { schema, logger }) as unknown as Drizzle;
  const serial = createSerialQueue();
  return {
    kind: 'embedded',
    pglite: client,
    tx: (fn) => serial(() => db.transaction((tx) => fn(tx as Tx))),
    queryCount: () => count,
    close: async () => {
      await serial(() => client.close());
      lock?.release();
    },
  };
}

export async function ping(db: Database): Promise<void> {
  await db.tx((tx) => tx.execute(sql`select 1`));
}
