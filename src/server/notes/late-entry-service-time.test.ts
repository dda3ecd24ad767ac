import { beforeAll, describe, expect, it } from 'vitest';
import { admit, ifMatch } from '../test-support/clinical-fixtures';
import { call, demoCodeFor, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

/**
 * The late-entry flag starts from a service time the author cannot move: a session's note takes the
 * session's end, and a note without a session may not say the service is in the future or before the episode.
 */
const s = withTestApp({ clinician: 'clinician@demo.openiop.org', director: 'director@demo.openiop.org' });
let episodeId: string;
let pastSession: { id: string; endsAt: string };

const HOUR = 3_600_000;
const notesPath = () => `/api/patients/${s.ids.okafor}/notes` as const;
const caseNote = (extra: Record<string, unknown>) =>
  call(s.t.app, 'POST', notesPath(), {
    session: s.clinician,
    body: {
      noteType: 'case_management',
      episodeId,
      body: { needs: 'Housing', actions: 'Called the sober living house', followUp: 'Visit on Friday' },
      ...extra,
    },
  });

beforeAll(async () => {
  episodeId = (await admit(s.t, s.director, s.ids.okafor, s.ids.northAdultIop)).body.id;
  const res = await call(
    s.t.app,
    'POST',
    `/api/sites/${s.ids.north}/programs/${s.ids.northAdultIop}/sessions`,
    {
      session: s.director,
      body: { date: '2026-02-02', sessionType: 'individual', startTime: '10:00', endTime: '11:00' },
    },
  );
  expectStatus(res, 201);
  pastSession = res.body;
});

describe('serviceAt of a note without a session', () => {
  for (const [label, at] of [
    ['the far future (9999-12-31)', () => '9999-12-31T00:00:00Z'],
    ['an hour from now', () => new Date(s.t.clock.now().getTime() + HOUR).toISOString()],
  ] as const) {
    it(`${label} answers 422 naming serviceAt`, async () => {
      const res = await caseNote({ serviceAt: at() });
      expectStatus(res, 422);
      expect(res.body.error.fields).toEqual([{ path: 'serviceAt', message: 'Cannot be in the future.' }]);
    });
  }

  it('before the episode was admitted (2026-01-05) answers 422 naming serviceAt', async () => {
    const res = await caseNote({ serviceAt: '2025-12-01T12:00:00Z' });
    expectStatus(res, 422);
    expect(res.body.error.fields[0]?.path).toBe('serviceAt');
  });

  it('"now" signed now is on time, and a service 73 h ago signed now is late', async () => {
    const onTime = await caseNote({ serviceAt: s.t.clock.now().toISOString() });
    expectStatus(onTime, 201);
    const late = await caseNote({ serviceAt: new Date(s.t.clock.now().getTime() - 73 * HOUR).toISOString() });
    expectStatus(late, 201);
    const sign = (n: { id: string; version: number }) =>
      call(s.t.app, 'POST', `${notesPath()}/${n.id}/sign`, {
        session: s.clinician,
        headers: ifMatch(n.version),
        body: { totpCode: demoCodeFor(s.t.app, 'clinician@demo.openiop.org') },
      });
    expect(okBody(await sign(onTime.body)).lateEntry).toBe(false);
    expect(okBody(await sign(late.body)).lateEntry).toBe(true);
  });
});

describe("serviceAt of a session's note", () => {
  it("is the session's end: an author's own serviceAt (now) answers 422, so the note cannot dodge late entry", async () => {
    const res = await caseNote({ sessionId: pastSession.id, serviceAt: s.t.clock.now().toISOString() });
    expectStatus(res, 422);
    expect(res.body.error.fields).toEqual([{ path: 'serviceAt', message: expect.any(String) }]);
  });

  it("left out, it is the session's end, and signing months later marks the note late", async () => {
    const res = await caseNote({ sessionId: pastSession.id });
    expectStatus(res, 201);
    expect(res.body.serviceAt).toBe(new Date(pastSession.endsAt).toISOString());
    const signed = await call(s.t.app, 'POST', `${notesPath()}/${res.body.id}/sign`, {
      session: s.clinician,
      headers: ifMatch(res.body.version),
      body: { totpCode: demoCodeFor(s.t.app, 'clinician@demo.openiop.org') },
    });
    expectStatus(signed, 200);
    expect(signed.body.lateEntry).toBe(true);
  });
});
