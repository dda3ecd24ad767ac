import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATIENT_EMAIL } from '../seed/demo-seed';
import { admit, ifMatch, planDocument } from '../test-support/clinical-fixtures';
import { call, errorOf, expectStatus, okBody, type Session } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // North only
  nurse: 'nurse@demo.openiop.org',
  director: 'director@demo.openiop.org',
  portal: DEMO_PATIENT_EMAIL, // Jordan Rivera's own account
});
let okaforEpisode: { id: string; admittedOn: string | null };

beforeAll(async () => {
  okaforEpisode = (
    await admit(s.t, s.clinician, s.ids.okafor, s.ids.northAdultIop, {
      primaryClinicianId: s.ids.clinicianId,
    })
  ).body;
});

const planPath = <Rest extends string = ''>(patientId: string, episodeId: string, rest = '' as Rest) =>
  `/api/patients/${patientId}/episodes/${episodeId}/treatment-plan${rest}` as const;
const daysFromToday = (days: number) => {
  const today = new Date(s.t.clock.now().toLocaleString('en-US', { timeZone: 'America/Chicago' }));
  today.setDate(today.getDate() + days);
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
};

describe('creating a plan', () => {
  it('stores problems → goals → objectives → interventions; the review date defaults to 30 days', async () => {
    const res = await call(s.t.app, 'POST', planPath(s.ids.okafor, okaforEpisode.id), {
      session: s.clinician,
      body: { document: planDocument(s.ids.clinicianId) },
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      revision: 1,
      version: 1,
      status: 'draft',
      readOnly: false,
      reviewDate: daysFromToday(30),
      clinicianSignature: null,
      patientSignature: null,
    });
    expect(res.body.document.problems[0]?.goals[0]?.objectives[0]?.interventions[0]?.modality).toBe(
      'relapse_prevention',
    );
    const again = await call(s.t.app, 'POST', planPath(s.ids.okafor, okaforEpisode.id), {
      session: s.clinician,
      body: { document: planDocument(s.ids.clinicianId) },
    });
    expectStatus(again, 409);
  });

  it('refuses a review date before admission (422 reviewDate) and an unknown modality', async () => {
    const ep = (await admit(s.t, s.clinician, s.ids.bell, s.ids.northAdultIop)).body;
    const early = await call(s.t.app, 'POST', planPath(s.ids.bell, ep.id), {
      session: s.clinician,
      body: { document: planDocument(s.ids.clinicianId), reviewDate: '2025-12-31' },
    });
    expectStatus(early, 422);
    expect(early.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['reviewDate']);
    const doc = planDocument(s.ids.clinicianId);
    (doc.problems[0]!.goals[0]!.objectives[0]!.interventions[0] as { modality: string }).modality =
      'hypnosis';
    const badModality = await call(s.t.app, 'POST', planPath(s.ids.bell, ep.id), {
      session: s.clinician,
      body: { document: doc },
    });
    expectStatus(badModality, 422);
    expect(badModality.body.error.fields[0]?.path).toBe(
      'document.problems.0.goals.0.objectives.0.interventions.0.modality',
    );
  });
});

describe('editing and signing', () => {
  it('answers 409 to the second of two concurrent edits (If-Match)', async () => {
    const plan = okBody(
      await call(s.t.app, 'GET', planPath(s.ids.okafor, okaforEpisode.id), { session: s.clinician }),
    );
    const edit = (objective: string, session: Session) =>
      call(s.t.app, 'PUT', planPath(s.ids.okafor, okaforEpisode.id), {
        session,
        headers: ifMatch(plan.version),
        body: { document: planDocument(s.ids.clinicianId, objective) },
      });
    const [a, b] = await Promise.all([
      edit('Attends every group for 4 weeks', s.clinician),
      edit('Two clean UDS a week', s.nurse),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(errorOf(a.status === 409 ? a : b).code).toBe('version_conflict');
  });

  it('a plan signed by the clinician and the patient is read-only; a change makes a new revision with history', async () => {
    let plan = okBody(
      await call(s.t.app, 'GET', planPath(s.ids.okafor, okaforEpisode.id), { session: s.clinician }),
    );
    const clinicianSigned = await call(
      s.t.app,
      'POST',
      planPath(s.ids.okafor, okaforEpisode.id, '/clinician-signature'),
      {
        session: s.clinician,
        headers: ifMatch(plan.version),
        body: { typedName: 'Casey Clinician, LPC' },
      },
    );
    expectStatus(clinicianSigned, 200);
    expect(clinicianSigned.body).toMatchObject({
      status: 'clinician_signed',
      clinicianSignature: { name: 'Casey Clinician, LPC', userId: s.ids.clinicianId },
    });
    // The nurse may not sign as clinician.
    const nurseSigns = await call(
      s.t.app,
      'POST',
      planPath(s.ids.okafor, okaforEpisode.id, '/clinician-signature'),
      {
        session: s.nurse,
        headers: ifMatch(clinicianSigned.body.version),
        body: { typedName: 'Noor Nurse' },
      },
    );
    expectStatus(nurseSigns, 403);

    const patientSigned = await call(
      s.t.app,
      'POST',
      planPath(s.ids.okafor, okaforEpisode.id, '/patient-signature'),
      {
        session: s.nurse,
        headers: ifMatch(clinicianSigned.body.version),
        body: { typedName: 'Amara Okafor' },
      },
    );
    expect(patientSigned.body).toMatchObject({
      status: 'signed',
      readOnly: true,
      patientSignature: { via: 'staff' },
    });
    plan = okBody(patientSigned);

    const edit = await call(s.t.app, 'PUT', planPath(s.ids.okafor, okaforEpisode.id), {
      session: s.clinician,
      headers: ifMatch(plan.version),
      body: { document: planDocument(s.ids.clinicianId, 'changed') },
    });
    expectStatus(edit, 409);
    expect(edit.body.error.code).toBe('plan_signed');

    const revised = await call(s.t.app, 'POST', planPath(s.ids.okafor, okaforEpisode.id, '/revisions'), {
      session: s.clinician,
      headers: ifMatch(plan.version),
      body: { document: planDocument(s.ids.clinicianId, 'Attends 6 of 6 weekly OP hours') },
    });
    expectStatus(revised, 201);
    expect(revised.body).toMatchObject({ revision: 2, status: 'draft', readOnly: false });

    const history = await call(s.t.app, 'GET', planPath(s.ids.okafor, okaforEpisode.id, '/history'), {
      session: s.director,
    });
    expect(
      okBody(history).items.map((h: { revision: number; status: string; current: boolean }) => [
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
    const plan = okBody(
      await call(s.t.app, 'GET', planPath(s.ids.okafor, okaforEpisode.id), { session: s.clinician }),
    );
    const signed = await call(
      s.t.app,
      'POST',
      planPath(s.ids.okafor, okaforEpisode.id, '/clinician-signature'),
      {
        session: s.clinician,
        headers: ifMatch(plan.version),
        body: { typedName: 'Casey Clinician' },
      },
    );
    const edited = await call(s.t.app, 'PUT', planPath(s.ids.okafor, okaforEpisode.id), {
      session: s.clinician,
      headers: ifMatch(okBody(signed).version),
      body: { document: planDocument(s.ids.clinicianId, 'again') },
    });
    expect(edited.body).toMatchObject({ status: 'draft', clinicianSignature: null });
  });
});

describe('portal signature', () => {
  it('the patient reads and signs their own plan in the portal', async () => {
    const ep = (await admit(s.t, s.clinician, s.ids.rivera, s.ids.northAdultIop)).body;
    const created = await call(s.t.app, 'POST', planPath(s.ids.rivera, ep.id), {
      session: s.clinician,
      body: { document: planDocument(s.ids.clinicianId) },
    });
    const mine = await call(s.t.app, 'GET', '/api/portal/treatment-plan', { session: s.portal });
    expectStatus(mine, 200);
    expect(mine.body.id).toBe(okBody(created).id);
    const signed = await call(s.t.app, 'POST', '/api/portal/treatment-plan/signature', {
      session: s.portal,
      headers: ifMatch(mine.body.version),
      body: { typedName: 'Jordan Rivera' },
    });
    expectStatus(signed, 200);
    expect(signed.body.patientSignature).toMatchObject({ name: 'Jordan Rivera', via: 'portal' });
    // The staff routes stay closed to the portal account.
    const staffRoute = await call(s.t.app, 'GET', planPath(s.ids.rivera, ep.id), { session: s.portal });
    expectStatus(staffRoute, 403);
  });
});

describe('overdue reviews', () => {
  it("lists plans past their review date for the clinician's open episodes", async () => {
    const ep = (
      await admit(s.t, s.clinician, s.ids.delgado, s.ids.northAdultIop, { careTeam: [s.ids.clinicianId] })
    ).body;
    await call(s.t.app, 'POST', planPath(s.ids.delgado, ep.id), {
      session: s.clinician,
      body: { document: planDocument(s.ids.clinicianId), reviewDate: '2026-02-01' },
    });
    const res = await call(s.t.app, 'GET', '/api/treatment-plans/overdue-reviews', { session: s.clinician });
    expectStatus(res, 200);
    expect(
      res.body.items.map((r: { familyName: string; reviewDate: string }) => [r.familyName, r.reviewDate]),
    ).toEqual([['Delgado', '2026-02-01']]);
    const nurseList = await call(s.t.app, 'GET', '/api/treatment-plans/overdue-reviews', {
      session: s.nurse,
    });
    expect(okBody(nurseList).items).toEqual([]);
  });
});

describe('access', () => {
  it("a North clinician gets 403 on a South patient's plan", async () => {
    const ep = (await admit(s.t, s.director, s.ids.cho, s.ids.southAdultIop)).body;
    const res = await call(s.t.app, 'POST', planPath(s.ids.cho, ep.id), {
      session: s.clinician,
      body: { document: planDocument(s.ids.clinicianId) },
    });
    expectStatus(res, 403);
    expect((await call(s.t.app, 'GET', planPath(s.ids.cho, ep.id), { session: s.clinician })).status).toBe(
      403,
    );
  });
});
