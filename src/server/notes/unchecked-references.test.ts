import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../platform/db/platform.table';
import { programSessions } from '../sessions';
import { admit, planDocument } from '../test-support/clinical-fixtures';
import { call, expectStatus, LOG_MARKER, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

/**
 * References a request names must point at this site's records and the right kind of staff: another site's
 * session, a random id, a portal account or another site's front desk answer 422 naming the field.
 */
const s = withTestApp({ clinician: 'clinician@demo.openiop.org', director: 'director@demo.openiop.org' });
let southSessionId: string;
let frontDeskId: string;
let patientUserId: string;
let episodeId: string;

const RANDOM_ID = '6f1d3c0e-5b0a-4a8e-9c3f-2d7a1b4e8f90';

beforeAll(async () => {
  const found = await s.t.db.tx(async (tx) => ({
    frontDesk: (await tx.select().from(users).where(eq(users.email, 'frontdesk@demo.openiop.org')))[0]!.id,
    patientUser: (await tx.select().from(users).where(eq(users.role, 'patient')))[0]!.id,
  }));
  frontDeskId = found.frontDesk;
  patientUserId = found.patientUser;
  const south = await call(
    s.t.app,
    'POST',
    `/api/sites/${s.ids.south}/programs/${s.ids.southAdultIop}/sessions`,
    {
      session: s.director,
      body: { date: '2032-05-03', sessionType: 'drug_test', startTime: '10:00', endTime: '11:00' },
    },
  );
  expectStatus(south, 201);
  southSessionId = south.body.id;
  expect(southSessionId).toBeTruthy();
  episodeId = (await admit(s.t, s.director, s.ids.okafor, s.ids.northAdultIop)).body.id;
});

const psychotherapyNote = (sessionId: string) =>
  call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/psychotherapy-notes`, {
    session: s.clinician,
    body: { episodeId, sessionId, text: `Process note ${LOG_MARKER}`, grantedUserIds: [] },
  });

describe('a psychotherapy note names only a session of the patient’s site', () => {
  it("another site's session id answers 422 naming sessionId", async () => {
    const res = await psychotherapyNote(southSessionId);
    expectStatus(res, 422);
    expect(res.body.error.fields).toEqual([{ path: 'sessionId', message: expect.any(String) }]);
  });

  it('an unknown session id answers 422 naming sessionId, not 500', async () => {
    const res = await psychotherapyNote(RANDOM_ID);
    expectStatus(res, 422);
    expect(res.body.error.fields[0]?.path).toBe('sessionId');
  });

  it('a granted reader must be staff of the site', async () => {
    const res = await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/psychotherapy-notes`, {
      session: s.clinician,
      body: { episodeId, text: 'Process note', grantedUserIds: [frontDeskId] },
    });
    expectStatus(res, 422);
    expect(res.body.error.fields[0]?.path).toBe('grantedUserIds.0');
  });
});

describe('a treatment-plan intervention names a staff member of the patient’s site', () => {
  for (const [label, who] of [
    ['a random uuid', () => RANDOM_ID],
    ['a portal account', () => patientUserId],
    ["another site's front desk", () => frontDeskId],
  ] as const) {
    it(`${label} as responsibleStaffId answers 422 naming the intervention`, async () => {
      const episode = await admit(s.t, s.director, s.ids.bell, s.ids.northAdultIop).catch(() => undefined);
      const epId =
        episode?.body.id ??
        okBody(await call(s.t.app, 'GET', `/api/patients/${s.ids.bell}/episodes`, { session: s.director }))
          .items[0]!.id;
      const res = await call(s.t.app, 'POST', `/api/patients/${s.ids.bell}/episodes/${epId}/treatment-plan`, {
        session: s.clinician,
        body: { document: planDocument(who()) },
      });
      expectStatus(res, 422);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
        'document.problems.0.goals.0.objectives.0.interventions.0.responsibleStaffId',
        'document.problems.0.goals.0.objectives.0.interventions.1.responsibleStaffId',
      ]);
    });
  }
});

describe('a one-off session is facilitated by staff of its site', () => {
  const oneOff = (sessionType: string, facilitatorId: string) =>
    call(s.t.app, 'POST', `/api/sites/${s.ids.north}/programs/${s.ids.northAdultIop}/sessions`, {
      session: s.director,
      body: { date: '2032-06-07', sessionType, startTime: '09:00', endTime: '10:00', facilitatorId },
    });

  it("another site's front desk answers 422 naming facilitatorId", async () => {
    const res = await oneOff('drug_test', frontDeskId);
    expectStatus(res, 422);
    expect(res.body.error.fields).toEqual([{ path: 'facilitatorId', message: expect.any(String) }]);
  });

  it('a group therapy session needs a licensed clinician: a nurse of the site answers 422', async () => {
    const res = await oneOff('group_therapy', s.ids.nurseId);
    expectStatus(res, 422);
    expect(res.body.error.fields[0]?.path).toBe('facilitatorId');
  });

  it('a licensed clinician of the site is accepted', async () => {
    const res = await oneOff('group_therapy', s.ids.clinicianId);
    expectStatus(res, 201);
  });

  it('the session the test fixture made at South is at South', async () => {
    const [row] = await s.t.db.tx((tx) =>
      tx.select().from(programSessions).where(eq(programSessions.id, southSessionId)),
    );
    expect(row!.siteId).toBe(s.ids.south);
  });
});
