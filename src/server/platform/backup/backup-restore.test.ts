import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDatabasePrefix, withDatabase } from '../../test-support/global-setup';
import { call, createTestApp, expectStatus, login, okBody, type TestApp } from '../../test-support/test-app';
import { anchorAuditChain, auditAnchorOf, sealAuditLog, verifyAuditChain } from '../audit/audit';
import { type Database, openDatabase } from '../db/database';
import {
  BackupError,
  backupEmbeddedDatabase,
  backupKindOf,
  backupPostgres,
  restoreEmbedded,
  restorePostgres,
} from './backup';

/**
 * The restore drill (README, "Backup and restore"): back up the demo data (plus a little use of it), restore into an
 * empty store, compare every table row by row, and verify the audit chain on the restored copy.
 */
let t: TestApp;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'openiop-backup-'));
const opened: Database[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // Some use, so the backup holds sessions, audit rows and a new patient besides the seed.
  const s = await login(t.app, 'clinician@demo.openiop.org');
  const site = okBody(await call(t.app, 'GET', '/api/sites', { session: s })).items[0]!.id;
  const created = await call(t.app, 'POST', `/api/sites/${site}/patients`, {
    session: s,
    body: { givenName: 'Backup', familyName: 'Drill', dateOfBirth: '1979-03-04' },
  });
  expectStatus(created, 201);
});
afterAll(async () => {
  for (const db of opened) await db.close().catch(() => undefined);
  await t?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Every table of the database (all schemas but the system ones) → its rows as sorted JSON text. */
async function snapshot(db: Database): Promise<Map<string, string[]>> {
  return db.tx(async (tx) => {
    const tables = (await tx.execute(
      sql.raw(`select table_schema as s, table_name as t from information_schema.tables
        where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'
        order by 1, 2`),
    )) as unknown as { rows: { s: string; t: string }[] };
    const out = new Map<string, string[]>();
    for (const { s, t: table } of tables.rows) {
      const rows = (await tx.execute(
        sql.raw(`select to_jsonb(x)::text as r from "${s}"."${table}" x`),
      )) as unknown as { rows: { r: string }[] };
      out.set(`${s}.${table}`, rows.rows.map((r) => r.r).sort());
    }
    return out;
  });
}

/**
 * A restored store is checked with the source's audit key (restored with the backup) and a checkpoint file
 * of its own: the source's checkpoints name rows written after the backup, which the copy truly lacks.
 */
function anchorLikeTheSource(restored: Database, name: string) {
  const checkpointFile = path.join(work, `${name}-checkpoints.jsonl`);
  anchorAuditChain(restored, { ...auditAnchorOf(t.db)!, checkpointFile });
}

function expectSameRows(restored: Map<string, string[]>, original: Map<string, string[]>) {
  expect([...restored.keys()]).toEqual([...original.keys()]);
  for (const [table, rows] of original) {
    expect(restored.get(table)!.length, table).toBe(rows.length);
    expect(restored.get(table), table).toEqual(rows);
  }
  expect(original.get('public.audit_log')!.length).toBeGreaterThan(0);
  expect(original.get('public.patients')!.length).toBeGreaterThan(10);
}

async function emptyPostgresDatabase(): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const run = inject('pgTemplateDb').replace('openiop_tpl_', '');
  const name = `${testDatabasePrefix(run)}restore_${randomBytes(4).toString('hex')}` as const;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return withDatabase(adminUrl, name);
}

describe('backup and restore drill', () => {
  it('restores into an empty store with every table equal row by row, and the audit chain verifies', async () => {
    const file = path.join(work, 'drill.backup');
    // The last request's audit rows are sealed right after its commit; let that settle before the snapshot.
    await sealAuditLog(t.db);
    const original = await snapshot(t.db);
    let restored: Database;
    if (t.db.kind === 'embedded') {
      await backupEmbeddedDatabase(t.db, file);
      expect(backupKindOf(file)).toBe('embedded');
      const dataDir = path.join(work, 'restored');
      await restoreEmbedded(dataDir, file);
      restored = await openDatabase({ kind: 'embedded', dataDir });
    } else {
      await backupPostgres(t.dbUrl!, file);
      expect(backupKindOf(file)).toBe('postgresql');
      const url = await emptyPostgresDatabase();
      await restorePostgres(url, file);
      restored = await openDatabase({ kind: 'postgresql', url, poolSize: 2 });
    }
    opened.push(restored);
    anchorLikeTheSource(restored, 'restored');
    expectSameRows(await snapshot(restored), original);
    const chain = await verifyAuditChain(restored);
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBe(original.get('public.audit_log')!.length);
  }, 180_000);

  it('refuses a target that holds data unless forced, then replaces it', async () => {
    const file = path.join(work, 'force.backup');
    let target: { restore(force?: boolean): Promise<void>; open(): Promise<Database> };
    if (t.db.kind === 'embedded') {
      await backupEmbeddedDatabase(t.db, file);
      const dataDir = path.join(work, 'occupied');
      target = {
        restore: (force) => restoreEmbedded(dataDir, file, { force }),
        open: () => openDatabase({ kind: 'embedded', dataDir }),
      };
    } else {
      await backupPostgres(t.dbUrl!, file);
      const url = await emptyPostgresDatabase();
      target = {
        restore: (force) => restorePostgres(url, file, { force }),
        open: () => openDatabase({ kind: 'postgresql', url, poolSize: 2 }),
      };
    }
    await target.restore(); // into the empty target: now it holds data
    await expect(target.restore()).rejects.toThrow(BackupError);
    await expect(target.restore()).rejects.toThrow(/not empty|already holds/);
    await target.restore(true);
    const restored = await target.open();
    opened.push(restored);
    anchorLikeTheSource(restored, 'occupied');
    expectSameRows(await snapshot(restored), await snapshot(t.db));
    expect((await verifyAuditChain(restored)).ok).toBe(true);
  }, 180_000);

  it('refuses a file that is not a backup, or a backup of the other store', async () => {
    const junk = path.join(work, 'junk.txt');
    fs.writeFileSync(junk, 'not a backup');
    expect(() => backupKindOf(junk)).toThrow(BackupError);
    const pgLike = path.join(work, 'pg-like.backup');
    fs.writeFileSync(pgLike, 'PGDMP\u0001\u000e');
    await expect(restoreEmbedded(path.join(work, 'never'), pgLike)).rejects.toThrow(/postgresql store/);
  });
});
