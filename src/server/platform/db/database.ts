import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
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
import { installJobQueueSchema, jobQueueGrants } from './job-queue-schema';

/** Queries are built with the query builder on each feature's own tables, so the driver needs no schema. */
export type Schema = Record<string, never>;
// biome-ignore lint/suspicious/noExplicitAny: the two drivers differ only in their result type.
export type Tx = PgTransaction<PgQueryResultHKT, Schema, any>;
type Drizzle = PgDatabase<PgQueryResultHKT, Schema>;
// biome-ignore lint/suspicious/noExplicitAny: raw SQL rows have whatever columns the statement selects.
export type SqlRows = { rows: any[] };

export const MIGRATIONS_DIR = path.resolve(fileURLToPath(new URL('../../../../drizzle', import.meta.url)));

export type Database = {
  readonly kind: 'embedded' | 'postgresql';
  /**
   * Runs `fn` in one transaction. On the embedded store transactions run one at a time. Work registered
   * with `beforeCommit` (the audit rows) runs after `fn`, inside the same transaction.
   */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` without a transaction: each statement commits on its own. For single-statement lookups (the
   * session, the access guard) where BEGIN and COMMIT would double the round trips. Never for audited work.
   */
  autocommit<T>(fn: (q: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs one raw SQL text (with `$1…` values, or several statements without values) outside the query
   * builder: the job queue's own statements. On the embedded store it waits its turn in the same FIFO as
   * `tx`, so it never lands inside another transaction; on PostgreSQL it takes a pool connection.
   * Not counted by `queryCount` (it is background work).
   */
  runSql(text: string, values?: unknown[]): Promise<SqlRows>;
  /** Statements issued so far by requests, not background work (a measure for the query-count tests). */
  queryCount(): number;
  close(): Promise<void>;
  /** The embedded engine, for dumps in tests and backups; undefined on PostgreSQL. */
  readonly pglite?: PGlite;
};

export type OpenOptions = (
  | {
      kind: 'postgresql';
      url: string;
      poolSize?: number;
      /**
       * The tables' owner, which runs the migrations and then grants the server's role (the one of `url`)
       * what it needs: DML on the feature tables, only SELECT and INSERT on the audit log and seal.
       * Undefined: `url` runs the migrations and owns what they create.
       */
      ownerUrl?: string;
    }
  | { kind: 'embedded'; dataDir?: string; loadDataDir?: Blob }
) & {
  /** Sees every statement with its parameters (benchmarks replay a route's statements as raw SQL). */
  onQuery?: (query: string, params: unknown[]) => void;
};

const background = new AsyncLocalStorage<true>();

/**
 * Runs work that belongs to no request (the audit sealer). Its statements are not counted by `queryCount`
 * nor shown to `onQuery`, so a request's statement count does not depend on when the sealer ran.
 */
export function inBackground<T>(fn: () => Promise<T>): Promise<T> {
  return background.run(true, fn);
}

const openTransactions = new WeakSet<object>();
const commitHooks = new WeakMap<object, (() => Promise<void>)[]>();
const committedHooks = new WeakMap<object, ((db: Database) => void)[]>();
const closeHooks = new WeakMap<Database, (() => Promise<void>)[]>();

function addHook<K extends object, H>(hooks: WeakMap<K, H[]>, key: K, hook: H) {
  const list = hooks.get(key);
  if (list) list.push(hook);
  else hooks.set(key, [hook]);
}

/**
 * Registers work to run at the end of `tx`, after the caller's own statements and before COMMIT, in the same
 * transaction (the audit rows, written in one statement). Throws when `tx` is not an open transaction of
 * `Database.tx` (the work would never run).
 */
export function beforeCommit(tx: Tx, hook: () => Promise<void>): void {
  if (!openTransactions.has(tx)) throw new Error('beforeCommit needs an open transaction of Database.tx');
  addHook(commitHooks, tx, hook);
}

/** Registers work to start once `tx` has committed (never when it rolls back), given the database. */
export function afterCommit(tx: Tx, hook: (db: Database) => void): void {
  if (!openTransactions.has(tx)) throw new Error('afterCommit needs an open transaction of Database.tx');
  addHook(committedHooks, tx, hook);
}

/** Registers work to finish before `db` closes (the audit sealer's last batch). */
export function beforeClose(db: Database, hook: () => Promise<void>): void {
  addHook(closeHooks, db, hook);
}

async function runCloseHooks(db: Database) {
  for (const hook of closeHooks.get(db) ?? []) await hook().catch(() => undefined);
  closeHooks.delete(db);
}

/** Wraps one transaction of `run` with the hooks above. */
function transactional(run: <T>(body: (tx: Tx) => Promise<T>) => Promise<T>) {
  return async <T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> => {
    let committed: ((db: Database) => void)[] | undefined;
    const result = await run(async (tx) => {
      openTransactions.add(tx);
      try {
        const value = await fn(tx);
        const hooks = commitHooks.get(tx) ?? [];
        for (let i = 0; i < hooks.length; i++) await hooks[i]!();
        committed = committedHooks.get(tx);
        return value;
      } finally {
        openTransactions.delete(tx);
        commitHooks.delete(tx);
        committedHooks.delete(tx);
      }
    });
    for (const hook of committed ?? []) hook(db);
    return result;
  };
}

/** Distinct statements a PostgreSQL connection keeps prepared; later new texts run unprepared. */
const PREPARED_PER_CONNECTION = 400;

/** The name a statement's text is prepared under (31 characters, within PostgreSQL's 63). */
export function preparedStatementName(text: string): string {
  return `q${createHash('sha1').update(text).digest('hex').slice(0, 30)}`;
}

/**
 * Gives every statement with parameters a name derived from its text, so PostgreSQL parses and plans it
 * once per connection instead of on every execution. Measured here on the session lookup: 0.90 ms → 0.29 ms
 * a query, and half the client's CPU. The number of names per connection is capped (multi-row inserts and
 * `in (…)` lists of varying length make many texts).
 */
function prepareOncePerConnection(client: pg.PoolClient) {
  const names = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const c = config as { text?: unknown; name?: unknown; values?: unknown } | null;
    if (
      c &&
      typeof c === 'object' &&
      typeof c.text === 'string' &&
      !c.name &&
      Array.isArray(rest[0]) &&
      rest[0].length > 0
    ) {
      const name = preparedStatementName(c.text);
      if (names.has(name) || names.size < PREPARED_PER_CONNECTION) {
        names.add(name);
        return query({ ...c, name }, ...rest);
      }
    }
    return query(config, ...rest);
  };
}

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
  const logger = {
    logQuery: (query: string, params: unknown[]) => {
      if (background.getStore()) return;
      count++;
      options.onQuery?.(query, params);
    },
  };

  if (options.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
    pool.on('connect', prepareOncePerConnection);
    const appRole = options.ownerUrl ? await currentRole(pool) : undefined;
    const owner = options.ownerUrl ? new pg.Client({ connectionString: options.ownerUrl }) : undefined;
    if (owner) await owner.connect();
    const migrator = owner ?? (await pool.connect());
    try {
      // Two servers starting together must not both run the migrations.
      await migrator.query('select pg_advisory_lock(727001)');
      await migratePg(drizzlePg(migrator), { migrationsFolder: MIGRATIONS_DIR });
      await installJobQueueSchema(async (text) => flattenRows(await migrator.query(text)));
      if (appRole) await grantServerRole(migrator, appRole);
      await migrator.query('select pg_advisory_unlock(727001)');
    } finally {
      if (owner) await owner.end();
      else (migrator as pg.PoolClient).release();
    }
    const db = drizzlePg(pool, { logger }) as unknown as Drizzle;
    const inTransaction = transactional((body) => db.transaction((tx) => body(tx as Tx)));
    const database: Database = {
      kind: 'postgresql',
      tx: (fn) => inTransaction(database, fn),
      autocommit: (fn) => fn(db as unknown as Tx),
      // A text, not a query config: statements of the queue are not given prepared names.
      runSql: async (text, values) => flattenRows(await pool.query(text, values)),
      queryCount: () => count,
      close: async () => {
        await runCloseHooks(database);
        await pool.end();
      },
    };
    return database;
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
    await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
    await installJobQueueSchema((text) => runOnPglite(client, text));
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite(client, { logger }) as unknown as Drizzle;
  const serial = createSerialQueue();
  const inTransaction = transactional((body) => serial(() => db.transaction((tx) => body(tx as Tx))));
  const database: Database = {
    kind: 'embedded',
    pglite: client,
    tx: (fn) => inTransaction(database, fn),
    autocommit: (fn) => serial(() => fn(db as unknown as Tx)),
    runSql: (text, values) => serial(() => runOnPglite(client, text, values)),
    queryCount: () => count,
    close: async () => {
      await runCloseHooks(database);
      await serial(() => client.close());
      lock?.release();
    },
  };
  return database;
}

/** node-postgres answers a text of several statements with one result each: their rows, in order. */
function flattenRows(result: pg.QueryResult | pg.QueryResult[]): SqlRows {
  return Array.isArray(result) ? { rows: result.flatMap((r) => r.rows ?? []) } : { rows: result.rows };
}

/**
 * PGlite's `query` runs one statement; a text of several (the queue's locked blocks, BEGIN … COMMIT) goes
 * through `exec`. A statement that fails inside such a block would leave the one connection in an aborted
 * transaction, so it is rolled back before the error is passed on (as pg-boss's own PGlite adapter does).
 * Safe here: runSql holds the FIFO, so no transaction of `tx` is open on the connection.
 */
async function runOnPglite(client: PGlite, text: string, values?: unknown[]): Promise<SqlRows> {
  try {
    if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
    return { rows: (await client.exec(text)).flatMap((r) => r.rows ?? []) };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}

async function currentRole(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ role: string }>('select current_user as role');
  return rows[0]!.role;
}

/**
 * What the server's role may do, granted by the owner after every migration (so new tables are covered):
 * read and write the feature tables; on `audit_log` and `audit_seal` only SELECT and INSERT, so it can
 * neither remove a row nor (not being the owner) disable the append-only triggers; on `audit_pending` also
 * DELETE, which the sealer needs (a pending entry deleted by hand leaves its row outside the chain, which the
 * check names). The job queue's schema: see `jobQueueGrants`.
 */
async function grantServerRole(owner: pg.Client | pg.PoolClient, role: string) {
  const r = (await owner.query('select quote_ident($1) as r', [role])).rows[0].r as string;
  await owner.query(`grant usage on schema public to ${r};
    grant select, insert, update, delete on all tables in schema public to ${r};
    grant usage, select on all sequences in schema public to ${r};
    revoke update, delete, truncate, references, trigger on audit_log, audit_seal from ${r};
    revoke update, truncate, references, trigger on audit_pending from ${r};
    ${jobQueueGrants(r)}`);
}

export async function ping(db: Database): Promise<void> {
  await db.tx((tx) => tx.execute(sql`select 1`));
}
