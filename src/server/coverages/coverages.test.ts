import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../platform/db/platform.table';
import { ifMatch } from '../test-support/clinical-fixtures';
import { call, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  billing: 'billing@demo.openiop.org',
  intake: 'intake@demo.openiop.org',
  clinician: 'clinician@demo.openiop.org',
  frontDesk: 'frontdesk@demo.openiop.org', // South only
});

let codeSeq = 0;
const payerBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Prairie Mutual',
  payerCode: `PRM${++codeSeq}${Date.now() % 100000}`,
  claimType: '837P',
  claimFilingIndicator: 'CI',
  reviewEveryDays: 7,
  timelyFilingDays: 90,
  ...overrides,
});

async function addPayer(overrides: Record<string, unknown> = {}) {
  const res = await call(s.t.app, 'POST', '/api/payers', { session: s.billing, body: payerBody(overrides) });
  expectStatus(res, 201);
  return res.body as { id: string; version: number; payerCode: string };
}

const coverageBody = (payerId: string, overrides: Record<string, unknown> = {}) => ({
  payerId,
  rank: 'primary',
  memberId: 'XQ-77120',
  groupNumber: 'G-1',
  subscriberRelationship: 'self',
  effectiveFrom: '2027-01-01',
  effectiveThrough: '2027-12-31',
  ...overrides,
});

const coveragesOf = (patientId: string) => `/api/patients/${patientId}/coverages` as const;

describe('payer directory', () => {
  it('billing adds a payer; intake and the front desk read the directory, a clinician may not', async () => {
    const payer = await addPayer({ name: 'Prairie Mutual A' });
    for (const session of [s.billing, s.intake, s.frontDesk]) {
      const list = await call(s.t.app, 'GET', '/api/payers', { session });
      expectStatus(list, 200);
      expect(list.body.items.map((p: { id: string }) => p.id)).toContain(payer.id);
    }
    // The demo directory is there too.
    const list = await call(s.t.app, 'GET', '/api/payers', { session: s.billing });
    expect(okBody(list).items.map((p: { payerCode: string }) => p.payerCode)).toEqual(
      expect.arrayContaining(['LSHP01', 'MCRDEMO', 'MCDDEMO']),
    );
    expect((await call(s.t.app, 'GET', '/api/payers', { session: s.clinician })).status).toBe(403);
    const byIntake = await call(s.t.app, 'POST', '/api/payers', { session: s.intake, body: payerBody() });
    expectStatus(byIntake, 403);
  });

  it('a payer id is listed once, and malformed fields are named', async () => {
    const payer = await addPayer();
    const again = await call(s.t.app, 'POST', '/api/payers', {
      session: s.billing,
      body: payerBody({ payerCode: payer.payerCode }),
    });
    expectStatus(again, 422);
    expect(again.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['payerCode']);

    const bad = await call(s.t.app, 'POST', '/api/payers', {
      session: s.billing,
      body: payerBody({ claimType: '837D', claimFilingIndicator: 'c', timelyFilingDays: 5 }),
    });
    expectStatus(bad, 422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'claimFilingIndicator',
      'claimType',
      'timelyFilingDays',
    ]);
  });

  it('a change needs the version read: 428 without If-Match, 409 when stale, 200 and the next version', async () => {
    const payer = await addPayer();
    const path = `/api/payers/${payer.id}` as const;
    const body = payerBody({ payerCode: payer.payerCode, reviewEveryDays: 10 });
    expect((await call(s.t.app, 'PUT', path, { session: s.billing, body })).status).toBe(428);
    const changed = await call(s.t.app, 'PUT', path, {
      session: s.billing,
      body,
      headers: ifMatch(payer.version),
    });
    expectStatus(changed, 200);
    expect(changed.body).toMatchObject({ reviewEveryDays: 10, version: payer.version + 1 });
    const stale = await call(s.t.app, 'PUT', path, {
      session: s.billing,
      body,
      headers: ifMatch(payer.version),
    });
    expectStatus(stale, 409);
  });
});

describe('a patient’s coverages', () => {
  it('intake records a coverage; billing reads it with the payer’s name; the write is audited', async () => {
    const payer = await addPayer({ name: 'Prairie Mutual C' });
    const patientId = s.ids.okafor;
    const res = await call(s.t.app, 'POST', coveragesOf(patientId), {
      session: s.intake,
      body: coverageBody(payer.id, { rank: 'secondary' }),
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      payerName: 'Prairie Mutual C',
      rank: 'secondary',
      memberId: 'XQ-77120',
    });
    const list = await call(s.t.app, 'GET', coveragesOf(patientId), { session: s.billing });
    expectStatus(list, 200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
    const audited = await s.t.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'coverage.create'), eq(auditLog.entityId, res.body.id))),
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]!.patientId).toBe(patientId);
  });

  it('two coverages of one rank may not overlap; another rank over the same dates may', async () => {
    const payer = await addPayer();
    const patientId = s.ids.bell;
    const first = await call(s.t.app, 'POST', coveragesOf(patientId), {
      session: s.intake,
      body: coverageBody(payer.id, {
        rank: 'secondary',
        effectiveFrom: '2028-01-01',
        effectiveThrough: '2028-06-30',
      }),
    });
    expectStatus(first, 201);
    // The last day of the first is the first day of the second: dates are inclusive, so they overlap.
    const overlapping = await call(s.t.app, 'POST', coveragesOf(patientId), {
      session: s.intake,
      body: coverageBody(payer.id, {
        rank: 'secondary',
        effectiveFrom: '2028-06-30',
        effectiveThrough: null,
      }),
    });
    expectStatus(overlapping, 422);
    expect(overlapping.body.error.fields[0]?.path).toBe('effectiveFrom');
    const nextDay = await call(s.t.app, 'POST', coveragesOf(patientId), {
      session: s.intake,
      body: coverageBody(payer.id, {
        rank: 'secondary',
        effectiveFrom: '2028-07-01',
        effectiveThrough: null,
      }),
    });
    expectStatus(nextDay, 201);
    const secondary = await call(s.t.app, 'POST', coveragesOf(patientId), {
      session: s.intake,
      body: coverageBody(payer.id, { rank: 'tertiary', effectiveFrom: '2028-03-01', effectiveThrough: null }),
    });
    expectStatus(secondary, 201);
  });

  it('a dependant’s coverage names the subscriber; an unknown or inactive payer is refused', async () => {
    const payer = await addPayer();
    const patientId = s.ids.delgado;
    const noSubscriber = await call(s.t.app, 'POST', coveragesOf(patientId), {
      session: s.intake,
      body: coverageBody(payer.id, { rank: 'tertiary', subscriberRelationship: 'child' }),
    });
    expectStatus(noSubscriber, 422);
    expect(noSubscriber.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'subscriberGivenName',
      'subscriberFamilyName',
      'subscriberDateOfBirth',
    ]);
    const inactive = await addPayer({ active: false });
    const refused = await call(s.t.app, 'POST', coveragesOf(patientId), {
      session: s.intake,
      body: coverageBody(inactive.id, { rank: 'tertiary' }),
    });
    expectStatus(refused, 422);
    expect(refused.body.error.fields[0]?.path).toBe('payerId');
    const malformed = await call(s.t.app, 'POST', coveragesOf(patientId), {
      session: s.intake,
      body: coverageBody(payer.id, { rank: 'tertiary', memberId: 'bad id!', effectiveFrom: '2027-02-30' }),
    });
    expectStatus(malformed, 422);
    expect(malformed.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'effectiveFrom',
      'memberId',
    ]);
  });

  it('a coverage is ended with the version read; a stale change is refused', async () => {
    const payer = await addPayer();
    const patientId = s.ids.rivera;
    const created = await call(s.t.app, 'POST', coveragesOf(patientId), {
      session: s.billing,
      body: coverageBody(payer.id, { rank: 'tertiary', effectiveFrom: '2029-01-01', effectiveThrough: null }),
    });
    expectStatus(created, 201);
    const path = `${coveragesOf(patientId)}/${created.body.id}` as const;
    const body = coverageBody(payer.id, {
      rank: 'tertiary',
      effectiveFrom: '2029-01-01',
      effectiveThrough: '2029-03-31',
    });
    const ended = await call(s.t.app, 'PUT', path, { session: s.billing, body, headers: ifMatch(1) });
    expectStatus(ended, 200);
    expect(ended.body).toMatchObject({ effectiveThrough: '2029-03-31', version: 2 });
    expect((await call(s.t.app, 'PUT', path, { session: s.billing, body, headers: ifMatch(1) })).status).toBe(
      409,
    );
    const ending = await call(s.t.app, 'PUT', path, {
      session: s.billing,
      body: { ...body, effectiveThrough: '2028-12-31' },
      headers: ifMatch(2),
    });
    expectStatus(ending, 422);
    expect(ending.body.error.fields[0]?.path).toBe('effectiveThrough');
  });

  it('the front desk sees its own site’s patients only; a clinician sees no coverage', async () => {
    const south = await call(s.t.app, 'GET', coveragesOf(s.ids.cho), { session: s.frontDesk });
    expectStatus(south, 200);
    expect(south.body.items.length).toBeGreaterThan(0);
    expect((await call(s.t.app, 'GET', coveragesOf(s.ids.okafor), { session: s.frontDesk })).status).toBe(
      403,
    );
    expect((await call(s.t.app, 'GET', coveragesOf(s.ids.okafor), { session: s.clinician })).status).toBe(
      403,
    );
  });
});
