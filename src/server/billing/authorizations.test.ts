import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organizations } from '../platform/db/platform.table';
import { admit, ifMatch } from '../test-support/clinical-fixtures';
import { call, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { charges } from './billing.table';

const s = withTestApp(
  {
    billing: 'billing@demo.openiop.org',
    clinician: 'clinician@demo.openiop.org',
    director: 'director@demo.openiop.org',
    frontDesk: 'frontdesk@demo.openiop.org', // South only
  },
  { clockAt: '2026-01-09T15:00:00Z' },
);
let episodeId: string;
let coverageId: string;
let organizationId: string;

beforeAll(async () => {
  // Friday 9 January 2026, 09:00 in Chicago.
  organizationId = (await s.t.db.tx((tx) => tx.select().from(organizations)))[0]!.id;
  episodeId = (await admit(s.t, s.director, s.ids.bell, s.ids.northAdultIop)).body.id;
  const coverages = await call(s.t.app, 'GET', `/api/patients/${s.ids.bell}/coverages`, {
    session: s.billing,
  });
  coverageId = okBody(coverages).items[0]!.id;
});

const path = () => `/api/patients/${s.ids.bell}/authorizations` as const;
const body = (overrides: Record<string, unknown> = {}) => ({
  episodeId,
  coverageId,
  levelOfCare: '2.1',
  authorizationNumber: 'PA-55120',
  serviceCodes: ['H0015'],
  unitsRequested: 5,
  unitsApproved: 5,
  from: '2026-01-05',
  through: '2026-01-11',
  status: 'approved',
  payerContact: 'Portal, ref 88121',
  ...overrides,
});

async function record(overrides: Record<string, unknown> = {}) {
  const res = await call(s.t.app, 'POST', path(), { session: s.billing, body: body(overrides) });
  expectStatus(res, 201);
  return res.body;
}

/** A live charge drawing `units` on an authorization, as charge generation writes one. */
async function chargeOn(authorizationId: string, serviceDate: string, units = 1) {
  await s.t.db.tx((tx) =>
    tx.insert(charges).values({
      organizationId,
      siteId: s.ids.north,
      patientId: s.ids.bell,
      episodeId,
      programId: s.ids.northAdultIop,
      serviceDate,
      code: 'H0015',
      units,
      amountCents: 42000,
      serviceIds: [],
      coverageId,
      authorizationId,
      status: 'queued',
    }),
  );
}

describe('authorizations', () => {
  it('billing records an approval: the payer, units used and left, and an alert as the end nears', async () => {
    const created = await record();
    expect(created).toMatchObject({
      payerName: 'Lakeshore Health Plan (demo)',
      unitsApproved: 5,
      unitsUsed: 0,
      unitsRemaining: 5,
      from: '2026-01-05',
      through: '2026-01-11',
      // Friday the 9th: the 11th is two days away.
      alerts: ['expires_soon'],
    });
    const audited = await s.t.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'authorization.create'), eq(auditLog.entityId, created.id))),
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]!.patientId).toBe(s.ids.bell);
  });

  it('units used are counted from live charges, never typed; a cut below them is refused', async () => {
    const created = await record({
      authorizationNumber: 'PA-2',
      serviceCodes: ['90853'],
      unitsApproved: 4,
      from: '2026-01-12',
      through: '2026-01-25',
    });
    await chargeOn(created.id, '2026-01-12');
    await chargeOn(created.id, '2026-01-13');
    await chargeOn(created.id, '2026-01-14');
    const list = await call(s.t.app, 'GET', path(), { session: s.clinician });
    expectStatus(list, 200);
    const shown = list.body.items.find((a: { id: string }) => a.id === created.id);
    expect(shown).toMatchObject({ unitsUsed: 3, unitsRemaining: 1, alerts: ['units_low'] });

    const cut = await call(s.t.app, 'PUT', `${path()}/${created.id}`, {
      session: s.billing,
      body: body({
        authorizationNumber: 'PA-2',
        serviceCodes: ['90853'],
        unitsApproved: 2,
        from: '2026-01-12',
        through: '2026-01-25',
      }),
      headers: ifMatch(created.version),
    });
    expectStatus(cut, 422);
    expect(cut.body.error.fields).toEqual([
      { path: 'unitsApproved', message: 'charges already use 3 units' },
    ]);
  });

  it('an overlapping authorization for the same service is refused, naming the one it overlaps', async () => {
    const first = await record({
      authorizationNumber: 'PA-3',
      serviceCodes: ['S9480'],
      from: '2026-02-02',
      through: '2026-02-08',
    });
    const overlapping = await call(s.t.app, 'POST', path(), {
      session: s.billing,
      body: body({
        authorizationNumber: 'PA-4',
        serviceCodes: ['S9480'],
        from: '2026-02-08',
        through: '2026-02-15',
      }),
    });
    expectStatus(overlapping, 422);
    expect(overlapping.body.error.fields[0]?.path).toBe('from');
    expect(overlapping.body.error.fields[0]?.message).toContain('PA-3');
    const next = await call(s.t.app, 'POST', path(), {
      session: s.billing,
      body: body({
        authorizationNumber: 'PA-4',
        serviceCodes: ['S9480'],
        from: '2026-02-09',
        through: '2026-02-15',
      }),
    });
    expectStatus(next, 201);
    expect(first.id).not.toBe(next.body.id);
  });

  it('a request becomes an approval with the version read; a stale change is refused', async () => {
    const requested = await record({
      authorizationNumber: null,
      serviceCodes: ['H0005'],
      unitsApproved: 0,
      status: 'requested',
      from: '2026-03-02',
      through: '2026-03-15',
    });
    expect(requested).toMatchObject({ status: 'requested', unitsRemaining: 0, alerts: [] });
    const approve = body({
      authorizationNumber: 'PA-9',
      serviceCodes: ['H0005'],
      unitsApproved: 6,
      status: 'partially_approved',
      from: '2026-03-02',
      through: '2026-03-15',
    });
    const url = `${path()}/${requested.id}` as const;
    expect((await call(s.t.app, 'PUT', url, { session: s.billing, body: approve })).status).toBe(428);
    const approved = await call(s.t.app, 'PUT', url, {
      session: s.billing,
      body: approve,
      headers: ifMatch(1),
    });
    expectStatus(approved, 200);
    expect(approved.body).toMatchObject({ status: 'partially_approved', unitsRemaining: 6, version: 2 });
    expect(
      (await call(s.t.app, 'PUT', url, { session: s.billing, body: approve, headers: ifMatch(1) })).status,
    ).toBe(409);
  });

  it('bad input is named field by field', async () => {
    const res = await call(s.t.app, 'POST', path(), {
      session: s.billing,
      body: body({
        levelOfCare: '9.9',
        serviceCodes: ['H15'],
        status: 'approved',
        unitsApproved: -1,
        from: '2026-02-30',
      }),
    });
    expectStatus(res, 422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'from',
      'serviceCodes.0',
      'unitsApproved',
    ]);
    const approvedWithoutNumber = await call(s.t.app, 'POST', path(), {
      session: s.billing,
      body: body({
        levelOfCare: '9.9',
        authorizationNumber: null,
        from: '2026-04-06',
        through: '2026-04-01',
      }),
    });
    expectStatus(approvedWithoutNumber, 422);
    expect(approvedWithoutNumber.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'levelOfCare',
    ]);
    const notThisPatients = await call(s.t.app, 'POST', path(), {
      session: s.billing,
      body: body({ episodeId: coverageId, from: '2026-04-06', through: '2026-04-12' }),
    });
    expectStatus(notThisPatients, 422);
    expect(notThisPatients.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['episodeId']);
    const backwards = await call(s.t.app, 'POST', path(), {
      session: s.billing,
      body: body({ authorizationNumber: null, from: '2026-04-06', through: '2026-04-01' }),
    });
    expectStatus(backwards, 422);
    expect(backwards.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'through',
      'authorizationNumber',
    ]);
  });

  it('a clinician reads but may not record; the front desk of another site reaches nothing', async () => {
    const byClinician = await call(s.t.app, 'POST', path(), { session: s.clinician, body: body() });
    expectStatus(byClinician, 403);
    expect((await call(s.t.app, 'GET', path(), { session: s.frontDesk })).status).toBe(403);
  });
});
