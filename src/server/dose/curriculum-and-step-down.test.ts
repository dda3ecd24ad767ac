import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { patients } from '../patients';
import { sites, users } from '../platform/db/platform.table';
import { admit, ifMatch } from '../test-support/clinical-fixtures';
import { call, errorOf, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { tracks } from '../tracks';

// Curriculum and rolling admission, step-down into the level history, seats on every day of an enrolment,
// Idempotency-Key on creates and Medicare's 9 h. The clock stands on Wednesday 2031-04-09, 12:00 in Chicago
// (the North site's zone); the program week starts on Monday.
const s = withTestApp(
  {
    director: 'director@demo.openiop.org',
    clinician: 'clinician@demo.openiop.org',
    nurse: 'nurse@demo.openiop.org',
  },
  { clockAt: '2031-04-09T17:00:00Z' },
);
let directorId: string;
let organizationId: string;

beforeAll(async () => {
  await s.t.db.tx(async (tx) => {
    directorId = (await tx.select().from(users).where(eq(users.email, 'director@demo.openiop.org')))[0]!.id;
    organizationId = (await tx.select().from(sites).where(eq(sites.id, s.ids.north)))[0]!.organizationId;
  });
});

const programPath = <Rest extends string>(rest: Rest) =>
  `/api/sites/${s.ids.north}/programs/${s.ids.northAdultIop}${rest}` as const;
const curriculumPath = (trackId: string) => `/api/sites/${s.ids.north}/tracks/${trackId}/curriculum` as const;

async function createTrack(name: string, capacity = 12) {
  const res = await call(s.t.app, 'POST', programPath('/tracks'), {
    session: s.director,
    body: { name, timeOfDay: 'evening', modality: 'virtual', capacity },
  });
  expectStatus(res, 201);
  return res.body.id as string;
}

async function saveCurriculum(trackId: string, titles: string[], version = 1) {
  const res = await call(s.t.app, 'PUT', curriculumPath(trackId), {
    session: s.director,
    body: { topics: titles.map((title) => ({ title })) },
    headers: ifMatch(version),
  });
  expectStatus(res, 200);
  return res.body as { version: number; topics: { id: string; title: string }[] };
}

const schedule = (trackId: string, body: Record<string, unknown>) =>
  call(s.t.app, 'POST', `/api/sites/${s.ids.north}/tracks/${trackId}/schedules`, {
    session: s.clinician,
    body: { sessionType: 'group_therapy', facilitatorId: directorId, ...body },
  });

async function admitted(prefix: string, n: number, admittedOn = '2031-03-03'): Promise<[string, string][]> {
  const created = await s.t.db.tx((tx) =>
    tx
      .insert(patients)
      .values(
        Array.from({ length: n }, (_, i) => ({
          organizationId,
          siteId: s.ids.north,
          mrn: `${prefix}${i}`,
          givenName: `${prefix}Given${i}`,
          familyName: `${prefix}Family${i}`,
          dateOfBirth: '1984-04-04',
        })),
      )
      .returning(),
  );
  const out: [string, string][] = [];
  for (const p of created) {
    out.push([p.id, (await admit(s.t, s.clinician, p.id, s.ids.northAdultIop, { admittedOn })).body.id]);
  }
  return out;
}

const enrol = (patientId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  call(s.t.app, 'POST', `/api/patients/${patientId}/enrolments`, { session: s.clinician, body, headers });

/** Saves a roster as the roster screen does: with the version it just read (If-Match). */
const roster = async (sessionId: string, rows: unknown[]) => {
  const path = `/api/sites/${s.ids.north}/sessions/${sessionId}/attendance` as const;
  const read = await call(s.t.app, 'GET', path, { session: s.nurse });
  return call(s.t.app, 'PUT', path, {
    session: s.nurse,
    headers: { 'if-match': read.headers.get('etag') ?? '"1"' },
    body: { rows },
  });
};

describe('curriculum per track', () => {
  it('saves the topics in order with If-Match, refuses repeats and stale versions, archives removed topics', async () => {
    const track = await createTrack('Curriculum setup');
    const empty = await call(s.t.app, 'GET', curriculumPath(track), { session: s.nurse });
    expectStatus(empty, 200);
    expect(empty.body).toEqual({ trackId: track, version: 1, topics: [] });
    expect(empty.headers.get('etag')).toBe('"1"');

    const noVersion = await call(s.t.app, 'PUT', curriculumPath(track), {
      session: s.director,
      body: { topics: [{ title: 'Triggers' }] },
    });
    expectStatus(noVersion, 428);
    const repeated = await call(s.t.app, 'PUT', curriculumPath(track), {
      session: s.director,
      body: { topics: [{ title: 'Triggers' }, { title: 'Cravings' }, { title: 'triggers.' }] },
      headers: ifMatch(1),
    });
    expectStatus(repeated, 422);
    expect(repeated.body.error.fields).toEqual([{ path: 'topics.2.title', message: expect.any(String) }]);

    const saved = await saveCurriculum(track, ['Triggers', 'Cravings', 'Refusal skills']);
    expect(saved.version).toBe(2);
    expect(saved.topics.map((x) => x.title)).toEqual(['Triggers', 'Cravings', 'Refusal skills']);

    const stale = await call(s.t.app, 'PUT', curriculumPath(track), {
      session: s.director,
      body: { topics: [] },
      headers: ifMatch(1),
    });
    expectStatus(stale, 409);
    // Reordered, one renamed, one dropped, one added.
    const [triggers, cravings] = saved.topics;
    const next = await call(s.t.app, 'PUT', curriculumPath(track), {
      session: s.director,
      body: {
        topics: [
          { id: cravings!.id, title: 'Cravings and urges' },
          { id: triggers!.id, title: 'Triggers' },
          { title: 'Lapse and relapse' },
        ],
      },
      headers: ifMatch(2),
    });
    expectStatus(next, 200);
    expect(next.body.topics).toEqual([
      { id: cravings!.id, position: 1, title: 'Cravings and urges' },
      { id: triggers!.id, position: 2, title: 'Triggers' },
      { id: expect.any(String), position: 3, title: 'Lapse and relapse' },
    ]);
    const clinicianSave = await call(s.t.app, 'PUT', curriculumPath(track), {
      session: s.clinician,
      body: { topics: [] },
      headers: ifMatch(3),
    });
    expectStatus(clinicianSave, 403);
  });

  it('rotates a schedule through the curriculum in order and refuses a topic of another track', async () => {
    const track = await createTrack('Rotation');
    const other = await createTrack('Rotation other');
    const bare = await schedule(track, {
      weekdays: [1],
      startTime: '18:00',
      endTime: '21:00',
      startsOn: '2031-06-02',
      endsOn: '2031-06-30',
      rotateCurriculum: true,
    });
    expectStatus(bare, 422);
    expect(bare.body.error.fields[0]?.path).toBe('rotateCurriculum');

    const { topics } = await saveCurriculum(track, ['Triggers', 'Cravings', 'Refusal skills']);
    const { topics: otherTopics } = await saveCurriculum(other, ['Elsewhere']);
    const foreign = await schedule(track, {
      weekdays: [1],
      startTime: '18:00',
      endTime: '21:00',
      startsOn: '2031-06-02',
      endsOn: '2031-06-30',
      curriculumTopicId: otherTopics[0]!.id,
    });
    expectStatus(foreign, 422);
    expect(foreign.body.error.fields[0]?.path).toBe('curriculumTopicId');

    // Five Mondays of June 2031 starting at the second topic: the rotation wraps after the third.
    const res = await schedule(track, {
      weekdays: [1],
      startTime: '18:00',
      endTime: '21:00',
      startsOn: '2031-06-02',
      endsOn: '2031-06-30',
      rotateCurriculum: true,
      curriculumTopicId: topics[1]!.id,
    });
    expectStatus(res, 201);
    expect(res.body.sessions.map((s) => s.topic)).toEqual([
      'Cravings',
      'Refusal skills',
      'Triggers',
      'Cravings',
      'Refusal skills',
    ]);
    expect(res.body.sessions[2]?.curriculumTopicId).toBe(topics[0]!.id);
  });
});

describe('covered and missed topics (rolling admission)', () => {
  it("shows a member's covered, missed and coming topics, with the next session in any track for a missed one", async () => {
    const evening = await createTrack('Topics evening');
    const day = await createTrack('Topics day');
    await saveCurriculum(evening, ['Triggers', 'Cravings', 'Refusal skills', 'Sleep']);
    await saveCurriculum(day, ['Cravings', 'Triggers', 'Refusal skills']);
    // Evening: Mon and Tue 18:00 from 7 April (Triggers, Cravings, Refusal skills, Sleep, Triggers …).
    const eveningWeek = await schedule(evening, {
      weekdays: [1, 2],
      startTime: '18:00',
      endTime: '21:00',
      startsOn: '2031-04-07',
      endsOn: '2031-05-04',
      rotateCurriculum: true,
    });
    expectStatus(eveningWeek, 201);
    // Day: Thursdays 10:00 from 10 April (Cravings, Triggers, Refusal skills …).
    const dayWeek = await schedule(day, {
      weekdays: [4],
      startTime: '10:00',
      endTime: '13:00',
      startsOn: '2031-04-10',
      endsOn: '2031-05-04',
      rotateCurriculum: true,
    });
    expectStatus(dayWeek, 201);
    const [[member, episode]] = (await admitted('TOPIC', 1)) as [[string, string]];
    expect(
      (await enrol(member, { episodeId: episode, trackId: evening, startsOn: '2031-04-07' })).status,
    ).toBe(201);
    const [monday, tuesday] = eveningWeek.body.sessions;
    expect((await roster(monday!.id, [{ patientId: member, status: 'present' }])).status).toBe(200);
    expect((await roster(tuesday!.id, [{ patientId: member, status: 'unexcused' }])).status).toBe(200);

    const res = await call(s.t.app, 'GET', `/api/patients/${member}/topics`, { session: s.nurse });
    expectStatus(res, 200);
    const [program] = res.body.items;
    expect(program).toMatchObject({ trackId: evening, trackName: 'Topics evening' });
    expect(program?.topics).toMatchObject([
      { title: 'Triggers', status: 'covered', sessionDate: '2031-04-07', next: null },
      {
        title: 'Cravings',
        status: 'missed',
        sessionDate: '2031-04-08',
        // Thursday's day-track session covers it before the evening track comes round to it again.
        next: { trackId: day, trackName: 'Topics day', localDate: '2031-04-10' },
      },
      { title: 'Refusal skills', status: 'not_yet', next: { trackId: evening, localDate: '2031-04-14' } },
      { title: 'Sleep', status: 'not_yet', next: { trackId: evening, localDate: '2031-04-15' } },
    ]);

    // The member makes Cravings up on Thursday (recorded here ahead of the day): it counts as covered.
    const thursday = dayWeek.body.sessions[0];
    expect((await roster(thursday!.id, [{ patientId: member, status: 'present' }])).status).toBe(200);
    const after = await call(s.t.app, 'GET', `/api/patients/${member}/topics`, { session: s.nurse });
    expectStatus(after, 200);
    expect(after.body.items[0]?.topics[1]).toMatchObject({
      title: 'Cravings',
      status: 'covered',
      sessionDate: '2031-04-10',
    });
  });
});

describe('weekly-target steps and the level of care', () => {
  const episodeOf = async (patientId: string) =>
    okBody(await call(s.t.app, 'GET', `/api/patients/${patientId}/episodes`, { session: s.nurse })).items[0]!;
  const steps = <P extends string>(path: P, body: unknown, version?: number) =>
    call(s.t.app, 'PUT', path, {
      session: s.clinician,
      body,
      headers: version === undefined ? undefined : ifMatch(version),
    });

  it('writes a planned step-down to the history, and moves the episode to outpatient once the step is this week', async () => {
    const track = await createTrack('Step-down');
    const [[patientId, episodeId]] = (await admitted('STEP', 1)) as [[string, string]];
    // Admitted Monday 3 March: week 6 is the week of 7 April, today's.
    const enrolled = await enrol(patientId, { episodeId, trackId: track, startsOn: '2031-04-07' });
    expectStatus(enrolled, 201);
    expect(enrolled.body).toMatchObject({ version: 1, medicareCoverage: false });
    const path = `/api/patients/${patientId}/enrolments/${enrolled.body.id}/target-steps` as const;

    expect((await steps(path, { targetSteps: [{ fromWeek: 1, toWeek: 8, hours: 9 }] })).status).toBe(428);
    const bad = await steps(path, { targetSteps: [{ fromWeek: 2, toWeek: 8, hours: 9 }] }, 1);
    expectStatus(bad, 422);
    expect(errorOf(bad).fields[0]?.path).toBe('targetSteps.steps[0]?.fromWeek');

    // Weeks 1–6 at 9 h, 7–8 at 6 h: outpatient from week 7 (Monday 14 April), still IOP today.
    const planned = await steps(
      path,
      {
        targetSteps: [
          { fromWeek: 1, toWeek: 6, hours: 9 },
          { fromWeek: 7, toWeek: 8, hours: 6 },
        ],
      },
      1,
    );
    expectStatus(planned, 200);
    expect(planned.headers.get('etag')).toBe('"2"');
    expect(planned.body).toMatchObject({
      episodeLevel: '2.1',
      levelChanges: [{ fromLevel: '2.1', toLevel: '1', effectiveOn: '2031-04-14' }],
    });
    let episode = await episodeOf(patientId);
    expect(episode?.level).toBe('2.1');
    expect(
      episode.levelHistory.map((h: { toLevel: string; effectiveOn: string }) => [h.toLevel, h.effectiveOn]),
    ).toEqual([
      ['2.1', '2031-03-03'],
      ['1', '2031-04-14'],
    ]);

    const stale = await steps(path, { targetSteps: [{ fromWeek: 1, toWeek: 8, hours: 9 }] }, 1);
    expectStatus(stale, 409);

    // Goals met sooner: 6 h from week 6. The planned row is replaced; the episode steps down now.
    const sooner = await steps(
      path,
      {
        targetSteps: [
          { fromWeek: 1, toWeek: 5, hours: 9 },
          { fromWeek: 6, toWeek: 8, hours: 6 },
        ],
      },
      2,
    );
    expectStatus(sooner, 200);
    expect(sooner.body).toMatchObject({
      episodeLevel: '1',
      levelChanges: [{ fromLevel: '2.1', toLevel: '1', effectiveOn: '2031-04-07' }],
    });
    episode = await episodeOf(patientId);
    expect(episode?.level).toBe('1');
    expect(
      episode.levelHistory.map(
        (h: { fromLevel: string | null; toLevel: string; direction: string; effectiveOn: string }) => [
          h.fromLevel,
          h.toLevel,
          h.direction,
          h.effectiveOn,
        ],
      ),
    ).toEqual([
      [null, '2.1', expect.any(String), '2031-03-03'],
      ['2.1', '1', 'step-down', '2031-04-07'],
    ]);
    const list = await call(s.t.app, 'GET', `/api/patients/${patientId}/enrolments`, { session: s.nurse });
    expect(okBody(list).items[0]).toMatchObject({
      version: 3,
      targetSteps: sooner.body.enrolment.targetSteps,
    });
  });
});

describe('seats on every day of an enrolment', () => {
  it('counts a member enrolled from a later day, and frees a seat only from the day a member leaves', async () => {
    const track = await createTrack('Two seats', 2);
    const elsewhere = await createTrack('Elsewhere');
    const [[p1, e1], [p2, e2], [p3, e3], [p4, e4]] = (await admitted('SEAT', 4)) as [
      [string, string],
      [string, string],
      [string, string],
      [string, string],
    ];
    expect((await enrol(p1, { episodeId: e1, trackId: track, startsOn: '2031-05-05' })).status).toBe(201);
    expect((await enrol(p2, { episodeId: e2, trackId: track, startsOn: '2031-04-21' })).status).toBe(201);
    // Only one member on 21 April, but two from 5 May: no seat for the whole of an open-ended enrolment.
    const full = await enrol(p3, { episodeId: e3, trackId: track, startsOn: '2031-04-21' });
    expectStatus(full, 409);
    expect(full.body.error.code).toBe('track_full');
    // The first member transfers out from 12 May (last day in the track 11 May).
    expect((await enrol(p1, { episodeId: e1, trackId: elsewhere, startsOn: '2031-05-12' })).status).toBe(201);
    expect((await enrol(p3, { episodeId: e3, trackId: track, startsOn: '2031-05-12' })).status).toBe(201);
    // From 28 April the first member's seat is still taken until 11 May.
    const stillFull = await enrol(p4, { episodeId: e4, trackId: track, startsOn: '2031-04-28' });
    expectStatus(stillFull, 409);
  });
});

describe('Idempotency-Key on creates', () => {
  it('answers a retried track or enrolment with the first answer and creates once', async () => {
    const key = { 'idempotency-key': 'track-retry-1' };
    const body = { name: 'Retried track', timeOfDay: 'day', modality: 'hybrid' };
    const first = await call(s.t.app, 'POST', programPath('/tracks'), {
      session: s.director,
      body,
      headers: key,
    });
    const again = await call(s.t.app, 'POST', programPath('/tracks'), {
      session: s.director,
      body,
      headers: key,
    });
    expectStatus(first, 201);
    expectStatus(again, 201);
    expect(again.body.id).toBe(first.body.id);
    const stored = await s.t.db.tx((tx) => tx.select().from(tracks).where(eq(tracks.name, 'Retried track')));
    expect(stored).toHaveLength(1);
    const reused = await call(s.t.app, 'POST', programPath('/tracks'), {
      session: s.director,
      body: { ...body, name: 'Another' },
      headers: key,
    });
    expectStatus(reused, 422);

    const [[patientId, episodeId]] = (await admitted('IDEM', 1)) as [[string, string]];
    const enrolKey = { 'idempotency-key': 'enrol-retry-1' };
    const a = await enrol(patientId, { episodeId, trackId: first.body.id, startsOn: '2031-04-07' }, enrolKey);
    const b = await enrol(patientId, { episodeId, trackId: first.body.id, startsOn: '2031-04-07' }, enrolKey);
    expectStatus(a, 201);
    expectStatus(b, 201);
    expect(b.body.id).toBe(a.body.id);
  });
});

describe('Medicare coverage', () => {
  it('holds a member with Medicare to 9 h a week in the at-risk list although their plan says 6 h', async () => {
    const track = await createTrack('Medicare evening');
    const week = await schedule(track, {
      weekdays: [1, 2],
      startTime: '07:00',
      endTime: '10:00',
      startsOn: '2031-04-07',
      endsOn: '2031-04-13',
    });
    expectStatus(week, 201);
    const [[covered, e1], [plain, e2]] = (await admitted('MCARE', 2)) as [[string, string], [string, string]];
    const sixHours = [{ fromWeek: 1, toWeek: 52, hours: 6 }];
    const a = await enrol(covered, {
      episodeId: e1,
      trackId: track,
      startsOn: '2031-04-07',
      targetSteps: sixHours,
      medicareCoverage: true,
    });
    expectStatus(a, 201);
    expect(a.body.medicareCoverage).toBe(true);
    expect(
      (await enrol(plain, { episodeId: e2, trackId: track, startsOn: '2031-04-07', targetSteps: sixHours }))
        .status,
    ).toBe(201);
    for (const s of week.body.sessions) {
      const saved = await roster(s.id, [
        { patientId: covered, status: 'present' },
        { patientId: plain, status: 'present' },
      ]);
      expectStatus(saved, 200);
    }
    const list = await call(s.t.app, 'GET', `${programPath('/at-risk')}?week=2031-04-09`, {
      session: s.director,
    });
    expectStatus(list, 200);
    const mine = list.body.items.filter((m: { patientId: string }) => [covered, plain].includes(m.patientId));
    // 6 h attended meets the plain member's 6 h; the Medicare member still needs 9.
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      patientId: covered,
      medicareCoverage: true,
      targetHours: 9,
      dose: { attendedHours: 6, status: 'at_risk', medicareMinimumMet: false },
    });
  });
});
