import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase, storeKind, testClock } from '../../test-support/test-app';
import { type Database, openDatabase } from '../db/database';
import { createLogger } from '../logging';
import { type JobDefinition, type JobRunner, occurrenceJobId, startJobs, UnknownJobError } from './jobs';

/**
 * Background jobs on both stores: a job runs once, a failing one is retried, a queued one survives a
 * restart of the store, cron occurrences follow the server's (moved) clock, and on PostgreSQL two runners
 * on one database run each job once. PostgreSQL runs as the server's restricted role (the grants).
 */
const logger = createLogger('silent');
const opened: { close(): Promise<void> }[] = [];

/** A store that can be closed and opened again on the same data (a server restart). */
type Store = { db: Database; reopen(): Promise<Database>; second(): Promise<Database> };
let store: Store;
let dataDir: string | undefined;

beforeAll(async () => {
  if (storeKind() === 'embedded') {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openiop-jobs-'));
    const db = await openDatabase({
      kind: 'embedded',
      dataDir,
      loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplatePath'))]),
    });
    store = {
      db,
      reopen: async () => {
        await store.db.close();
        store.db = await openDatabase({ kind: 'embedded', dataDir: dataDir! });
        return store.db;
      },
      second: () => Promise.reject(new Error('one process per data folder')),
    };
    opened.push({ close: () => store.db.close() });
    return;
  }
  const t = await openTestDatabase({ asServerRole: true });
  const reopenAt = () => openDatabase({ kind: 'postgresql', url: t.url!, ownerUrl: t.ownerUrl, poolSize: 3 });
  store = {
    db: t.db,
    reopen: async () => {
      await store.db.close();
      store.db = await reopenAt();
      return store.db;
    },
    second: async () => {
      const db = await reopenAt();
      opened.push(db);
      return db;
    },
  };
  opened.push({ close: () => t.drop() });
});

afterAll(async () => {
  for (const o of opened.reverse()) await o.close().catch(() => undefined);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const runners: JobRunner[] = [];
async function runner(db: Database, definitions: JobDefinition[], now = () => new Date()) {
  const r = await startJobs({ db, now, logger }, definitions);
  runners.push(r);
  return r;
}
afterAll(async () => {
  for (const r of runners) await r.stop().catch(() => undefined);
});

async function jobState(db: Database, name: string, id: string) {
  const { rows } = await db.runSql(
    'select state, retry_count as "retryCount", output from pgboss.job where name = $1 and id = $2',
    [name, id],
  );
  return rows[0] as { state: string; retryCount: number; output: unknown } | undefined;
}

describe('a job', () => {
  it('runs once with its data, and the pass after it finds nothing to do', async () => {
    const seen: unknown[] = [];
    const jobs = await runner(store.db, [
      {
        name: 'test.records',
        run: async (ctx, data) => {
          seen.push({ data, hasDb: ctx.db === store.db, id: ctx.jobId });
        },
      },
    ]);
    const id = await jobs.send('test.records', { n: 1 });
    expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 });
    expect(seen).toEqual([{ data: { n: 1 }, hasDb: true, id }]);
    expect((await jobState(store.db, 'test.records', id!))?.state).toBe('completed');
    expect(await jobs.runDueNow()).toEqual({ ran: 0, failed: 0 });
    await jobs.stop();
  });

  it("runs as background work: its statements are not counted as a request's", async () => {
    const jobs = await runner(store.db, [
      {
        name: 'test.background',
        run: async (ctx) => {
          await ctx.db.tx((tx) => tx.execute(sql`select 1`));
        },
      },
    ]);
    await jobs.send('test.background');
    const before = store.db.queryCount();
    expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 });
    expect(store.db.queryCount()).toBe(before);
    await expect(jobs.send('test.not-defined')).rejects.toBeInstanceOf(UnknownJobError);
    await jobs.stop();
  });

  it('that fails is retried, and completes when an attempt succeeds', async () => {
    let attempts = 0;
    const jobs = await runner(store.db, [
      {
        name: 'test.flaky',
        retryLimit: 2,
        run: async () => {
          attempts++;
          if (attempts < 3) throw new Error('not yet');
        },
      },
    ]);
    const id = await jobs.send('test.flaky');
    expect(await jobs.runDueNow()).toEqual({ ran: 3, failed: 2 });
    expect(await jobState(store.db, 'test.flaky', id!)).toMatchObject({ state: 'completed', retryCount: 2 });
    await jobs.stop();
  });

  it('that keeps failing stops at its retry limit, with the error class (never the message) kept', async () => {
    const jobs = await runner(store.db, [
      {
        name: 'test.broken',
        retryLimit: 1,
        run: async () => {
          throw new RangeError('patient name would be here');
        },
      },
    ]);
    const id = await jobs.send('test.broken');
    expect(await jobs.runDueNow()).toEqual({ ran: 2, failed: 2 });
    const row = await jobState(store.db, 'test.broken', id!);
    expect(row?.state).toBe('failed');
    expect(JSON.stringify(row?.output)).toContain('RangeError');
    expect(JSON.stringify(row?.output)).not.toContain('patient name');
    expect(await jobs.runDueNow()).toEqual({ ran: 0, failed: 0 });
    await jobs.stop();
  });

  it('with a retry delay waits for it: the next pass does not run it again', async () => {
    const jobs = await runner(store.db, [
      {
        name: 'test.delayed-retry',
        retryLimit: 3,
        retryDelaySeconds: 3600,
        run: async () => {
          throw new Error('down');
        },
      },
    ]);
    const id = await jobs.send('test.delayed-retry');
    expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 1 });
    expect(await jobs.runDueNow()).toEqual({ ran: 0, failed: 0 });
    expect((await jobState(store.db, 'test.delayed-retry', id!))?.state).toBe('retry');
    await jobs.stop();
  });

  it('queued before a restart runs after it', async () => {
    let ran = 0;
    const definition: JobDefinition = {
      name: 'test.survivor',
      run: async () => {
        ran++;
      },
    };
    const before = await runner(store.db, [definition]);
    const id = await before.send('test.survivor');
    await before.stop();
    const db = await store.reopen();
    const after = await runner(db, [definition]);
    expect(await after.runDueNow()).toEqual({ ran: 1, failed: 0 });
    expect(ran).toBe(1);
    expect((await jobState(db, 'test.survivor', id!))?.state).toBe('completed');
    await after.stop();
  });
});

describe('a cron job on the server clock', () => {
  it('runs when an occurrence comes due on the moved clock, once per occurrence, missed ones collapsed', async () => {
    const clock = testClock(new Date('2026-03-09T10:30:00Z'));
    const runs: string[] = [];
    const jobs = await runner(
      store.db,
      [
        {
          name: 'test.hourly',
          cron: '0 * * * *',
          run: async (ctx) => {
            runs.push(ctx.now().toISOString());
          },
        },
      ],
      clock.now,
    );
    expect(await jobs.runDueNow()).toEqual({ ran: 0, failed: 0 });
    clock.advance(30 * 60 + 1);
    expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 });
    expect(await jobs.runDueNow()).toEqual({ ran: 0, failed: 0 });
    clock.advance(3 * 3600);
    expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 });
    expect(runs).toEqual(['2026-03-09T11:00:01.000Z', '2026-03-09T14:00:01.000Z']);
    await jobs.stop();
  });

  it('with runAtStart runs the occurrence in progress at start, unless a runner already ran it', async () => {
    const clock = testClock(new Date('2026-03-10T08:20:00Z'));
    let ran = 0;
    const definition: JobDefinition = {
      name: 'test.at-start',
      cron: '0 * * * *',
      runAtStart: true,
      run: async () => {
        ran++;
      },
    };
    const first = await runner(store.db, [definition], clock.now);
    expect(await first.runDueNow()).toEqual({ ran: 1, failed: 0 });
    const id = occurrenceJobId('test.at-start', new Date('2026-03-10T08:00:00Z'));
    expect((await jobState(store.db, 'test.at-start', id))?.state).toBe('completed');
    await first.stop();
    clock.advance(10 * 60);
    const again = await runner(store.db, [definition], clock.now);
    expect(await again.runDueNow()).toEqual({ ran: 0, failed: 0 });
    expect(ran).toBe(1);
    await again.stop();
  });
});

// The embedded store is one process per data folder by design (the data-folder lock refuses a second
// server; data-dir-lock.test.ts), so several runners on one database exist only on PostgreSQL.
describe.runIf(storeKind() === 'postgresql')('two runners on one PostgreSQL database', () => {
  it('run a cron occurrence once, and each queued job once', async () => {
    const clock = testClock(new Date('2026-03-11T12:00:05Z'));
    const ran: string[] = [];
    const definitions: JobDefinition[] = [
      {
        name: 'test.singleton',
        cron: '0 * * * *',
        runAtStart: true,
        run: async (ctx) => {
          ran.push(`cron ${ctx.jobId}`);
        },
      },
      {
        name: 'test.shared',
        run: async (ctx) => {
          await new Promise((r) => setTimeout(r, 5));
          ran.push(`shared ${ctx.jobId}`);
        },
      },
    ];
    const a = await runner(store.db, definitions, clock.now);
    const b = await runner(await store.second(), definitions, clock.now);
    const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => a.send('test.shared', { i })));
    const [passA, passB] = await Promise.all([a.runDueNow(), b.runDueNow()]);
    expect(passA.ran + passB.ran).toBe(9);
    expect(ran.filter((r) => r.startsWith('cron'))).toHaveLength(1);
    expect(ran.filter((r) => r.startsWith('shared')).sort()).toEqual(sent.map((id) => `shared ${id}`).sort());
    await a.stop();
    await b.stop();
  });
});
