import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupSessionWithAttendance, type MemberPart, signGroupNote } from '../notes/notes-fixtures';
import { patients } from '../patients';
import { auditLog } from '../platform/db/platform.table';
import { ifMatch } from '../test-support/clinical-fixtures';
import {
  call,
  createTestApp,
  errorOf,
  expectStatus,
  login,
  okBody,
  type Session,
  type TestApp,
} from '../test-support/test-app';
import { readX12 } from '../test-support/x12-read-back';

/**
 * Attendance and locked notes → charges → the queue's scrubber → release. The group sessions run on
 * Wednesday 7 January 2026 (13:00–16:00 in Chicago) and Thursday 8 January.
 */
let t: TestApp;
let billing: Session;
let director: Session;
let clinician: Session;
let g: Awaited<ReturnType<typeof groupSessionWithAttendance>>;
let lakeshoreId: string;
const [FULL, SHORT] = [0, 1];

const moveClockTo = (iso: string) => t.clock.advance((Date.parse(iso) - t.clock.now().getTime()) / 1000);

/** The members' parts of the session's group note, taken in turn. */
const PARTS: MemberPart[] = [
  {
    participation: 'Named two high-risk situations at work and a plan for each of them.',
    presentation: 'Calm, engaged, on time.',
    risk: { level: 'none' },
    planNextSession: 'Practise the refusal script before the Friday lunch.',
  },
  {
    participation: 'Left before the last exercise for a shift; shared a craving log from the weekend.',
    presentation: 'Restless and tired after a night shift.',
    risk: { level: 'low' },
    planNextSession: 'Review sleep routine and bring the completed trigger worksheet.',
  },
];

beforeAll(async () => {
  t = await createTestApp();
  moveClockTo('2026-01-07T23:00:00Z');
  billing = await login(t.app, 'billing@demo.openiop.org');
  director = await login(t.app, 'director@demo.openiop.org');
  clinician = await login(t.app, 'clinician@demo.openiop.org');
  g = await groupSessionWithAttendance(t, director, [
    { family: 'Quillfeather', status: 'present', minutes: 180 },
    { family: 'Rowanberry', status: 'left_early', minutes: 179 },
  ]);
  const payers = await call(t.app, 'GET', '/api/payers', { session: billing });
  lakeshoreId = okBody(payers).items.find((p: { payerCode: string }) => p.payerCode === 'LSHP01')!.id;
  for (const patientId of g.patientIds) {
    const coverage = await call(t.app, 'POST', `/api/patients/${patientId}/coverages`, {
      session: billing,
      body: {
        payerId: lakeshoreId,
        rank: 'primary',
        memberId: 'LSH-9001',
        subscriberRelationship: 'self',
        effectiveFrom: '2026-01-01',
      },
    });
    expectStatus(coverage, 201);
  }
  await signGroupNote(t, director, g.ids.north, g.session.id, g.patientIds, PARTS);
});
afterAll(() => t?.close());

const PROVIDER = {
  name: 'Riverbend Recovery North',
  npi: '1234567893',
  taxId: '361234567',
  taxonomy: '261QR0405X',
  addressLine: '100 River Road',
  city: 'Springfield',
  state: 'IL',
  postalCode: '627010001',
};

/** A change billing makes at the version read. */
const putAsBilling = <P extends string>(url: P, body: Record<string, unknown>, version: number) =>
  call(t.app, 'PUT', url, { session: billing, body, headers: ifMatch(version) });

const generate = (from = '2026-01-05', through = '2026-01-11') =>
  call(t.app, 'POST', `/api/sites/${g.ids.north}/programs/${g.ids.northAdultIop}/charges/generate`, {
    session: billing,
    body: { from, through },
  });
const queue = <Q extends string = ''>(query = '' as Q) =>
  call(t.app, 'GET', `/api/sites/${g.ids.north}/charges${query}`, { session: billing });
const chargeOf = async (patientId: string) =>
  okBody(await queue('?pageSize=100')).items.find(
    (c: { patient: { id: string }; serviceDate: string }) =>
      c.patient.id === patientId && c.serviceDate === '2026-01-07',
  )!;

describe('charges from the record', () => {
  it('a 3-hour documented day makes one H0015 at the fee; 2 h 59 makes none, with the reason', async () => {
    const res = await generate();
    expectStatus(res, 200);
    expect(res.body.created).toBe(1);
    expect(res.body.noCharge).toContainEqual({
      patientId: g.patientIds[SHORT],
      date: '2026-01-07',
      serviceId: null,
      reason: 'day_under_3_hours',
    });
    const charge = await chargeOf(g.patientIds[FULL]!)!;
    expect(charge).toMatchObject({
      code: 'H0015',
      revenueCode: null, // Lakeshore takes professional claims (837P)
      units: 1,
      amountCents: 42000,
      payerName: 'Lakeshore Health Plan (demo)',
      status: 'queued',
    });
    const audited = await t.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'charge.create'), eq(auditLog.entityId, charge.id))),
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]!.patientId).toBe(g.patientIds[FULL]);
  });

  it('generating again makes nothing twice', async () => {
    const again = await generate();
    expectStatus(again, 200);
    expect(again.body).toMatchObject({ created: 0, alreadyCharged: 1 });
  });

  it('a session whose note is not signed makes no charge: the day is not settled', async () => {
    moveClockTo('2026-01-08T23:00:00Z');
    billing = await login(t.app, 'billing@demo.openiop.org');
    director = await login(t.app, 'director@demo.openiop.org');
    clinician = await login(t.app, 'clinician@demo.openiop.org');
    const second = await groupSessionWithAttendance(t, director, [
      { family: 'Quillfeather', status: 'present', minutes: 180 },
    ]);
    expect(second.session.localDate).toBe('2026-01-08');
    const res = await generate('2026-01-08', '2026-01-08');
    expectStatus(res, 200);
    expect(res.body.created).toBe(0);
    expect(res.body.noCharge).toContainEqual({
      patientId: g.patientIds[FULL],
      date: '2026-01-08',
      serviceId: null,
      reason: 'roster_not_locked',
    });
  });

  it('the scrubber names what blocks the claim; each fix removes its reason; then it may be released', async () => {
    const reasons = async () =>
      (await chargeOf(g.patientIds[FULL]!)).problems.map((p: { reason: string }) => p.reason);
    expect(await reasons()).toEqual([
      'no_authorization',
      'no_diagnosis',
      'billing_npi_missing',
      'billing_taxonomy_missing',
    ]);
    const blocked = await chargeOf(g.patientIds[FULL]!)!;
    const release = await putAsBilling(
      `/api/sites/${g.ids.north}/charges/${blocked.id}/review`,
      { status: 'released' },
      blocked.version,
    );
    expectStatus(release, 422);
    expect(errorOf(release).fields[0]).toMatchObject({ path: 'status' });
    expect(errorOf(release).fields[0]?.message).toContain('requires an authorization');

    const provider = await call(t.app, 'PUT', `/api/sites/${g.ids.north}/billing-provider`, {
      session: billing,
      body: PROVIDER,
      headers: ifMatch(0),
    });
    expectStatus(provider, 200);
    const diagnosis = await call(
      t.app,
      'POST',
      `/api/patients/${g.patientIds[FULL]}/episodes/${g.episodeIds[FULL]}/diagnoses`,
      {
        session: clinician,
        body: {
          code: 'F10.20',
          description: 'Alcohol use disorder, moderate or severe',
          kind: 'sud',
          primary: true,
        },
      },
    );
    expectStatus(diagnosis, 201);
    expect(await reasons()).toEqual(['no_authorization']);

    // The authorization is recorded after the charge was made: it takes the charge on.
    const coverages = await call(t.app, 'GET', `/api/patients/${g.patientIds[FULL]}/coverages`, {
      session: billing,
    });
    const auth = await call(t.app, 'POST', `/api/patients/${g.patientIds[FULL]}/authorizations`, {
      session: billing,
      body: {
        episodeId: g.episodeIds[FULL],
        coverageId: okBody(coverages).items[0]!.id,
        levelOfCare: '2.1',
        authorizationNumber: 'PA-7001',
        serviceCodes: ['H0015'],
        unitsApproved: 1,
        from: '2026-01-05',
        through: '2026-01-11',
        status: 'approved',
      },
    });
    expectStatus(auth, 201);
    expect(auth.body).toMatchObject({ unitsUsed: 1, unitsRemaining: 0 });
    const clean = await chargeOf(g.patientIds[FULL]!);
    expect(clean).toMatchObject({ authorizationNumber: 'PA-7001', problems: [] });
  });

  it('a hold needs a reason; holding and releasing need the version read', async () => {
    const charge = await chargeOf(g.patientIds[FULL]!);
    const url = `/api/sites/${g.ids.north}/charges/${charge.id}/review` as const;
    const noReason = await putAsBilling(url, { status: 'held' }, charge.version);
    expectStatus(noReason, 422);
    expect(errorOf(noReason).fields[0]?.path).toBe('holdReason');
    const held = await putAsBilling(
      url,
      { status: 'held', holdReason: 'Checking the authorization with the payer' },
      charge.version,
    );
    expectStatus(held, 200);
    expect(held.body).toMatchObject({
      status: 'held',
      holdReason: 'Checking the authorization with the payer',
    });
    const stale = await putAsBilling(url, { status: 'queued' }, charge.version);
    expectStatus(stale, 409);
    expect(okBody(await queue('?status=held')).items.map((c: { id: string }) => c.id)).toEqual([charge?.id]);
    const released = await putAsBilling(url, { status: 'released' }, held.body.version);
    expectStatus(released, 200);
    expect(released.body).toMatchObject({ status: 'released', holdReason: null, problems: [] });
  });

  it('billing and the director read the queue; a clinician and the front desk may not; bad input is named', async () => {
    const byDirector = await call(t.app, 'GET', `/api/sites/${g.ids.north}/charges`, { session: director });
    expectStatus(byDirector, 200);
    expect(
      (await call(t.app, 'GET', `/api/sites/${g.ids.north}/charges`, { session: clinician })).status,
    ).toBe(403);
    const backwards = await generate('2026-01-11', '2026-01-05');
    expectStatus(backwards, 422);
    expect(backwards.body.error.fields[0]?.path).toBe('through');
    const tooLong = await generate('2026-01-01', '2026-02-28');
    expectStatus(tooLong, 422);
    const badNpi = await call(t.app, 'PUT', `/api/sites/${g.ids.north}/billing-provider`, {
      session: billing,
      body: { ...PROVIDER, npi: '1234567890', taxId: '36-1234567' },
      headers: ifMatch(1),
    });
    expectStatus(badNpi, 422);
    expect(badNpi.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['npi', 'taxId']);
    expect(errorOf(badNpi).fields.find((f: { path: string }) => f.path === 'npi')?.message).toContain(
      'check digit',
    );
  });
});

let billedPcn = '';

describe('claims from released charges', () => {
  const build = () =>
    call(t.app, 'POST', `/api/sites/${g.ids.north}/claim-batches`, {
      session: billing,
      body: { payerId: lakeshoreId },
    });
  const provider = (contactPhone: string | null) =>
    call(t.app, 'PUT', `/api/sites/${g.ids.north}/billing-provider`, {
      session: billing,
      body: { ...PROVIDER, contactName: 'Bea Billing', contactPhone },
      headers: ifMatch(1),
    });

  it('needs the billing office phone, then the patient’s address; each refusal says what is missing', async () => {
    const noPhone = await build();
    expectStatus(noPhone, 409);
    expect(errorOf(noPhone).code).toBe('billing_setup_incomplete');
    expect((await provider('2175550100')).status).toBe(200);
    const noAddress = await build();
    expectStatus(noAddress, 409);
    expect(errorOf(noAddress).code).toBe('nothing_to_bill');
  });

  it('builds an 837P that a second X12 library reads back: the claim, its prior authorization and its line', async () => {
    await t.db.tx((tx) =>
      tx
        .update(patients)
        .set({
          addressLine1: '12 Elm Street',
          city: 'Springfield',
          state: 'IL',
          postalCode: '62704',
          sexAtBirth: 'female',
        })
        .where(eq(patients.id, g.patientIds[FULL]!)),
    );
    const built = await build();
    expectStatus(built, 201);
    expect(built.body).toMatchObject({ claimType: '837P', claimCount: 1, totalCents: 42000, skipped: [] });
    const pcn = built.body.claims[0]!.patientControlNumber;
    billedPcn = pcn;

    const file = await call(t.app, 'GET', `/api/sites/${g.ids.north}/claim-batches/${built.body.id}/file`, {
      session: billing,
    });
    expectStatus(file, 200);
    expect(file.headers.get('content-type')).toContain('text/plain');
    expect(file.headers.get('content-disposition')).toContain('837P-');
    const segments = await readX12(file.text);
    const clm = segments.find((s) => s.name === 'CLM')!;
    expect([clm['1'], clm['2']]).toEqual([pcn, '420']);
    expect(segments.find((s) => s.name === 'REF' && s['1'] === 'G1')?.['2']).toBe('PA-7001');
    expect(segments.find((s) => s.name === 'HI')?.['1']).toBe('ABK');
    expect(segments.find((s) => s.name === 'HI')?.['1-1']).toBe('F1020');
    const sv1 = segments.find((s) => s.name === 'SV1')!;
    expect([sv1['1'], sv1['1-1'], sv1['2'], sv1['4']]).toEqual(['HC', 'H0015', '420', '1']);
    expect(segments.find((s) => s.name === 'NM1' && s['1'] === 'PR')?.['9']).toBe('LSHP01');

    const charge = await chargeOf(g.patientIds[FULL]!);
    expect(charge?.status).toBe('billed');
    const again = await build();
    expectStatus(again, 409);
    expect(errorOf(again).code).toBe('nothing_to_bill');
    const audited = await t.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'claim.create'), eq(auditLog.patientId, g.patientIds[FULL]!))),
    );
    expect(audited).toHaveLength(1);
  });
});

/** The payer's answer: the H0015 day of 7 January denied CO-197 (no authorization on its side). */
const remittanceFor = (pcn: string, trace = 'EFT-0107', paid = '0') =>
  [
    'ISA*00*          *00*          *ZZ*LSHP01         *ZZ*RB001          *260120*0900*^*00501*000000901*0*T*:~',
    'GS*HP*LSHP01*RB001*20260120*0900*901*X*005010X221A1~',
    'ST*835*0001~',
    `BPR*I*${paid}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260120~`,
    `TRN*1*${trace}*1512345678~`,
    'N1*PR*LAKESHORE HEALTH PLAN~',
    'N1*PE*RIVERBEND RECOVERY NORTH*XX*1234567893~',
    'LX*1~',
    `CLP*${pcn}*4*420*${paid}*0*12*LSH-CLM-77~`,
    'NM1*QC*1*QUILLFEATHER*PAT****MI*LSH-9001~',
    `SVC*HC:H0015*420*${paid}**1~`,
    'DTM*472*20260107~',
    'CAS*CO*197*420~',
    'SE*12*0001~',
    'GE*1*901~',
    'IEA*1*000000901~',
  ].join('\n');

describe('remittance and the denial queue', () => {
  const post = (file: string) =>
    call(t.app, 'POST', `/api/sites/${g.ids.north}/remittances`, { session: billing, body: { file } });

  it('a file that names an unknown claim is refused whole, naming the claim', async () => {
    const res = await post(remittanceFor('RB-NOPE-1', 'EFT-BAD'));
    expectStatus(res, 422);
    expect(res.body.error.fields[0]?.path).toBe('claims.0.patientControlNumber');
    const groups = await call(t.app, 'GET', `/api/sites/${g.ids.north}/denials`, { session: billing });
    expect(okBody(groups).groups).toEqual([]);
  });

  it('a CO-197 denial posts to its charge and waits in the queue with the reason in words; posting twice is refused', async () => {
    const res = await post(remittanceFor(billedPcn));
    expectStatus(res, 201);
    expect(res.body).toMatchObject({ claims: 1, paidCents: 0, denials: 1 });
    expect((await post(remittanceFor(billedPcn))).status).toBe(409);
    const queue = await call(t.app, 'GET', `/api/sites/${g.ids.north}/denials`, { session: billing });
    expectStatus(queue, 200);
    expect(queue.body.groups).toHaveLength(1);
    expect(queue.body.groups[0]).toMatchObject({ reason: 'CO-197', totalCents: 42000 });
    expect(queue.body.groups[0]?.text.length).toBeGreaterThan(10);
    expect(queue.body.groups[0]?.items[0]).toMatchObject({
      code: 'H0015',
      serviceDate: '2026-01-07',
      patientControlNumber: billedPcn,
    });
  });

  it('rebilling a denial returns the charge to the queue; an appeal needs a note', async () => {
    const queue = await call(t.app, 'GET', `/api/sites/${g.ids.north}/denials`, { session: billing });
    const denial = okBody(queue).groups[0]!.items[0]!;
    const url = `/api/sites/${g.ids.north}/denials/${denial.id}` as const;
    const appeal = await putAsBilling(url, { action: 'appeal' }, denial.version);
    expectStatus(appeal, 422);
    expect(errorOf(appeal).fields[0]?.path).toBe('note');
    const rebill = await putAsBilling(
      url,
      { action: 'rebill', note: 'Payer had no authorization on file; PA-7001 faxed, rebilling' },
      denial.version,
    );
    expectStatus(rebill, 200);
    expect(rebill.body.status).toBe('rebilled');
    expect((await chargeOf(g.patientIds[FULL]!)).status).toBe('queued');
    const open = await call(t.app, 'GET', `/api/sites/${g.ids.north}/denials`, { session: billing });
    expect(okBody(open).groups).toEqual([]);
  });
});
