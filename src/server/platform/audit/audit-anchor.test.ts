import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import {
  call,
  createTestApp,
  expectStatus,
  login,
  openTestDatabase,
  storeKind,
} from '../../test-support/test-app';
import { withTestApp } from '../../test-support/with-test-app';
import { loadConfig } from '../config';
import { type Database, openDatabase } from '../db/database';
import { auditLog, auditSeal } from '../db/platform.table';
import { anchorAuditChain, appendAudit, auditRowHash, sealAuditLog, verifyAuditChain } from './audit';
import { openAuditAnchor, readCheckpoints } from './audit-anchor';

const run = promisify(execFile);
const actor = {
  organizationId: null,
  actorId: null,
  actorEmail: 'test',
  actorRole: 'system',
  sourceAddress: null,
  requestId: null,
};

async function write(db: Database, actions: string[]) {
  await db.tx((tx) =>
    appendAudit(
      tx,
      actor,
      actions.map((action) => ({ action, entity: 'test' })),
    ),
  );
  await sealAuditLog(db);
}

/** As the tables' owner would, around the triggers: cut the newest `n` rows with their seals. */
async function cutNewest(db: Database, n: number) {
  await db.tx(async (tx) => {
    await tx.execute(sql`alter table audit_seal disable trigger audit_seal_no_update`);
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await tx.execute(sql`with gone as (delete from audit_seal where seq in
        (select seq from audit_seal order by seq desc limit ${n}) returning audit_id)
      delete from audit_log where id in (select audit_id from gone)`);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    await tx.execute(sql`alter table audit_seal enable trigger audit_seal_no_update`);
  });
}

/** Rewrites the newest row and re-hashes its seal with the published algorithm, as a forger without the key. */
async function forgeNewest(db: Database, alg: 'sha256' | 'hmac-sha256') {
  await db.tx(async (tx) => {
    const [seal] = await tx.select().from(auditSeal).orderBy(desc(auditSeal.seq)).limit(1);
    const [row] = await tx.select().from(auditLog).where(eq(auditLog.id, seal!.auditId));
    const { id: _id, ...content } = row!;
    const forged = { ...content, actorEmail: 'nobody@example.org' };
    const hash = auditRowHash({ ...forged, seq: seal!.seq, prevHash: seal!.prevHash });
    await tx.execute(sql`alter table audit_seal disable trigger audit_seal_no_update`);
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await tx.execute(sql`update audit_log set actor_email = 'nobody@example.org' where id = ${row!.id}`);
    await tx.execute(sql`update audit_seal set hash = ${hash}, alg = ${alg} where seq = ${seal!.seq}`);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    await tx.execute(sql`alter table audit_seal enable trigger audit_seal_no_update`);
  });
}

describe('the audit chain is anchored outside the database', () => {
  const s = withTestApp();

  it('seals with the key, from a key file readable only by the server, and writes signed checkpoints', async () => {
    await write(s.t.db, ['test.keyed.1', 'test.keyed.2']);
    const keyFile = path.join(s.t.dataDir, 'audit.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const [newest] = await s.t.db.tx((tx) =>
      tx.select().from(auditSeal).orderBy(desc(auditSeal.seq)).limit(1),
    );
    expect(newest!.alg).toBe('hmac-sha256');
    const { checkpoints } = readCheckpoints(openAuditAnchor(s.t.deps.config, { create: false }));
    expect(checkpoints.at(-1)).toMatchObject({ seq: newest!.seq, hash: newest!.hash });
    const result = await verifyAuditChain(s.t.db);
    expect(result).toMatchObject({ ok: true, findings: [] });
    expect(result.keyedRows).toBeGreaterThanOrEqual(2);
  });

  it('still verifies a log sealed before the key (an upgraded clinic)', async () => {
    const store = await openTestDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openiop-upgrade-'));
    try {
      await write(store.db, ['test.before_key.1', 'test.before_key.2']);
      anchorAuditChain(store.db, openAuditAnchor(loadConfig({ OPENIOP_DATA_DIR: dir }), { create: true }));
      await write(store.db, ['test.after_key.1']);
      const result = await verifyAuditChain(store.db);
      expect(result).toMatchObject({ ok: true, findings: [] });
      expect(result.keyedRows).toBe(1);
      expect(result.checked).toBeGreaterThanOrEqual(3);
    } finally {
      await store.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a forged row re-hashed with the published algorithm', async () => {
    await write(s.t.db, ['test.forge.1']);
    await forgeNewest(s.t.db, 'hmac-sha256');
    const admin = await login(s.t.app, 'admin@demo.openiop.org');
    const verify = await call(s.t.app, 'GET', '/api/audit/verify', { session: admin });
    expectStatus(verify, 200);
    expect(verify.body.ok).toBe(false);
    expect(verify.body.findings).toContainEqual(
      expect.objectContaining({ kind: 'forged', reason: 'seal re-hashed without the audit key (forged)' }),
    );
  });
});

describe('a seal labelled with the unkeyed algorithm after keyed seals is forged', () => {
  const s = withTestApp();

  it('names it', async () => {
    await write(s.t.db, ['test.unkeyed.1', 'test.unkeyed.2']);
    await forgeNewest(s.t.db, 'sha256');
    const result = await verifyAuditChain(s.t.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({
      kind: 'forged',
      reason: 'seal made without the audit key after keyed seals began (forged)',
    });
  });
});

describe('npm run audit:verify against the checkpoints', () => {
  it('detects the newest rows cut by the owner and says how many', async () => {
    let db: Database;
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    if (storeKind() === 'embedded') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openiop-anchor-'));
      const template = new Blob([fs.readFileSync(inject('pgliteTemplatePath'))]);
      db = await openDatabase({ kind: 'embedded', dataDir: dir, loadDataDir: template });
      anchorAuditChain(db, openAuditAnchor(loadConfig({ OPENIOP_DATA_DIR: dir }), { create: true }));
      env = { OPENIOP_DATA_DIR: dir };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const copy = await createTestApp();
      db = copy.db;
      env = { DATABASE_URL: copy.dbUrl!, OPENIOP_DATA_DIR: copy.dataDir };
      cleanup = () => copy.close();
    }
    try {
      await write(db, ['test.cut.1', 'test.cut.2', 'test.cut.3']);
      await cutNewest(db, 2);
      const direct = await verifyAuditChain(db);
      expect(direct.ok).toBe(false);
      expect(direct.findings).toContainEqual(expect.objectContaining({ kind: 'truncated' }));
      if (storeKind() === 'embedded') await db.close(); // the CLI takes the data folder's lock
      const cliEnv = { ...process.env, ...env, LOG_LEVEL: 'silent' };
      const failed = await run('npm', ['run', '--silent', 'audit:verify'], { env: cliEnv }).then(
        () => null,
        (err: { code: number; stderr: string }) => err,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(
        /truncated: the checkpoint of \S+ names seq \d+, the database ends at seq \d+ \(2 newest rows missing\)/,
      );
    } finally {
      await cleanup();
    }
  }, 180_000);
});
