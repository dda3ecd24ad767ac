import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATIENT_EMAIL } from '../seed/demo-seed';
import { admit, demoIds, ifMatch, planDocument } from '../test-support/clinical-fixtures';
import { call, createTestApp, login, type Session, type TestApp } from '../test-support/test-app';

let t: TestApp;
let clinician: Session; // North only
let nurse: Session;
let director: Session;
let portal: Session; // Jordan Rivera's own account
let ids: Awaited<ReturnType<typeof demoIds>>;
let okaforEpisode: { id: string; admittedOn: string };

beforeAll(async () => {
  t = await createTestApp();
  clinician = await login(t.app, 'clinician@demo.openiop.org');
  nurse = await login(t.app, 'nurse@demo.openiop.org');
  director = await login(t.app, 'director@demo.openiop.org');
  portal = await login(t.app, DEMO_PATIENT_EMAIL);
  ids = await demoIds(t);
  okaforEpisode = (
    await admit(t, clinician, ids.okafor, ids.northAdultIop, { primaryClinicianId: ids.clinicianId })
  ).body;
});
afterAll(() => t?.close());

const planPath = (patientId: string, episodeId: string, rest = '') =>
  `/api/patients/${patientId}/episodes/${episodeId}/treatment-plan${rest}`;
const daysFromToday = (days: number) => {
  const today = new Date(t.clock.now().toLocaleString('en-US', { timeZone: 'America/Chicago' }));
  today.setDate(today.getDate() + days);
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
};

describe('creating a plan', () => {
  it('stores problems → goals → objectives → interventions; the review date defaults to 30 days', async () => {
    const res = await call(t.app, 'POST', planPath(ids.okafor, okaforEpisode.id), {
      session: clinician,
      body: { document: planDocument(ids.clinicianId) },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      revision: 1,
      version: 1,
      status: 'draft',
      readOnly: false,
      reviewDate: daysFromToday(30),
      clinicianSignature: null,
      patientSignature: null,
    });
    expect(res.body.document.problems[0].goals[0].objectives[0].interventions[0].modality).toBe(
      'relapse_prevention',
    );
    const again = await call(t.app, 'POST', planPath(ids.okafor, okaforEpisode.id), {
      session: clinician,
      body: { document: planDocument(ids.clinicianId) },
    });
    expect(again.status).toBe(409);
  });

  it('refuses a review date before admission (422 reviewDate) and an unknown modality', async () => {
    const ep = (await admit(t, clinician, ids.bell, ids.northAdultIop)).body;
    const early = await call(t.app, 'POST', planPath(ids.bell, ep.id), {
      session: clinician,
      body: { document: planDocument(ids.clinicianId), reviewDate: '2025-12-31' },
    });
    expect(early.status).toBe(422);
    expect(early.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['reviewDate']);
    const doc = planDocument(ids.clinicianId);
    (doc.problems[0]!.goals[0]!.objectives[0]!.interventions[0] as { modality: string }).modality =
      'hypnosis';
    const badModality = await call(t.app, 'POST', planPath(ids.bell, ep.id), {
      session: clinician,
      body: { document: doc },
    });
    expect(badModality.status).toBe(422);
    expect(badModality.body.error.fields[0].path).toBe(
      'document.problems.0.goals.0.objectives.0.interventions.0.modality',
    );
  });
});

describe('editing and signing', () => {
  it('answers 409 to the second of two concurrent edits (If-Match)', async () => {
    const plan = (await call(t.app, 'GET', planPath(ids.okafor, okaforEpisode.id), { session: clinician }))
      .body;
    const edit = (objective: string, session: Session) =>
      call(t.app, 'PUT', planPath(ids.okafor, okaforEpisode.id), {
        session,
        headers: ifMatch(plan.version),
        body: { document: planDocument(ids.clinicianId, objective) },
      });
    const [a, b] = await Promise.all([
      edit('Attends every group for 4 weeks', clinician),
      edit('Two clean UDS a week', nurse),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.error.code).toBe('version_conflict');
  });

  it('a plan signed by the clinician and the patient is read-only; a change makes a new revision with history', async () => {
    let plan = (await call(t.app, 'GET', planPath(ids.okafor, okaforEpisode.id), { session: clinician }))
      .body;
    const clinicianSigned = await call(
      t.app,
      'POST',
      planPath(ids.okafor, okaforEpisode.id, '/clinician-signature'),
      {
        session: clinician,
        headers: ifMatch(plan.version),
        body: { typedName: 'Casey Clinician, LPC' },
      },
    );
    expect(clinicianSigned.status, clinicianSigned.text).toBe(200);
    expect(clinicianSigned.body).toMatchObject({
      status: 'clinician_signed',
      clinicianSignature: { name: 'Casey Clinician, LPC', userId: ids.clinicianId },
    });
    // The nurse may not sign as clinician.
    const nurseSigns = await call(
      t.app,
      'POST',
      planPath(ids.okafor, okaforEpisode.id, '/clinician-signature'),
      {
        session: nurse,
        headers: ifMatch(clinicianSigned.body.version),
        body: { typedName: 'Noor Nurse' },
      },
    );
    expect(nurseSigns.status).toBe(403);

    const patientSigned = await call(
      t.app,
      'POST',
      planPath(ids.okafor, okaforEpisode.id, '/patient-signature'),
      {
        session: nurse,
        headers: ifMatch(clinicianSigned.body.version),
        body: { typedName: 'Amara Okafor' },
      },
    );
    expect(patientSigned.body).toMatchObject({
      status: 'signed',
      readOnly: true,
      patientSignature: { via: 'staff' },
    });
    plan = patientSigned.body;

    const edit = await call(t.app, 'PUT', planPath(ids.okafor, okaforEpisode.id), {
      session: clinician,
      headers: ifMatch(plan.version),
      body: { document: planDocument(ids.clinicianId, 'changed') },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('plan_signed');

    const revised = await call(t.app, 'POST', planPath(ids.okafor, okaforEpisode.id, '/revisions'), {
      session: clinician,
      headers: ifMatch(plan.version),
      body: { document: planDocument(ids.clinicianId, 'Attends 6 of 6 weekly OP hours') },
    });
    expect(revised.status, revised.text).toBe(201);
    expect(revised.body).toMatchObject({ revision: 2, status: 'draft', readOnly: false });

    const history = await call(t.app, 'GET', planPath(ids.okafor, okaforEpisode.id, '/history'), {
      session: director,
    });
    expect(
      history.body.items.map((h: { revision: number; status: string; current: boolean }) => [
        h.revision,
        h.status,
        h.current,
      ]),
    ).toEqual([
      [2, 'draft', true],
      [1, 'signed', false],
    ]);
  });

  it('an edit withdraws a lone signature', async () => {
    const plan = (await call(t.app, 'GET', planPath(ids.okafor, okaforEpisode.id), { session: clinician }))
      .body;
    const signed = await call(t.app, 'POST', planPath(ids.okafor, okaforEpisode.id, '/clinician-signature'), {
      session: clinician,
      headers: ifMatch(plan.version),
      body: { typedName: 'Casey Clinician' },
    });
    const edited = await call(t.app, 'PUT', planPath(ids.okafor, okaforEpisode.id), {
      session: clinician,
      headers: ifMatch(signed.body.version),
      body: { document: planDocument(ids.clinicianId, 'again') },
    });
    expect(edited.body).toMatchObject({ status: 'draft', clinicianSignature: null });
  });
});

describe('portal signature', () => {
  it('the patient reads and signs their own plan in the portal', async () => {
    const ep = (await admit(t, clinician, ids.rivera, ids.northAdultIop)).body;
    const created = await call(t.app, 'POST', planPath(ids.rivera, ep.id), {
      session: clinician,
      body: { document: planDocument(ids.clinicianId) },
    });
    const mine = await call(t.app, 'GET', '/api/portal/treatment-plan', { session: portal });
    expect(mine.status).toBe(200);
    expect(mine.body.id).toBe(created.body.id);
    const signed = await call(t.app, 'POST', '/api/portal/treatment-plan/signature', {
      session: portal,
      headers: ifMatch(mine.body.version),
      body: { typedName: 'Jordan Rivera' },
    });
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body.patientSignature).toMatchObject({ name: 'Jordan Rivera', via: 'portal' });
    // The staff routes stay closed to the portal account.
    const staffRoute = await call(t.app, 'GET', planPath(ids.rivera, ep.id), { session: portal });
    expect(staffRoute.status).toBe(403);
  });
});

describe('overdue reviews', () => {
  it("lists plans past their review date for the clinician's open episodes", async () => {
    const ep = (await admit(t, clinician, ids.delgado, ids.northAdultIop, { careTeam: [ids.clinicianId] }))
      .body;
    await call(t.app, 'POST', planPath(ids.delgado, ep.id), {
      session: clinician,
      body: { document: planDocument(ids.clinicianId), reviewDate: '2026-02-01' },
    });
    const res = await call(t.app, 'GET', '/api/treatment-plans/overdue-reviews', { session: clinician });
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((r: { familyName: string; reviewDate: string }) => [r.familyName, r.reviewDate]),
    ).toEqual([['Delgado', '2026-02-01']]);
    const nurseList = await call(t.app, 'GET', '/api/treatment-plans/overdue-reviews', { session: nurse });
    expect(nurseList.body.items).toEqual([]);
  });
});

describe('access', () => {
  it("a North clinician gets 403 on a South patient's plan", async () => {
    const ep = (await admit(t, director, ids.cho, ids.southAdultIop)).body;
    const res = await call(t.app, 'POST', planPath(ids.cho, ep.id), {
      session: clinician,
      body: { document: planDocument(ids.clinicianId) },
    });
    expect(res.status).toBe(403);
    expect((await call(t.app, 'GET', planPath(ids.cho, ep.id), { session: clinician })).status).toBe(403);
  });
});
