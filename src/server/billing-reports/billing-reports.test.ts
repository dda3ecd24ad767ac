import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupSessionWithAttendance, type MemberPart, signGroupNote } from '../notes/notes-fixtures';
import { patients } from '../patients';
import { auditLog } from '../platform/db/platform.table';
import { errorOf, expectStatus, okBody } from '../test-support/api-answer';
import { ifMatch } from '../test-support/clinical-fixtures';
import { call, createTestApp, login, type Session, type TestApp } from '../test-support/test-app';

/**
 * Two patients attend three hours on Wednesday 7 January 2026 (H0015 at Lakeshore's $420 each); the claims
 * go out on 8 January; the 835 of 20 January pays Quillfeather's claim $300 (CO-45 $90 contract, PR-3 $30
 * copay) and denies Rowanberry's CO-197. The reports are then read on 10 March, 62 days after the service.
 */
let t: TestApp;
let billing: Session;
let director: Session;
let clinician: Session;
let siteId = '';
const pcns: string[] = [];

const moveClockTo = (iso: string) => t.clock.advance((Date.parse(iso) - t.clock.now().getTime()) / 1000);

const PARTS: MemberPart[] = [
  {
    participation: 'Named two high-risk situations at work and a plan for each of them.',
    presentation: 'Calm, engaged, on time.',
    risk: { level: 'none' },
    planNextSession: 'Practise the refusal script before the Friday lunch.',
  },
  {
    participation: 'Described a weekend craving and the call to a sponsor that got them through it.',
    presentation: 'Quiet at first, then engaged with the group.',
    risk: { level: 'low' },
    planNextSession: 'Bring the completed trigger worksheet and review sleep routine.',
  },
];

beforeAll(async () => {
  t = await createTestApp();
  moveClockTo('2026-01-07T23:00:00Z');
  billing = await login(t.app, 'billing@demo.openiop.org');
  director = await login(t.app, 'director@demo.openiop.org');
  clinician = await login(t.app, 'clinician@demo.openiop.org');
  const g = await groupSessionWithAttendance(t, director, [
    { family: 'Quillfeather', status: 'present', minutes: 180 },
    { family: 'Rowanberry', status: 'present', minutes: 180 },
  ]);
  siteId = g.ids.north;
  const payers = await call(t.app, 'GET', '/api/payers', { session: billing });
  const lakeshoreId = okBody(payers).items.find((p: { payerCode: string }) => p.payerCode === 'LSHP01')?.id;
  await t.db.tx((tx) =>
    tx
      .update(patients)
      .set({ addressLine1: '12 Elm Street', city: 'Springfield', state: 'IL', postalCode: '62704' })
      .where(inArray(patients.id, g.patientIds)),
  );
  ok(
    await call(t.app, 'PUT', `/api/sites/${siteId}/billing-provider`, {
      session: billing,
      headers: ifMatch(0),
      body: {
        name: 'Riverbend Recovery North',
        npi: '1234567893',
        taxId: '361234567',
        taxonomy: '261QR0405X',
        addressLine: '100 River Road',
        city: 'Springfield',
        state: 'IL',
        postalCode: '627010001',
        contactName: 'Bea Billing',
        contactPhone: '2175550100',
      },
    }),
  );
  for (const [i, patientId] of g.patientIds.entries()) {
    const coverage = await call(t.app, 'POST', `/api/patients/${patientId}/coverages`, {
      session: billing,
      body: {
        payerId: lakeshoreId,
        rank: 'primary',
        memberId: `LSH-900${i + 1}`,
        subscriberRelationship: 'self',
        effectiveFrom: '2026-01-01',
      },
    });
    expectStatus(coverage, 201);
    ok(
      await call(t.app, 'POST', `/api/patients/${patientId}/episodes/${g.episodeIds[i]}/diagnoses`, {
        session: clinician,
        body: {
          code: 'F10.20',
          description: 'Alcohol use disorder, moderate or severe',
          kind: 'sud',
          primary: true,
        },
      }),
      201,
    );
    ok(
      await call(t.app, 'POST', `/api/patients/${patientId}/authorizations`, {
        session: billing,
        body: {
          episodeId: g.episodeIds[i],
          coverageId: coverage.body.id,
          levelOfCare: '2.1',
          authorizationNumber: `PA-710${i}`,
          serviceCodes: ['H0015'],
          unitsApproved: 5,
          from: '2026-01-05',
          through: '2026-01-11',
          status: 'approved',
        },
      }),
      201,
    );
  }
  await signGroupNote(t, director, siteId, g.session.id, g.patientIds, PARTS);
  const generated = await call(
    t.app,
    'POST',
    `/api/sites/${siteId}/programs/${g.ids.northAdultIop}/charges/generate`,
    {
      session: billing,
      body: { from: '2026-01-05', through: '2026-01-11' },
    },
  );
  expectStatus(generated, 200);
  expect(generated.body.created).toBe(2);
  const queue = await call(t.app, 'GET', `/api/sites/${siteId}/charges?pageSize=100`, { session: billing });
  for (const c of okBody(queue).items) {
    expect(c.problems).toEqual([]);
    ok(
      await call(t.app, 'PUT', `/api/sites/${siteId}/charges/${c.id}/review`, {
        session: billing,
        headers: ifMatch(c.version),
        body: { status: 'released' },
      }),
    );
  }
  moveClockTo('2026-01-08T17:00:00Z');
  billing = await login(t.app, 'billing@demo.openiop.org');
  const built = await call(t.app, 'POST', `/api/sites/${siteId}/claim-batches`, {
    session: billing,
    body: { payerId: lakeshoreId },
  });
  expectStatus(built, 201);
  expect(built.body).toMatchObject({ claimCount: 2, totalCents: 84_000 });
  for (const id of g.patientIds) {
    pcns.push(
      built.body.claims.find((c: { patientId: string }) => c.patientId === id)?.patientControlNumber ?? '',
    );
  }
});
afterAll(() => t?.close());

/** Lakeshore's 835 of 20 January: Quillfeather paid $300 with CO-45 $90 and a $30 copay; Rowanberry denied CO-197. */
const remittance = () =>
  [
    'ISA*00*          *00*          *ZZ*LSHP01         *ZZ*RB001          *260120*0900*^*00501*000000911*0*T*:~',
    'GS*HP*LSHP01*RB001*20260120*0900*911*X*005010X221A1~',
    'ST*835*0001~',
    'BPR*I*300*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260120~',
    'TRN*1*EFT-0120*1512345678~',
    'N1*PR*LAKESHORE HEALTH PLAN~',
    'N1*PE*RIVERBEND RECOVERY NORTH*XX*1234567893~',
    'LX*1~',
    `CLP*${pcns[0]}*1*420*300*30*12*LSH-CLM-81~`,
    'NM1*QC*1*QUILLFEATHER*PAT****MI*LSH-9001~',
    'SVC*HC:H0015*420*300**1~',
    'DTM*472*20260107~',
    'CAS*CO*45*90~',
    'CAS*PR*3*30~',
    `CLP*${pcns[1]}*4*420*0*0*12*LSH-CLM-82~`,
    'NM1*QC*1*ROWANBERRY*PAT****MI*LSH-9002~',
    'SVC*HC:H0015*420*0**1~',
    'DTM*472*20260107~',
    'CAS*CO*197*420~',
    'SE*18*0001~',
    'GE*1*911~',
    'IEA*1*000000911~',
  ].join('\n');

const aging = (query: `?${string}` | '' = '', session = billing, headers: Record<string, string> = {}) =>
  call(t.app, 'GET', `/api/sites/${siteId}/billing-reports/aging${query}`, { session, headers });
const kpis = (query: `?${string}` | '' = '', session = billing, headers: Record<string, string> = {}) =>
  call(t.app, 'GET', `/api/sites/${siteId}/billing-reports/kpis${query}`, { session, headers });

/** The answer is accepted with this status (for calls whose body the test does not read). */
const ok = (res: { status: number; text: string }, status = 200) => expect(res.status, res.text).toBe(status);

const NONE = { days0to30: 0, days31to60: 0, days61to90: 0, days91to120: 0, over120: 0 };

describe('A/R aging and claim KPIs from claims and a remittance', () => {
  it('before the remittance, both claims are owed in 0–30 days', async () => {
    const res = await aging('?asOf=2026-01-15');
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ asOf: '2026-01-15', agedFrom: 'first_service_date' });
    expect(res.body.total).toEqual({
      claims: 2,
      buckets: { ...NONE, days0to30: 84_000 },
      payerOpenCents: 84_000,
      patientResponsibilityCents: 0,
    });
    expect(res.body.payers).toHaveLength(1);
    expect(res.body.payers[0]?.payerName).toBe('Lakeshore Health Plan (demo)');
  });

  it('after the 835 and 62 days: the denial is owed in 61–90, the copay shown apart; the KPIs as computed by hand', async () => {
    moveClockTo('2026-01-20T16:00:00Z');
    billing = await login(t.app, 'billing@demo.openiop.org');
    const posted = await call(t.app, 'POST', `/api/sites/${siteId}/remittances`, {
      session: billing,
      body: { file: remittance() },
    });
    expectStatus(posted, 201);
    expect(posted.body).toMatchObject({ claims: 2, paidCents: 30_000, denials: 1 });

    moveClockTo('2026-03-10T18:00:00Z'); // noon in Chicago: the site's today is 10 March
    billing = await login(t.app, 'billing@demo.openiop.org');
    director = await login(t.app, 'director@demo.openiop.org');
    const res = await aging();
    expectStatus(res, 200);
    expect(res.body.asOf).toBe('2026-03-10');
    // 7 January → 10 March = 24 + 28 + 10 = 62 days. Quillfeather: 420 − 300 − 90 − 30 = 0 owed by the payer.
    expect(okBody(res).total).toEqual({
      claims: 2,
      buckets: { ...NONE, days61to90: 42_000 },
      payerOpenCents: 42_000,
      patientResponsibilityCents: 3_000,
    });

    const k = await kpis('?from=2026-01-01&to=2026-03-10', director);
    expectStatus(k, 200);
    // 2 submitted and adjudicated, 1 paid clean, 1 denied ($420 of $840). Payments $300 ÷ ($840 − $90) = 0.4.
    // Open A/R $420 + $30 = $450 over $840 of charges in the 90 days through 10 March: 450 ÷ (840 ÷ 90).
    expect(k.body.total).toMatchObject({
      claimsSubmitted: 2,
      cleanClaims: 1,
      cleanClaimRate: 0.5,
      claimsAdjudicated: 2,
      claimsDenied: 1,
      denialRate: 0.5,
      denialRateByDollar: 0.5,
      openArCents: 45_000,
      chargesLast90DaysCents: 84_000,
      chargesCents: 84_000,
      paymentsCents: 30_000,
      contractualCents: 9_000,
      netCollectionRate: 0.4,
    });
    expect(k.body.total.daysInAr).toBeCloseTo(48.214, 3);
    expect(k.body.total.denialReasons).toEqual([
      expect.objectContaining({ reason: 'CO-197', lines: 1, cents: 42_000 }),
    ]);
    expect(k.body.payers.map((p: { payerName: string }) => p.payerName)).toEqual([
      'Lakeshore Health Plan (demo)',
    ]);
  });

  it('a period with no claims answers nulls, not NaN; days in A/R has no charges to divide by in June', async () => {
    const k = await kpis('?from=2026-06-01&to=2026-06-30');
    expectStatus(k, 200);
    expect(k.body.total).toMatchObject({
      claimsSubmitted: 0,
      cleanClaimRate: null,
      denialRate: null,
      netCollectionRate: null,
      daysInAr: null,
      openArCents: 45_000,
    });
  });

  it('CSV by ?format=csv or Accept: text/csv reads back with csv-parse to the same figures', async () => {
    const file = await aging('?format=csv');
    expectStatus(file, 200);
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect(file.headers.get('content-disposition')).toContain('ar-aging-2026-03-10.csv');
    const rows: Record<string, string>[] = parse(file.text, { columns: true });
    expect(rows.map((r) => r.Payer)).toEqual(['Lakeshore Health Plan (demo)', 'Total']);
    expect(rows[1]).toMatchObject({
      Claims: '2',
      '0–30 days': '0.00',
      '61–90 days': '420.00',
      'Payer open': '420.00',
      'Patient responsibility': '30.00',
    });
    const k = await kpis('?from=2026-01-01&to=2026-03-10', billing, { accept: 'text/csv' });
    expectStatus(k, 200);
    const kRows: Record<string, string>[] = parse(k.text, { columns: true });
    expect(kRows[0]).toMatchObject({
      Payer: 'All payers',
      'Clean-claim rate %': '50.0',
      'Denial rate %': '50.0',
      'Days in A/R': '48.2',
      'Net collection rate %': '40.0',
    });
  });

  it('each read is audited at the site; billing and the director read reports, a clinician may not', async () => {
    clinician = await login(t.app, 'clinician@demo.openiop.org');
    expect((await aging('', clinician)).status).toBe(403);
    expect((await kpis('', clinician)).status).toBe(403);
    ok(await aging('', director));
    const rows = await t.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'billing_report.read'), eq(auditLog.siteId, siteId))),
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.map((r) => (r.detail as { report: string }).report)).toContain('kpis');
  });

  it('a bad query is named field by field with 422', async () => {
    const badDay = await aging('?asOf=2026-02-30');
    expect(badDay.status).toBe(422);
    expect(errorOf(badDay).fields).toEqual([
      { path: 'asOf', message: expect.stringContaining('YYYY-MM-DD') },
    ]);
    const both = await kpis('?from=yesterday&to=2026-13-01');
    expect(both.status).toBe(422);
    expect(errorOf(both).fields.map((f: { path: string }) => f.path)).toEqual(['from', 'to']);
    const backwards = await kpis('?from=2026-03-10&to=2026-03-01');
    expect(backwards.status).toBe(422);
    expect(errorOf(backwards).fields[0]?.path).toBe('to');
  });

  it('a rebilled denial moves to its new claim: still owed from 7 January, and the new claim is no clean first submission', async () => {
    const queue = await call(t.app, 'GET', `/api/sites/${siteId}/denials`, { session: billing });
    const denial = okBody(queue).groups[0]?.items[0];
    if (!denial) throw new Error('no denial in the queue');
    ok(
      await call(t.app, 'PUT', `/api/sites/${siteId}/denials/${denial.id}`, {
        session: billing,
        headers: ifMatch(denial.version),
        body: { action: 'rebill', note: 'PA faxed to the payer; rebilling' },
      }),
    );
    const charges = await call(t.app, 'GET', `/api/sites/${siteId}/charges?status=queued`, {
      session: billing,
    });
    const charge = okBody(charges).items[0];
    if (!charge) throw new Error('no queued charge');
    ok(
      await call(t.app, 'PUT', `/api/sites/${siteId}/charges/${charge.id}/review`, {
        session: billing,
        headers: ifMatch(charge.version),
        body: { status: 'released' },
      }),
    );
    const payers = await call(t.app, 'GET', '/api/payers', { session: billing });
    const lakeshoreId = okBody(payers).items.find((p: { payerCode: string }) => p.payerCode === 'LSHP01')?.id;
    ok(
      await call(t.app, 'POST', `/api/sites/${siteId}/claim-batches`, {
        session: billing,
        body: { payerId: lakeshoreId },
      }),
      201,
    );
    const res = await aging();
    expect(okBody(res).total).toEqual({
      claims: 2,
      buckets: { ...NONE, days61to90: 42_000 },
      payerOpenCents: 42_000,
      patientResponsibilityCents: 3_000,
    });
    const k = await kpis('?from=2026-01-01&to=2026-03-10');
    expect(okBody(k).total).toMatchObject({
      claimsSubmitted: 3,
      cleanClaims: 1,
      cleanClaimRate: 1 / 3,
      claimsAdjudicated: 2,
      claimsDenied: 1,
      openArCents: 45_000,
      chargesCents: 126_000,
    });
  });
});
