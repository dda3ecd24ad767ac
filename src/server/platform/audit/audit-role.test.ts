import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  expectStatus,
  login,
  storeKind,
  type TestApp,
} from '../../test-support/test-app';
import { auditRoleProblems } from './audit-role';

const onPostgres = storeKind() === 'postgresql';

describe.runIf(onPostgres)('the server role on PostgreSQL may only read and append the audit trail', () => {
  let t: TestApp;
  let owner: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { asServerRole: true });
    owner = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
    await owner?.close();
  });

  it('cannot disable the append-only triggers', async () => {
    await expect(
      t.db.tx((tx) => tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`)),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/must be owner/) }),
    });
    await expect(
      t.db.tx((tx) => tx.execute(sql`alter table audit_seal disable trigger all`)),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/must be owner/) }),
    });
  });

  it.each([
    ['delete from audit_seal where seq = (select max(seq) from audit_seal)'],
    ['delete from audit_log'],
    ['update audit_seal set hash = hash'],
    ['truncate audit_log cascade'],
  ])('is refused: %s', async (statement) => {
    await expect(t.db.tx((tx) => tx.execute(sql.raw(statement)))).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/permission denied/) }),
    });
  });

  it('still does the day’s work: sign-in, audited reads, sealing, verification', async () => {
    const admin = await login(t.app, 'admin@demo.openiop.org');
    const verify = await call(t.app, 'GET', '/api/audit/verify', { session: admin });
    expectStatus(verify, 200);
    expect(verify.body).toMatchObject({ ok: true, findings: [] });
    expect(await auditRoleProblems(t.db)).toEqual([]);
  });

  it('the start-up check names what an owner role could do', async () => {
    const problems = await auditRoleProblems(owner.db);
    expect(problems).toContainEqual(
      expect.stringMatching(/superuser: it can disable the triggers on audit_log/),
    );
  });
});

describe.runIf(!onPostgres)('the embedded store', () => {
  it('has one user, so the start-up check has nothing to say', async () => {
    const t = await createTestApp();
    try {
      expect(await auditRoleProblems(t.db)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
