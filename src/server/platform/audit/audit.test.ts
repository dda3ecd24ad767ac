import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { call, createTestApp, expectStatus, login, okBody, storeKind } from '../../test-support/test-app';
import { withTestApp } from '../../test-support/with-test-app';
import { type Database, openDatabase } from '../db/database';
import { auditLog, auditPending, auditSeal } from '../db/platform.table';
import { appendAudit, verifyAuditChain } from './audit';

const run = promisify(execFile);
const s = withTestApp();

/** Edits one row the way an intruder with database access would: around the append-only trigger. */
async function tamper(db: Database, id: string) {
  await db.tx(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await tx.execute(sql`update audit_log set actor_email = 'someone-else@example.org' where id = ${id}`);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });
}

const actor = {
  organizationId: null,
  actorId: null,
  actorEmail: 'test',
  actorRole: 'system',
  sourceAddress: null,
  requestId: null,
};

describe('audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await s.t.db.tx((tx) => appendAudit(tx, actor, [{ action: 'test.event', entity: 'test' }]));
    for (const statement of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      await expect(s.t.db.tx((tx) => tx.execute(statement))).rejects.toThrow();
    }
    expect((await verifyAuditChain(s.t.db)).ok).toBe(true);
  });

  it('rolls back with the change it records', async () => {
    const count = async () =>
      (await s.t.db.tx((tx) => tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditLog)))[0]!.n;
    const before = await count();
    await expect(
      s.t.db.tx(async (tx) => {
        await appendAudit(tx, actor, [{ action: 'test.rolled_back', entity: 'test' }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        s.t.db.tx((tx) =>
          appendAudit(tx, actor, [
            { action: `test.concurrent.${i}`, entity: 'test' },
            { action: 'test.pair', entity: 'test' },
          ]),
        ),
      ),
    );
    const result = await verifyAuditChain(s.t.db);
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.checked).toBeGreaterThanOrEqual(81);
    // Every committed row got its link: nothing is left waiting for the sealer.
    const [waiting] = await s.t.db.tx((tx) =>
      tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditPending),
    );
    expect(waiting!.n).toBe(0);
  });

  it('names a row written around the application as outside the chain', async () => {
    const id = '00000000-0000-4000-8000-00000000a0d1';
    await s.t.db.tx((tx) =>
      tx.execute(sql`insert into audit_log (id, at, action, entity, outcome)
        values (${id}, now(), 'forged.entry', 'test', 'success')`),
    );
    const result = await verifyAuditChain(s.t.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({
      seq: null,
      id,
      reason: 'row is outside the hash chain',
      kind: 'outside_chain',
    });
    // Put the log back in order for the other tests: the forged row joins the chain as the sealer would.
    await s.t.db.tx((tx) => tx.execute(sql`insert into audit_pending (audit_id) values (${id})`));
    expect((await verifyAuditChain(s.t.db)).ok).toBe(true);
  });

  it('admins page and filter it; verification names the first edited row', async () => {
    const admin = await login(s.t.app, 'admin@demo.openiop.org');
    await login(s.t.app, 'nurse@demo.openiop.org');
    const page = await call(
      s.t.app,
      'GET',
      '/api/audit?action=auth.login&actorEmail=nurse@demo.openiop.org',
      {
        session: admin,
      },
    );
    expectStatus(page, 200);
    expect(page.body.total).toBeGreaterThanOrEqual(1);
    expect(page.body.items.every((r: { action: string }) => r.action === 'auth.login')).toBe(true);
    expect(okBody(await call(s.t.app, 'GET', '/api/audit/verify', { session: admin })).ok).toBe(true);

    const target = page.body.items[0]!.id as string;
    const [seal] = await s.t.db.tx((tx) => tx.select().from(auditSeal).where(eq(auditSeal.auditId, target)));
    await tamper(s.t.db, target);
    const verify = await call(s.t.app, 'GET', '/api/audit/verify', { session: admin });
    expect(okBody(verify).ok).toBe(false);
    expect(okBody(verify).firstBroken).toEqual({
      seq: seal!.seq,
      id: target,
      reason: 'row content does not match its hash',
      kind: 'content_changed',
    });
  });
});

describe('npm run audit:verify', () => {
  it('passes on an intact log and fails naming the row edited by hand', async () => {
    let env: Record<string, string>;
    let db: Database;
    let cleanup: () => Promise<void>;
    if (storeKind() === 'embedded') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openiop-audit-'));
      // The run's migrated, seeded template, unpacked into a data folder the CLI can open.
      const template = new Blob([fs.readFileSync(inject('pgliteTemplatePath'))]);
      db = await openDatabase({ kind: 'embedded', dataDir: dir, loadDataDir: template });
      env = { OPENIOP_DATA_DIR: dir };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const copy = await createTestApp();
      db = copy.db;
      env = { DATABASE_URL: copy.dbUrl!, OPENIOP_DATA_DIR: copy.dataDir };
      cleanup = () => copy.close();
    }
    try {
      await db.tx((tx) =>
        appendAudit(
          tx,
          actor,
          [1, 2, 3].map((i) => ({ action: `test.cli.${i}`, entity: 'test' })),
        ),
      );
      const [row] = await db.tx((tx) =>
        tx.select().from(auditLog).where(sql`${auditLog.action} = 'test.cli.2'`),
      );
      const cliEnv = { ...process.env, ...env, LOG_LEVEL: 'silent' };
      const cli = () => run('npm', ['run', '--silent', 'audit:verify'], { env: cliEnv, cwd: process.cwd() });
      if (storeKind() === 'embedded') await db.close(); // the CLI takes the data folder's lock
      const ok = await cli();
      expect(ok.stdout).toMatch(/Audit chain verified: \d+ rows/);

      const edited =
        storeKind() === 'embedded'
          ? await openDatabase({ kind: 'embedded', dataDir: env.OPENIOP_DATA_DIR! })
          : db;
      await tamper(edited, row!.id);
      if (storeKind() === 'embedded') await edited.close();
      const failed = await cli().then(
        () => null,
        (err: { code: number; stderr: string }) => err,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(/at row seq \d+/);
      expect(failed?.stderr).toContain(row!.id);
    } finally {
      await cleanup();
    }
  }, 180_000);
});
