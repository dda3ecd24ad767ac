// One store, many server processes. Embedded: two PGlite instances on one folder would corrupt it, so the
// second server must refuse to start and say why. PostgreSQL: two servers on one database is normal (more
// replicas), so both must start even when they race to run the migrations on an empty database.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { testDatabasePrefix, withDatabase } from '../../test-support/global-setup';
import {
  httpCall,
  type ServerProcess,
  signIn,
  spawnServer,
  startServer,
  stopAllServers,
} from '../../test-support/server-process';
import { expectStatus, storeKind } from '../../test-support/test-app';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';
import { MIGRATIONS_DIR } from './database';

const lockFile = (dataDir: string) => path.join(dataDir, 'openiop.lock');

describe.runIf(storeKind() === 'embedded')('lockDataDir', () => {
  let dataDir: string;
  let sleeper: ChildProcess | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'openiop-lock-'));
  });

  afterEach(async () => {
    sleeper?.kill('SIGKILL');
    sleeper = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes its pid to the lock file and removes the file on release', () => {
    const lock = lockDataDir(dataDir);
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
  });

  it('takes over a lock left by a process that is gone (a server killed with SIGKILL)', () => {
    const gone = spawnSync(process.execPath, ['-e', '']);
    expect(gone.pid).toBeGreaterThan(0);
    fs.writeFileSync(lockFile(dataDir), String(gone.pid));

    const lock = lockDataDir(dataDir);
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('takes over an empty lock file (a server killed between creating the file and writing its pid)', () => {
    fs.writeFileSync(lockFile(dataDir), '');
    const lock = lockDataDir(dataDir);
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('refuses a lock held by another live process, naming the process and the folder, and leaves it', () => {
    sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)'], { stdio: 'ignore' });
    const holder = sleeper.pid!;
    fs.writeFileSync(lockFile(dataDir), String(holder));

    let refusal: unknown;
    try {
      lockDataDir(dataDir);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as DataDirLockedError).pid).toBe(holder);
    expect((refusal as Error).message).toContain(`Another OpenIOP server (process ${holder})`);
    expect((refusal as Error).message).toContain(dataDir);
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(holder));
  });
});

describe.runIf(storeKind() === 'embedded')('two servers on one embedded data folder', () => {
  let dataDir: string | undefined;

  afterAll(async () => {
    try {
      await stopAllServers();
    } finally {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('the second refuses to start and says why; the first keeps serving; after it stops, a new one starts', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'openiop-two-servers-'));
    const env = { OPENIOP_DATA_DIR: dataDir };
    const first = await startServer({ env });

    const second = await spawnServer({ env });
    const refused = await second.exited;
    expect(refused.code).not.toBe(0);
    expect(refused.signal).toBeNull();
    expect(second.output()).toContain(`Another OpenIOP server (process ${first.pid})`);
    expect(second.output()).toContain(`data folder ${dataDir}`);

    expect((await httpCall(first.url, 'GET', '/healthz')).status).toBe(200);
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(first.pid));

    expect(await first.stop()).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);

    const third = await startServer({ env });
    const sites = await httpCall(third.url, 'GET', '/api/sites', { session: await signIn(third.url) });
    expectStatus(sites, 200);
    expect(sites.body.items).toHaveLength(2);
  }, 240_000);
});

describe.runIf(storeKind() === 'postgresql')('two servers on one PostgreSQL database', () => {
  const adminUrl = inject('pgAdminUrl');
  // This run's prefix, which its global teardown drops: a run that dies here leaves nothing behind.
  const run = inject('pgTemplateDb').replace('openiop_tpl_', '');
  const name = `${testDatabasePrefix(run)}${randomBytes(5).toString('hex')}` as const;
  let created = false;

  afterAll(async () => {
    try {
      await stopAllServers();
    } finally {
      if (created) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  });

  it('both start together on an empty database: the migrations run once and the demo is seeded once', async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    created = true;
    await admin.end();

    // A first boot of two replicas, demo seeding on (the default): both race to migrate and to seed.
    const env = { DATABASE_URL: withDatabase(adminUrl, name) };
    const servers: ServerProcess[] = await Promise.all([startServer({ env }), startServer({ env })]);
    expect(servers.filter((s) => s.output().includes('demo data seeded'))).toHaveLength(1);
    for (const s of servers) {
      const sites = await httpCall(s.url, 'GET', '/api/sites', { session: await signIn(s.url) });
      expectStatus(sites, 200);
      expect(sites.body.items).toHaveLength(2);
    }

    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'));
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>(
        'select count(*)::int as n from drizzle.__drizzle_migrations',
      );
      expect(rows[0]!.n).toBe(journal.entries.length);
    } finally {
      await db.end();
    }
  }, 240_000);
});
