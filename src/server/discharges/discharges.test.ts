import { describe, expect, it } from 'vitest';
import { DEMO_PATIENT_EMAIL } from '../seed/demo-seed';
import { admit, ifMatch } from '../test-support/clinical-fixtures';
import { call, errorOf, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // North only
  director: 'director@demo.openiop.org',
  portal: DEMO_PATIENT_EMAIL, // Jordan Rivera
});

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
  session = s.clinician,
) =>
  call(s.t.app, 'POST', `/api/patients/${patientId}/episodes/${episode.id}/discharge`, {
    session,
    headers: ifMatch(episode.version),
    body,
  });

describe('discharge', () => {
  it('refuses a discharge without a reason (422 reason) or with a reason outside TEDS 1–7', async () => {
    const ep = (await admit(s.t, s.clinician, s.ids.bell, s.ids.northAdultIop)).body;
    const { reason: _r, ...noReason } = dischargeBody();
    const missing = await discharge(s.ids.bell, ep, noReason);
    expectStatus(missing, 422);
    expect(missing.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    const outside = await discharge(s.ids.bell, ep, dischargeBody({ reason: 8 }));
    expect(errorOf(outside).fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    const beforeAdmission = await discharge(s.ids.bell, ep, dischargeBody({ dischargedOn: '2026-01-01' }));
    expect(errorOf(beforeAdmission).fields.map((f: { path: string }) => f.path)).toEqual(['dischargedOn']);
    const noCrisisLine = await discharge(
      s.ids.bell,
      ep,
      dischargeBody({ aftercare: { ...aftercare, crisisPlan: { warningSigns: 'x' } } }),
    );
    expectStatus(noCrisisLine, 422);
    expect(noCrisisLine.body.error.fields[0]?.path).toBe('aftercare.crisisPlan.crisisLine');
  });

  it('discharges through the state machine with the aftercare plan; a second discharge is refused', async () => {
    const ep = (await admit(s.t, s.clinician, s.ids.rivera, s.ids.northAdultIop)).body;
    const res = await discharge(s.ids.rivera, ep, dischargeBody());
    expectStatus(res, 201);
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
    const episode = await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/episodes/${ep.id}`, {
      session: s.clinician,
    });
    expect(episode.body).toMatchObject({
      status: 'discharged',
      dischargedOn: '2026-03-13',
      allowedMoves: [],
    });

    expectStatus(episode, 200);
    const again = await discharge(s.ids.rivera, episode.body, dischargeBody());
    expectStatus(again, 409);
    expect(again.body.error.code).toBe('invalid_transition');
    expect(again.body).toHaveProperty('error.allowed', []);

    const read = await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/episodes/${ep.id}/discharge`, {
      session: s.director,
    });
    expect(okBody(read).id).toBe(res.body.id);

    // A new admission to the same program is possible once the episode is discharged.
    expect((await admit(s.t, s.clinician, s.ids.rivera, s.ids.northAdultIop)).status).toBe(201);
  });

  it('a stale episode version is refused (409)', async () => {
    const ep = (await admit(s.t, s.clinician, s.ids.delgado, s.ids.northAdultIop)).body;
    const res = await discharge(s.ids.delgado, { id: ep.id, version: ep.version + 5 }, dischargeBody());
    expectStatus(res, 409);
    expect(res.body.error.code).toBe('version_conflict');
  });
});

describe('portal', () => {
  it('the patient sees their own aftercare plan', async () => {
    const res = await call(s.t.app, 'GET', '/api/portal/aftercare', { session: s.portal });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      programName: 'Adult IOP — North',
      dischargedOn: '2026-03-13',
      aftercare: { nextProvider: { name: 'Riverbend Outpatient' }, crisisPlan: { crisisLine: '988' } },
    });
    // Staff are not portal accounts.
    expect((await call(s.t.app, 'GET', '/api/portal/aftercare', { session: s.clinician })).status).toBe(403);
  });
});

describe('access', () => {
  it('a North clinician gets 403 discharging a South patient', async () => {
    const ep = (await admit(s.t, s.director, s.ids.cho, s.ids.southAdultIop)).body;
    expect((await discharge(s.ids.cho, ep, dischargeBody(), s.clinician)).status).toBe(403);
    expect(
      (
        await call(s.t.app, 'GET', `/api/patients/${s.ids.cho}/episodes/${ep.id}/discharge`, {
          session: s.clinician,
        })
      ).status,
    ).toBe(403);
  });
});
