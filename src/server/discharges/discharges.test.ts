import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATIENT_EMAIL } from '../seed/demo-seed';
import { admit, demoIds, ifMatch } from '../test-support/clinical-fixtures';
import { call, createTestApp, login, type Session, type TestApp } from '../test-support/test-app';

let t: TestApp;
let clinician: Session; // North only
let director: Session;
let portal: Session; // Jordan Rivera
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  t = await createTestApp();
  clinician = await login(t.app, 'clinician@demo.openiop.org');
  director = await login(t.app, 'director@demo.openiop.org');
  portal = await login(t.app, DEMO_PATIENT_EMAIL);
  ids = await demoIds(t);
});
afterAll(() => t?.close());

const aftercare = {
  nextProvider: { name: 'Riverbend Outpatient', levelOfCare: '1', phone: '(555) 010-7777' },
  appointments: [{ on: '2026-03-20', time: '17:30', with: 'Casey Clinician', purpose: 'First OP session' }],
  recoverySupports: ['alumni_group', 'smart_recovery'],
  crisisPlan: { crisisLine: '988', warningSigns: 'Skipping meetings', copingSteps: 'Call sponsor' },
  medicationContinuity: {
    medications: 'Naltrexone 50 mg daily',
    prescriber: 'Priya Prescriber, MD',
    supplyUntil: '2026-04-15',
  },
};

const dischargeBody = (over: Record<string, unknown> = {}) => ({
  dischargedOn: '2026-03-13',
  reason: 1,
  summary: 'Completed 10 weeks of IOP; goals met.',
  referralTo: 'Riverbend Outpatient',
  nextLevel: '1',
  aftercare,
  ...over,
});

const discharge = (
  patientId: string,
  episode: { id: string; version: number },
  body: Record<string, unknown>,
  session = clinician,
) =>
  call(t.app, 'POST', `/api/patients/${patientId}/episodes/${episode.id}/discharge`, {
    session,
    headers: ifMatch(episode.version),
    body,
  });

describe('discharge', () => {
  it('refuses a discharge without a reason (422 reason) or with a reason outside TEDS 1–7', async () => {
    const ep = (await admit(t, clinician, ids.bell, ids.northAdultIop)).body;
    const { reason: _r, ...noReason } = dischargeBody();
    const missing = await discharge(ids.bell, ep, noReason);
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    const outside = await discharge(ids.bell, ep, dischargeBody({ reason: 8 }));
    expect(outside.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    const beforeAdmission = await discharge(ids.bell, ep, dischargeBody({ dischargedOn: '2026-01-01' }));
    expect(beforeAdmission.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['dischargedOn']);
    const noCrisisLine = await discharge(
      ids.bell,
      ep,
      dischargeBody({ aftercare: { ...aftercare, crisisPlan: { warningSigns: 'x' } } }),
    );
    expect(noCrisisLine.status).toBe(422);
    expect(noCrisisLine.body.error.fields[0].path).toBe('aftercare.crisisPlan.crisisLine');
  });

  it('discharges through the state machine with the aftercare plan; a second discharge is refused', async () => {
    const ep = (await admit(t, clinician, ids.rivera, ids.northAdultIop)).body;
    const res = await discharge(ids.rivera, ep, dischargeBody());
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      dischargedOn: '2026-03-13',
      reason: { code: 1, key: 'completed' },
      levelAtDischarge: '2.1',
      nextLevel: '1',
      aftercare: {
        recoverySupports: ['alumni_group', 'smart_recovery'],
        crisisPlan: { crisisLine: '988', contacts: null },
        medicationContinuity: { supplyUntil: '2026-04-15', note: null },
      },
    });
    const episode = await call(t.app, 'GET', `/api/patients/${ids.rivera}/episodes/${ep.id}`, {
      session: clinician,
    });
    expect(episode.body).toMatchObject({
      status: 'discharged',
      dischargedOn: '2026-03-13',
      allowedMoves: [],
    });

    const again = await discharge(ids.rivera, episode.body, dischargeBody());
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
    expect(again.body.error.allowed).toEqual([]);

    const read = await call(t.app, 'GET', `/api/patients/${ids.rivera}/episodes/${ep.id}/discharge`, {
      session: director,
    });
    expect(read.body.id).toBe(res.body.id);

    // A new admission to the same program is possible once the episode is discharged.
    expect((await admit(t, clinician, ids.rivera, ids.northAdultIop)).status).toBe(201);
  });

  it('a stale episode version is refused (409)', async () => {
    const ep = (await admit(t, clinician, ids.delgado, ids.northAdultIop)).body;
    const res = await discharge(ids.delgado, { id: ep.id, version: ep.version + 5 }, dischargeBody());
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
  });
});

describe('portal', () => {
  it('the patient sees their own aftercare plan', async () => {
    const res = await call(t.app, 'GET', '/api/portal/aftercare', { session: portal });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      programName: 'Adult IOP — North',
      dischargedOn: '2026-03-13',
      aftercare: { nextProvider: { name: 'Riverbend Outpatient' }, crisisPlan: { crisisLine: '988' } },
    });
    // Staff are not portal accounts.
    expect((await call(t.app, 'GET', '/api/portal/aftercare', { session: clinician })).status).toBe(403);
  });
});

describe('access', () => {
  it('a North clinician gets 403 discharging a South patient', async () => {
    const ep = (await admit(t, director, ids.cho, ids.southAdultIop)).body;
    expect((await discharge(ids.cho, ep, dischargeBody(), clinician)).status).toBe(403);
    expect(
      (
        await call(t.app, 'GET', `/api/patients/${ids.cho}/episodes/${ep.id}/discharge`, {
          session: clinician,
        })
      ).status,
    ).toBe(403);
  });
});
