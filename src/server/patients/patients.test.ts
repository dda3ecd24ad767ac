import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sites } from '../platform/db/platform.table';
import { call, errorOf, expectStatus, login, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { patients } from './patients.table';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // Riverbend North only
  director: 'director@demo.openiop.org', // both sites
});
let north: string;
let south: string;
let okafor: string; // North
let cho: string; // South

beforeAll(async () => {
  await s.t.db.tx(async (tx) => {
    for (const s of await tx.select().from(sites))
      if (s.name.endsWith('North')) north = s.id;
      else south = s.id;
    okafor = (await tx.select().from(patients).where(eq(patients.familyName, 'Okafor')))[0]!.id;
    cho = (await tx.select().from(patients).where(eq(patients.familyName, 'Cho')))[0]!.id;
  });
});

const auditRows = (action: string, patientId: string) =>
  s.t.db.tx((tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.patientId, patientId))),
  );

describe('census', () => {
  it.each([
    ['family name, any case', 'okafor', ['Okafor']],
    ['part of a name', 'ama', ['Okafor']],
    ['preferred name', 'Jo', ['Rivera']],
    ['date of birth ISO', '1979-11-02', ['Okafor']],
    ['date of birth US', '11/2/1979', ['Okafor']],
    ['MRN', 'RB1002', ['Okafor']],
    ['another site’s patient is not listed', 'Cho', []],
  ])('finds by %s', async (_label, q, families) => {
    const res = await call(s.t.app, 'GET', `/api/sites/${north}/patients?q=${encodeURIComponent(q)}`, {
      session: s.clinician,
    });
    expectStatus(res, 200);
    expect(res.body.items.map((p: { familyName: string }) => p.familyName)).toEqual(families);
  });

  it('pages through the whole site in name order', async () => {
    const first = await call(s.t.app, 'GET', `/api/sites/${north}/patients?pageSize=5`, {
      session: s.clinician,
    });
    const rest = await call(s.t.app, 'GET', `/api/sites/${north}/patients?pageSize=5&page=2`, {
      session: s.clinician,
    });
    expect(okBody(first).total).toBe(12);
    expect(okBody(first).items).toHaveLength(5);
    const names = [...okBody(first).items, ...okBody(rest).items].map(
      (p: { familyName: string }) => p.familyName,
    );
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(new Set(names).size).toBe(10);
  });

  it('writes one audit row for each patient shown', async () => {
    const before = (await auditRows('patient.list', okafor)).length;
    await call(s.t.app, 'GET', `/api/sites/${north}/patients?q=Okafor`, { session: s.clinician });
    expect((await auditRows('patient.list', okafor)).length).toBe(before + 1);
  });
});

describe('access to a patient', () => {
  it('a clinician of site A gets 403 for a patient of site B, and the refusal is audited', async () => {
    const res = await call(s.t.app, 'GET', `/api/patients/${cho}`, { session: s.clinician });
    expectStatus(res, 403);
    expect(res.body.error.code).toBe('patient_outside_site');
    const denied = await auditRows('access.denied', cho);
    expect(denied.at(-1)).toMatchObject({ outcome: 'denied', actorEmail: 'clinician@demo.openiop.org' });
  });

  it('break-glass needs a reason, opens 1 hour of access, and is flagged in the audit log', async () => {
    const noReason = await call(s.t.app, 'POST', `/api/patients/${cho}/break-glass`, {
      session: s.clinician,
      body: { reason: 'x' },
    });
    expectStatus(noReason, 422);
    expect(noReason.body.error.fields[0]?.path).toBe('reason');
    const grant = await call(s.t.app, 'POST', `/api/patients/${cho}/break-glass`, {
      session: s.clinician,
      body: { reason: 'Patient arrived at North in crisis; need emergency contact' },
    });
    expectStatus(grant, 201);
    const read = await call(s.t.app, 'GET', `/api/patients/${cho}`, { session: s.clinician });
    expectStatus(read, 200);
    expect(read.body.familyName).toBe('Cho');
    expect(read.headers.get('openiop-access')).toBe('break-glass');
    const [bg] = await auditRows('patient.break_glass', cho);
    expect(bg!.detail).toMatchObject({ reviewRequired: true });
    expect((await auditRows('patient.read', cho)).at(-1)!.detail).toEqual({
      breakGlass: true,
      breakGlassGrantId: grant.body.id,
    });
    s.t.clock.advance(60 * 60 + 1);
    const clinicianAgain = await login(s.t.app, 'clinician@demo.openiop.org');
    expect((await call(s.t.app, 'GET', `/api/patients/${cho}`, { session: clinicianAgain })).status).toBe(
      403,
    );
    s.clinician = clinicianAgain;
    s.director = await login(s.t.app, 'director@demo.openiop.org'); // the hour also ended the idle session
  });

  it('a patient account reads only its own record', async () => {
    const patient = await login(s.t.app, 'patient@demo.openiop.org');
    expect((await call(s.t.app, 'GET', `/api/patients/${okafor}`, { session: patient })).status).toBe(403);
    expect((await call(s.t.app, 'GET', `/api/sites/${north}/patients`, { session: patient })).status).toBe(
      403,
    );
    const me = await call(s.t.app, 'GET', '/api/portal/me', { session: patient });
    expectStatus(me, 200);
    expect(me.body.patient.familyName).toBe('Rivera');
    expect(me.body.program?.helpLine).toMatch(/any hour/);
  });

  it('every read is in the audit log with who, role, patient and source', async () => {
    const before = (await auditRows('patient.read', okafor)).length;
    await call(s.t.app, 'GET', `/api/patients/${okafor}`, { session: s.director });
    const rows = await auditRows('patient.read', okafor);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actorEmail: 'director@demo.openiop.org',
      actorRole: 'program_director',
      outcome: 'success',
      entity: 'patient',
    });
  });
});

describe('create and update', () => {
  const newPatient = { givenName: 'Riley', familyName: 'Idempotent', dateOfBirth: '1993-05-06' };

  it('assigns the next MRN and replays the first answer for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'create-riley-1' };
    const [a, b] = await Promise.all([
      call(s.t.app, 'POST', `/api/sites/${north}/patients`, {
        session: s.director,
        body: newPatient,
        headers,
      }),
      call(s.t.app, 'POST', `/api/sites/${north}/patients`, {
        session: s.director,
        body: newPatient,
        headers,
      }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(okBody(a).id).toBe(okBody(b).id);
    expect(okBody(a).mrn).toMatch(/^RB\d+$/);
    const count = await s.t.db.tx((tx) =>
      tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(patients)
        .where(eq(patients.familyName, 'Idempotent')),
    );
    expect(count[0]!.n).toBe(1);
    const reused = await call(s.t.app, 'POST', `/api/sites/${north}/patients`, {
      session: s.director,
      body: { ...newPatient, givenName: 'Someone Else' },
      headers,
    });
    expectStatus(reused, 422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('creating at a site one does not belong to is refused', async () => {
    const res = await call(s.t.app, 'POST', `/api/sites/${south}/patients`, {
      session: s.clinician,
      body: newPatient,
    });
    expectStatus(res, 403);
  });

  it('updates carry the version: stale If-Match → 409 with the current version, nothing lost', async () => {
    const read = await call(s.t.app, 'GET', `/api/patients/${okafor}`, { session: s.director });
    const etag = read.headers.get('etag')!;
    expect(etag).toBe(`"${okBody(read).version}"`);
    const [x, y] = await Promise.all([
      call(s.t.app, 'PATCH', `/api/patients/${okafor}`, {
        session: s.director,
        body: { pronouns: 'she/they' },
        headers: { 'if-match': etag },
      }),
      call(s.t.app, 'PATCH', `/api/patients/${okafor}`, {
        session: s.clinician,
        body: { language: 'Igbo' },
        headers: { 'if-match': etag },
      }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const loser = x.status === 409 ? x : y;
    expect(errorOf(loser).code).toBe('version_conflict');
    expect(loser.body).toHaveProperty('error.currentVersion', okBody(read).version + 1);
    const after = await call(s.t.app, 'GET', `/api/patients/${okafor}`, { session: s.director });
    expect(okBody(after).version).toBe(okBody(read).version + 1);
    expect(okBody(after).pronouns === 'she/they' || okBody(after).language === 'Igbo').toBe(true);
  });
});

describe('portal invitation', () => {
  it('a one-time link creates the account, which then sees only its own profile', async () => {
    const invite = await call(s.t.app, 'POST', `/api/patients/${okafor}/portal-invitations`, {
      session: s.director,
    });
    expectStatus(invite, 201);
    const token = invite.body.inviteUrl.split('/').pop();
    const check = await call(s.t.app, 'GET', `/api/portal/invitations/${token}`);
    expect(okBody(check).givenName).toBe('Amara');
    const weak = await call(s.t.app, 'POST', `/api/portal/invitations/${token}/accept`, {
      body: { email: 'amara@example.org', password: 'short' },
    });
    expectStatus(weak, 422);
    expect(weak.body.error.fields[0]?.path).toBe('password');
    const accept = await call(s.t.app, 'POST', `/api/portal/invitations/${token}/accept`, {
      body: { email: 'amara@example.org', password: 'amara-long-password' },
    });
    expectStatus(accept, 200);
    const amara = await login(s.t.app, 'amara@example.org', 'amara-long-password');
    const me = await call(s.t.app, 'GET', '/api/portal/me', { session: amara });
    expect(okBody(me).patient.familyName).toBe('Okafor');
    expect((await call(s.t.app, 'GET', `/api/patients/${cho}`, { session: amara })).status).toBe(403);
    const reuse = await call(s.t.app, 'POST', `/api/portal/invitations/${token}/accept`, {
      body: { email: 'other@example.org', password: 'another-long-password' },
    });
    expectStatus(reuse, 404);
    expect(reuse.body.error.code).toBe('invitation_invalid');
  });
});
