import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { lockDataDir } from '../db/data-dir-lock';
import { type Database, openDatabase } from '../db/database';
import { JOB_QUEUE_SCHEMA } from '../db/job-queue-schema';

const run = promisify(execFile);

/**
 * Backup and restore of either store (README, "Backup and restore"). PostgreSQL: pg_dump's custom format, restored with
 * pg_restore in one transaction. Embedded: PGlite's own data-folder dump (a gzipped tar). A restore never
 * overwrites data by accident: a target that already holds tables is refused unless `force` is given.
 */
export class BackupError extends Error {
  override name = 'BackupError';
}

export type BackupKind = 'postgresql' | 'embedded';

/** What a backup file holds, from its first bytes: pg_dump custom files start "PGDMP", PGlite dumps are gzip. */
export function backupKindOf(file: string): BackupKind {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgresql';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'embedded';
  } finally {
    fs.closeSync(fd);
  }
  throw new BackupError(
    `${file} is not an OpenIOP backup (neither a pg_dump custom file nor a PGlite dump).`,
  );
}

function checkKind(file: string, expected: BackupKind) {
  if (!fs.existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  const kind = backupKindOf(file);
  if (kind !== expected)
    throw new BackupError(
      `${file} is a backup of the ${kind} store; the configured store is ${expected}. Restore it into ${kind === 'embedded' ? 'an embedded' : 'a PostgreSQL'} store.`,
    );
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL

async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]) {
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new BackupError(
        `${tool} was not found; install the PostgreSQL client tools (postgresql-client).`,
      );
    // pg_dump and pg_restore name the connection and object, never row data.
    throw new BackupError(
      `${tool} failed: ${(e.stderr ?? e.message).trim().split('\n').slice(0, 5).join('\n')}`,
    );
  }
}

export async function backupPostgres(url: string, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  await pgTool('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${partial}`,
    `--dbname=${url}`,
  ]);
  fs.renameSync(partial, file);
}

/** Tables in the database outside the system schemas: a target with any is not empty. */
async function postgresTables(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema')`,
  );
  return rows[0]!.n;
}

export async function restorePostgres(
  url: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<void> {
  checkKind(file, 'postgresql');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await postgresTables(client);
    if (tables > 0 && !options.force)
      throw new BackupError(
        `The target database is not empty (${tables} tables). Restore into an empty database, or pass --force to replace its contents.`,
      );
    if (tables > 0) {
      await client.query('drop schema if exists drizzle cascade');
      await client.query(`drop schema if exists ${JOB_QUEUE_SCHEMA} cascade`);
      await client.query('drop schema if exists public cascade');
      await client.query('create schema public');
    }
  } finally {
    await client.end();
  }
  await pgTool('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${url}`,
    file,
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Embedded (PGlite)

export async function backupEmbeddedDatabase(db: Database, file: string): Promise<void> {
  if (!db.pglite) throw new BackupError('Not an embedded database.');
  const dump = await db.tx(() => db.pglite!.dumpDataDir('gzip'));
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, file);
}

/** Backs up a data folder; takes the folder's lock, so the server using it must be stopped first. */
export async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  if (!fs.existsSync(path.join(dataDir, 'pgdata')))
    throw new BackupError(`No embedded database in ${dataDir} (set OPENIOP_DATA_DIR).`);
  const db = await openDatabase({ kind: 'embedded', dataDir });
  try {
    await backupEmbeddedDatabase(db, file);
  } finally {
    await db.close();
  }
}

export async function restoreEmbedded(
  dataDir: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<void> {
  checkKind(file, 'embedded');
  const pgdata = path.join(dataDir, 'pgdata');
  const hasData = fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0;
  if (hasData && !options.force)
    throw new BackupError(
      `The data folder ${dataDir} already holds a database. Restore into an empty folder, or pass --force to replace it.`,
    );
  // Refuses (DataDirLockedError) while a server uses the folder.
  lockDataDir(dataDir).release();
  if (hasData) fs.rmSync(pgdata, { recursive: true, force: true });
  const db = await openDatabase({
    kind: 'embedded',
    dataDir,
    loadDataDir: new Blob([fs.readFileSync(file)]),
  });
  await db.close();
}
