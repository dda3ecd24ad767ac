import { describe, expect, it } from 'vitest';
import { admit, ifMatch } from '../test-support/clinical-fixtures';
import { call, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // North only
  director: 'director@demo.openiop.org',
  frontDesk: 'frontdesk@demo.openiop.org', // South only
});

const path = <Rest extends string = ''>(episodeId: string, rest = '' as Rest, patientId = s.ids.okafor) =>
  `/api/patients/${patientId}/episodes/${episodeId}${rest}` as const;

describe('admission', () => {
  it('opens an episode at a level with the admission as the first level-of-care row', async () => {
    const res = await admit(s.t, s.clinician, s.ids.okafor, s.ids.northAdultIop, {
      primaryClinicianId: s.ids.clinicianId,
      careTeam: [s.ids.nurseId],
    });
    expect(res.body).toMatchObject({
      status: 'admitted',
      allowedMoves: ['active', 'discharged'],
      level: '2.1',
      edition: 3,
      admittedOn: '2026-01-05',
      programName: 'Adult IOP — North',
      primaryClinicianId: s.ids.clinicianId,
      careTeam: [s.ids.nurseId],
      version: 1,
      levelHistory: [{ fromLevel: null, toLevel: '2.1', direction: 'admission', effectiveOn: '2026-01-05' }],
    });
    expect(res.headers.get('etag')).toBe('"1"');
  });

  it('allows one open episode per patient per program (409)', async () => {
    const again = await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/episodes`, {
      session: s.clinician,
      body: { programId: s.ids.northAdultIop, level: '2.1' },
    });
    expectStatus(again, 409);
    expect(again.body.error.code).toBe('episode_already_open');
    // Another program of the same site is a separate episode.
    const other = await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/episodes`, {
      session: s.clinician,
      body: { programId: s.ids.northAdolescentIop, level: '2.1', status: 'referred' },
    });
    expectStatus(other, 201);
    expect(other.body.admittedOn).toBeNull();
  });

  it('refuses a level not of the edition, and a care-team member from another site', async () => {
    const level = await call(s.t.app, 'POST', `/api/patients/${s.ids.bell}/episodes`, {
      session: s.clinician,
      body: { programId: s.ids.northAdultIop, level: '9.9' },
    });
    expectStatus(level, 422);
    expect(level.body.error.fields[0]?.path).toBe('level');
    const southOnly = okBody(await call(s.t.app, 'GET', '/api/auth/me', { session: s.frontDesk })).user
      .id as string;
    const team = await call(s.t.app, 'POST', `/api/patients/${s.ids.bell}/episodes`, {
      session: s.clinician,
      body: { programId: s.ids.northAdultIop, level: '2.1', careTeam: [s.ids.nurseId, southOnly] },
    });
    expectStatus(team, 422);
    expect(team.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['careTeam.1']);
  });
});

describe('status state machine', () => {
  it('moves admitted → active → on hold → active, and names the allowed moves on an invalid one (409)', async () => {
    const ep = (await admit(s.t, s.clinician, s.ids.delgado, s.ids.northAdultIop)).body;
    const move = (status: string, version: number) =>
      call(s.t.app, 'POST', path(ep.id, '/status', s.ids.delgado), {
        session: s.clinician,
        headers: ifMatch(version),
        body: { status },
      });
    const invalid = await move('on_hold', 1);
    expectStatus(invalid, 409);
    expect(invalid.body.error.code).toBe('invalid_transition');
    expect(invalid.body).toHaveProperty('error.allowed', ['active', 'discharged']);
    expect(invalid.body.error.message).toContain('active or discharged');

    expect(okBody(await move('active', 1)).status).toBe('active');
    expect(okBody(await move('on_hold', 2)).allowedMoves).toEqual(['active', 'discharged']);
    const back = await move('active', 3);
    expect(back.body).toMatchObject({ status: 'active', version: 4 });

    // A stale version is refused, and a move to discharged goes through the discharge route.
    expect((await move('on_hold', 3)).status).toBe(409);
    const discharge = await move('discharged', 4);
    expectStatus(discharge, 422);
    expect(discharge.body.error.fields[0]?.path).toBe('status');
  });

  it('needs If-Match (428)', async () => {
    const list = await call(s.t.app, 'GET', `/api/patients/${s.ids.delgado}/episodes`, {
      session: s.clinician,
    });
    const res = await call(s.t.app, 'POST', path(okBody(list).items[0]!.id, '/status', s.ids.delgado), {
      session: s.clinician,
      body: { status: 'on_hold' },
    });
    expectStatus(res, 428);
  });

  it('sets the admission day when a screening episode is admitted', async () => {
    const ep = okBody(
      await call(s.t.app, 'POST', `/api/patients/${s.ids.rivera}/episodes`, {
        session: s.clinician,
        body: { programId: s.ids.northAdultIop, level: '2.1', status: 'screening' },
      }),
    );
    const res = await call(s.t.app, 'POST', path(ep.id, '/status', s.ids.rivera), {
      session: s.clinician,
      headers: ifMatch(ep.version),
      body: { status: 'admitted', effectiveOn: '2026-02-01' },
    });
    expect(res.body).toMatchObject({ status: 'admitted', admittedOn: '2026-02-01' });
  });
});

describe('level of care', () => {
  it('records a step down and a step up with reason and linked assessment', async () => {
    const list = await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}/episodes`, {
      session: s.clinician,
    });
    const ep = okBody(list).items.find((e: { programId: string }) => e.programId === s.ids.northAdultIop)!;
    const assessment = await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/assessments`, {
      session: s.clinician,
      body: { edition: 3, ratings: { D1: 0, D2: 0, D3: 1, D4: 1, D5: 1, D6: 1 }, placedLevel: '1' },
    });
    const down = await call(s.t.app, 'POST', path(ep.id, '/level-changes'), {
      session: s.clinician,
      headers: ifMatch(ep.version),
      body: {
        toLevel: '1',
        effectiveOn: '2026-02-15',
        reason: 'Goals met; steady attendance',
        assessmentId: okBody(assessment).id,
      },
    });
    expectStatus(down, 201);
    expect(down.body.level).toBe('1');
    expect(down.body.levelHistory.at(-1)).toMatchObject({
      fromLevel: '2.1',
      toLevel: '1',
      direction: 'step-down',
      assessmentId: okBody(assessment).id,
    });
    const up = await call(s.t.app, 'POST', path(ep.id, '/level-changes'), {
      session: s.clinician,
      headers: ifMatch(down.body.version),
      body: { toLevel: '2.5', effectiveOn: '2026-03-01', reason: 'Relapse' },
    });
    expect(okBody(up).levelHistory.map((h: { direction: string }) => h.direction)).toEqual([
      'admission',
      'step-down',
      'step-up',
    ]);
    const early = await call(s.t.app, 'POST', path(ep.id, '/level-changes'), {
      session: s.clinician,
      headers: ifMatch(okBody(up).version),
      body: { toLevel: '2.1', effectiveOn: '2025-12-01', reason: 'x' },
    });
    expectStatus(early, 422);
    expect(early.body.error.fields[0]?.path).toBe('effectiveOn');
  });

  it('changes the primary clinician and care team with If-Match', async () => {
    const ep = okBody(
      await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/episodes`, { session: s.clinician }),
    ).items[0]!;
    const res = await call(s.t.app, 'PATCH', path(ep.id, '', s.ids.rivera), {
      session: s.clinician,
      headers: ifMatch(ep.version),
      body: { primaryClinicianId: s.ids.clinicianId, careTeam: [s.ids.nurseId] },
    });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ primaryClinicianId: s.ids.clinicianId, version: ep.version + 1 });
    const stale = await call(s.t.app, 'PATCH', path(ep.id, '', s.ids.rivera), {
      session: s.clinician,
      headers: ifMatch(ep.version),
      body: { careTeam: [] },
    });
    expectStatus(stale, 409);
    expect(stale.body.error.code).toBe('version_conflict');
  });
});

describe('diagnoses', () => {
  it('adds ICD-10-CM diagnoses (SUD and mental health), one primary, and refuses a malformed code', async () => {
    const ep = okBody(
      await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}/episodes`, { session: s.clinician }),
    ).items[0]!;
    const add = (body: Record<string, unknown>) =>
      call(s.t.app, 'POST', path(ep.id, '/diagnoses'), { session: s.clinician, body });
    await add({
      code: 'f10.20',
      description: 'Alcohol use disorder, moderate or severe',
      kind: 'sud',
      primary: true,
    });
    const second = await add({
      code: 'F32.A',
      description: 'Depression, unspecified',
      kind: 'mental_health',
    });
    const third = await add({
      code: 'F11.20',
      description: 'Opioid use disorder',
      kind: 'sud',
      primary: true,
    });
    expect(
      okBody(third).diagnoses?.map((d: { code: string; primary: boolean }) => [d.code, d.primary]),
    ).toEqual([
      ['F11.20', true],
      ['F10.20', false],
      ['F32.A', false],
    ]);
    expectStatus(second, 201);
    const bad = await add({ code: 'ALCOHOL', description: 'x', kind: 'sud' });
    expectStatus(bad, 422);
    expect(bad.body.error.fields[0]?.path).toBe('code');
    const removed = await call(
      s.t.app,
      'DELETE',
      path(ep.id, `/diagnoses/${second.body.diagnoses![1]!.id}`),
      {
        session: s.clinician,
      },
    );
    expectStatus(removed, 200);
    expect(removed.body.diagnoses).toHaveLength(2);
  });
});

describe('access', () => {
  it("a North clinician gets 403 on a South patient's episodes; front desk reads but does not write", async () => {
    const southEpisode = await admit(s.t, s.director, s.ids.cho, s.ids.southAdultIop);
    expect(
      (await call(s.t.app, 'GET', `/api/patients/${s.ids.cho}/episodes`, { session: s.clinician })).status,
    ).toBe(403);
    expect(
      (await call(s.t.app, 'GET', path(southEpisode.body.id, '', s.ids.cho), { session: s.clinician }))
        .status,
    ).toBe(403);
    expect(
      (await call(s.t.app, 'GET', `/api/patients/${s.ids.cho}/episodes`, { session: s.frontDesk })).status,
    ).toBe(200);
    const write = await call(s.t.app, 'POST', `/api/patients/${s.ids.cho}/episodes`, {
      session: s.frontDesk,
      body: { programId: s.ids.southAdultIop, level: '2.1' },
    });
    expectStatus(write, 403);
  });

  it('an episode id of another patient is not found under this patient', async () => {
    const list = await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}/episodes`, {
      session: s.clinician,
    });
    const res = await call(s.t.app, 'GET', path(okBody(list).items[0]!.id, '', s.ids.bell), {
      session: s.clinician,
    });
    expectStatus(res, 404);
  });
});
