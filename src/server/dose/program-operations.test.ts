import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { patients } from '../patients';
import { sites, users } from '../platform/db/platform.table';
import { DEMO_PATIENT_EMAIL } from '../seed/demo-seed';
import { admit, ifMatch } from '../test-support/clinical-fixtures';
import { call, expectStatus, login, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  director: 'director@demo.openiop.org',
  clinician: 'clinician@demo.openiop.org', // North only
  nurse: 'nurse@demo.openiop.org',
  admin: 'admin@demo.openiop.org',
  portal: DEMO_PATIENT_EMAIL, // Jordan Rivera
});
let directorId: string;
let prescriberId: string;

beforeAll(async () => {
  const user = async (email: string) =>
    (await s.t.db.tx((tx) => tx.select().from(users).where(eq(users.email, email))))[0]!.id;
  directorId = await user('director@demo.openiop.org');
  prescriberId = await user('prescriber@demo.openiop.org');
});

const programPath = <Rest extends string>(rest: Rest, program = s.ids.northAdultIop, site = s.ids.north) =>
  `/api/sites/${site}/programs/${program}${rest}` as const;

async function createTrack(name: string, capacity?: number) {
  const res = await call(s.t.app, 'POST', programPath('/tracks'), {
    session: s.director,
    body: { name, timeOfDay: 'evening', modality: 'virtual', ...(capacity ? { capacity } : {}) },
  });
  expectStatus(res, 201);
  return res.body.id as string;
}

async function schedule(trackId: string, body: Record<string, unknown>, session = s.clinician) {
  return call(s.t.app, 'POST', `/api/sites/${s.ids.north}/tracks/${trackId}/schedules`, { session, body });
}

/** Adds patients at North and admits each into the North adult IOP; returns [patientId, episodeId][]. */
async function admittedPatients(prefix: string, n: number): Promise<[string, string][]> {
  const [north] = await s.t.db.tx((tx) => tx.select().from(sites).where(eq(sites.id, s.ids.north)));
  const created = await s.t.db.tx((tx) =>
    tx
      .insert(patients)
      .values(
        Array.from({ length: n }, (_, i) => ({
          organizationId: north!.organizationId,
          siteId: s.ids.north,
          mrn: `${prefix}${i}`,
          givenName: `${prefix}Given${i}`,
          familyName: `${prefix}Family${String(i).padStart(2, '0')}`,
          dateOfBirth: '1985-05-05',
        })),
      )
      .returning(),
  );
  const out: [string, string][] = [];
  for (const p of created) {
    const ep = await admit(s.t, s.clinician, p.id, s.ids.northAdultIop);
    out.push([p.id, ep.body.id]);
  }
  return out;
}

const enrol = (patientId: string, body: Record<string, unknown>, session = s.clinician) =>
  call(s.t.app, 'POST', `/api/patients/${patientId}/enrolments`, { session, body });

describe('program settings and tracks', () => {
  it('shows defaults from the hour bands, saves a week start and zone, refuses an unknown zone', async () => {
    const before = await call(s.t.app, 'GET', programPath('/settings'), { session: s.nurse });
    expectStatus(before, 200);
    expect(before.body).toMatchObject({ kind: 'iop', population: 'adult', band: { atLeastHours: 9 } });
    expect(before.body).toMatchObject({ configured: false, version: 0 });
    const unversioned = await call(s.t.app, 'PUT', programPath('/settings'), {
      session: s.director,
      body: { weekStartsOn: 1, timeZone: 'America/Chicago' },
    });
    expectStatus(unversioned, 428);
    expect(unversioned.body.error.fields[0]?.path).toBe('header.If-Match');
    const bad = await call(s.t.app, 'PUT', programPath('/settings'), {
      session: s.director,
      body: { weekStartsOn: 1, timeZone: 'Mars/Olympus' },
      headers: ifMatch(0),
    });
    expectStatus(bad, 422);
    expect(bad.body.error.fields[0]?.path).toBe('timeZone');
    const ok = await call(s.t.app, 'PUT', programPath('/settings'), {
      session: s.director,
      body: { weekStartsOn: 1, timeZone: 'America/Chicago' },
      headers: ifMatch(0),
    });
    expectStatus(ok, 200);
    expect(ok.body).toMatchObject({
      weekStartsOn: 1,
      timeZone: 'America/Chicago',
      configured: true,
      version: 1,
    });
    // A second editor who read the defaults loses the race.
    const stale = await call(s.t.app, 'PUT', programPath('/settings'), {
      session: s.director,
      body: { weekStartsOn: 2, timeZone: 'America/Chicago' },
      headers: ifMatch(0),
    });
    expectStatus(stale, 409);
    expect(stale.body.error.code).toBe('version_conflict');
    const byClinician = await call(s.t.app, 'PUT', programPath('/settings'), {
      session: s.clinician,
      body: { weekStartsOn: 1, timeZone: 'America/Chicago' },
      headers: ifMatch(1),
    });
    expectStatus(byClinician, 403);
  });

  it('defaults capacity to 12 and refuses more than 15', async () => {
    const id = await createTrack('Evening A');
    const list = await call(s.t.app, 'GET', programPath('/tracks'), { session: s.nurse });
    expect(okBody(list).items.find((x: { id: string }) => x.id === id)).toMatchObject({
      capacity: 12,
      members: 0,
    });
    const big = await call(s.t.app, 'POST', programPath('/tracks'), {
      session: s.director,
      body: { name: 'Too big', timeOfDay: 'day', modality: 'in_person', capacity: 16 },
    });
    expectStatus(big, 422);
    expect(big.body.error.fields[0]?.path).toBe('capacity');
  });

  it("refuses another site's clinician and the administrator", async () => {
    const south = await call(s.t.app, 'GET', programPath('/tracks', s.ids.southAdultIop, s.ids.south), {
      session: s.clinician,
    });
    expectStatus(south, 403);
    const adminRead = await call(s.t.app, 'GET', programPath('/tracks'), { session: s.admin });
    expectStatus(adminRead, 403);
  });
});

describe('schedules and sessions', () => {
  it('expands Mon/Wed/Thu 18:00–21:00 Chicago across the spring-forward change', async () => {
    const track = await createTrack('DST evening');
    const res = await schedule(track, {
      weekdays: [1, 3, 4],
      startTime: '18:00',
      endTime: '21:00',
      startsOn: '2031-03-03',
      endsOn: '2031-03-13',
      sessionType: 'group_therapy',
      topic: 'Relapse prevention',
      facilitatorId: s.ids.clinicianId,
      telehealthUrl: 'https://meet.example.org/dst',
    });
    expectStatus(res, 201);
    const starts = res.body.sessions.map((s: { startsAt: string }) => s.startsAt);
    // US DST starts 2031-03-09: 18:00 CST is 00:00Z, 18:00 CDT is 23:00Z.
    expect(starts).toEqual([
      '2031-03-04T00:00:00.000Z',
      '2031-03-06T00:00:00.000Z',
      '2031-03-07T00:00:00.000Z',
      '2031-03-10T23:00:00.000Z',
      '2031-03-12T23:00:00.000Z',
      '2031-03-13T23:00:00.000Z',
    ]);
    expect(res.body.sessions.every((s: { minutes: number }) => s.minutes === 180)).toBe(true);
  });

  it('answers 422 naming endTime, weekdays (no sessions) and a group without a licensed facilitator', async () => {
    const track = await createTrack('Bad input');
    const base = { startsOn: '2031-05-05', endsOn: '2031-05-09', sessionType: 'individual' };
    const ends = await schedule(track, { ...base, weekdays: [1], startTime: '18:00', endTime: '17:00' });
    expectStatus(ends, 422);
    expect(ends.body.error.fields[0]?.path).toBe('endTime');
    const none = await schedule(track, { ...base, weekdays: [6], startTime: '18:00', endTime: '19:00' });
    expectStatus(none, 422);
    expect(none.body.error.fields[0]?.path).toBe('weekdays');
    const unlicensed = await schedule(track, {
      ...base,
      weekdays: [1],
      startTime: '09:00',
      endTime: '10:00',
      sessionType: 'group_therapy',
      facilitatorId: s.ids.nurseId,
    });
    expectStatus(unlicensed, 422);
    expect(unlicensed.body.error.fields[0]?.path).toBe('facilitatorId');
  });

  it('answers 409 naming the session when a facilitator or room is double-booked', async () => {
    const track = await createTrack('Double');
    const first = await call(s.t.app, 'POST', programPath('/sessions'), {
      session: s.clinician,
      body: {
        trackId: track,
        date: '2031-06-02',
        startTime: '10:00',
        endTime: '12:00',
        sessionType: 'group_therapy',
        facilitatorId: directorId,
        room: 'Room 4',
      },
    });
    expectStatus(first, 201);
    const sameFacilitator = await call(s.t.app, 'POST', programPath('/sessions'), {
      session: s.clinician,
      body: {
        date: '2031-06-02',
        startTime: '11:00',
        endTime: '12:30',
        sessionType: 'individual',
        facilitatorId: directorId,
      },
    });
    expectStatus(sameFacilitator, 409);
    expect(sameFacilitator.body.error.message).toContain(first.body.id);
    const sameRoom = await schedule(track, {
      weekdays: [1],
      startsOn: '2031-05-26',
      endsOn: '2031-06-09',
      startTime: '11:30',
      endTime: '13:00',
      sessionType: 'family',
      room: 'Room 4',
    });
    expectStatus(sameRoom, 409);
    expect(sameRoom.body.error.message).toContain(first.body.id);
    const backToBack = await call(s.t.app, 'POST', programPath('/sessions'), {
      session: s.clinician,
      body: {
        date: '2031-06-02',
        startTime: '12:00',
        endTime: '13:00',
        sessionType: 'individual',
        facilitatorId: directorId,
        room: 'Room 4',
      },
    });
    expectStatus(backToBack, 201);
  });

  it("refuses another site's clinician scheduling there", async () => {
    const res = await call(s.t.app, 'POST', programPath('/sessions', s.ids.southAdultIop, s.ids.south), {
      session: s.clinician,
      body: { date: '2031-06-02', startTime: '10:00', endTime: '11:00', sessionType: 'individual' },
    });
    expectStatus(res, 403);
  });
});

describe('enrolment', () => {
  it('lets exactly 12 of 13 simultaneous enrolments into a 12-seat track succeed', async () => {
    const track = await createTrack('Race');
    const members = await admittedPatients('RACE', 13);
    const results = await Promise.all(
      members.map(([patientId, episodeId]) =>
        enrol(patientId, { episodeId, trackId: track, startsOn: '2031-01-06' }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(12);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.status).toBe(409);
    expect(refused[0]!.body.error.code).toBe('track_full');
  });

  it('counts the members enrolled today in the track list (tracks-member-count regression)', async () => {
    const track = await createTrack('Counted');
    const members = await admittedPatients('COUNT', 2);
    // Yesterday in UTC is on or before today in the site's zone (America/Chicago).
    const startsOn = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    for (const [patientId, episodeId] of members) {
      expect((await enrol(patientId, { episodeId, trackId: track, startsOn })).status).toBe(201);
    }
    const list = await call(s.t.app, 'GET', programPath('/tracks'), { session: s.nurse });
    expect(okBody(list).items.find((x: { id: string }) => x.id === track)).toMatchObject({ members: 2 });
  });

  it('keeps history on a transfer and stores the weekly target steps', async () => {
    const [patientId, episodeId] = (await admittedPatients('XFER', 1))[0]!;
    const a = await createTrack('Transfer A');
    const b = await createTrack('Transfer B');
    const steps = [
      { fromWeek: 1, toWeek: 4, hours: 9 },
      { fromWeek: 5, toWeek: 6, hours: 6 },
    ];
    const first = await enrol(patientId, {
      episodeId,
      trackId: a,
      startsOn: '2031-01-06',
      targetSteps: steps,
    });
    expectStatus(first, 201);
    const second = await enrol(patientId, { episodeId, trackId: b, startsOn: '2031-02-03' });
    expectStatus(second, 201);
    const list = await call(s.t.app, 'GET', `/api/patients/${patientId}/enrolments`, { session: s.nurse });
    expect(okBody(list).items).toMatchObject([
      { trackId: b, startsOn: '2031-02-03', endsOn: null },
      { trackId: a, startsOn: '2031-01-06', endsOn: '2031-02-02', targetSteps: steps },
    ]);
    const badSteps = await enrol(patientId, {
      episodeId,
      trackId: a,
      startsOn: '2031-03-03',
      targetSteps: [{ fromWeek: 2, toWeek: 3, hours: 9 }],
    });
    expectStatus(badSteps, 422);
  });
});

describe('attendance, dose, at-risk and the portal', () => {
  let track: string;
  let makeUpTrack: string;
  let sessions: { id: string; localDate: string; minutes: number }[];
  let makeUpSessionId: string;
  let members: [string, string][];

  beforeAll(async () => {
    track = await createTrack('Week of care');
    makeUpTrack = await createTrack('Make-up day');
    const res = await schedule(track, {
      weekdays: [1, 3, 5],
      startTime: '18:00',
      endTime: '21:00',
      startsOn: '2032-03-01',
      endsOn: '2032-03-07',
      sessionType: 'group_therapy',
      topic: 'Coping skills',
      facilitatorId: prescriberId,
      telehealthUrl: 'https://meet.example.org/evening',
    });
    expectStatus(res, 201);
    sessions = res.body.sessions;
    const makeUp = await schedule(makeUpTrack, {
      weekdays: [6],
      startTime: '09:00',
      endTime: '12:00',
      startsOn: '2032-03-01',
      endsOn: '2032-03-07',
      sessionType: 'group_therapy',
      facilitatorId: directorId,
    });
    expectStatus(makeUp, 201);
    makeUpSessionId = makeUp.body.sessions[0]!.id;
    members = await admittedPatients('WEEK', 4);
    for (const [patientId, episodeId] of members) {
      const r = await enrol(patientId, { episodeId, trackId: track, startsOn: '2032-03-01' });
      expectStatus(r, 201);
    }
  });

  /** Saves a roster as the roster screen does: with the version it just read (If-Match). */
  const roster = async (sessionId: string, rows: unknown[], session = s.nurse) => {
    const path = `/api/sites/${s.ids.north}/sessions/${sessionId}/attendance` as const;
    const read = await call(s.t.app, 'GET', path, { session });
    return call(s.t.app, 'PUT', path, {
      session,
      headers: { 'if-match': read.headers.get('etag') ?? '"1"' },
      body: { rows },
    });
  };

  it('saves a whole roster in one request and flags a group under 3', async () => {
    const monday = sessions[0]!;
    const res = await roster(monday.id, [
      { patientId: members[0]![0], status: 'present' },
      { patientId: members[1]![0], status: 'late', minutes: 150 },
      { patientId: members[2]![0], status: 'left_early', minutes: 120 },
      { patientId: members[3]![0], status: 'unexcused', absenceReason: 'no call' },
    ]);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ attendees: 3, belowMinimumGroupSize: false });
    expect(
      res.body.members.find((m: { patientId: string }) => m.patientId === members[0]![0])?.attendance,
    ).toMatchObject({
      status: 'present',
      minutes: 180,
    });
    const small = await roster(sessions[1]!.id, [
      { patientId: members[0]![0], status: 'present' },
      { patientId: members[1]![0], status: 'present' },
      { patientId: members[2]![0], status: 'excused' },
    ]);
    expect(small.body).toMatchObject({ attendees: 2, belowMinimumGroupSize: true });
    const read = await call(
      s.t.app,
      'GET',
      `/api/sites/${s.ids.north}/sessions/${sessions[1]!.id}/attendance`,
      {
        session: s.clinician,
      },
    );
    expect(okBody(read).members).toHaveLength(4);
  });

  it('matches a participant CSV to the roster, summing rejoins, and lists the unmatched', async () => {
    const csv = [
      'Name,Email,Join time,Leave time',
      'WEEKGiven0 WEEKFamily00,,2032-03-05 18:00:00,2032-03-05 19:00:00',
      '"WEEKFamily00, WEEKGiven0",,2032-03-05 19:10:00,2032-03-05 21:00:00',
      'Someone Else,else@example.org,2032-03-05 18:00:00,2032-03-05 18:30:00',
    ].join('\n');
    const res = await call(
      s.t.app,
      'POST',
      `/api/sites/${s.ids.north}/sessions/${sessions[2]!.id}/attendance/import`,
      {
        session: s.nurse,
        body: { csv },
      },
    );
    expectStatus(res, 200);
    expect(res.body.matched).toEqual([expect.objectContaining({ patientId: members[0]![0], minutes: 170 })]);
    expect(res.body.unmatched).toEqual([{ name: 'Someone Else', email: 'else@example.org', minutes: 30 }]);
  });

  it('answers 422 naming the row for minutes beyond the session plus 60 and for a member not enrolled', async () => {
    const over = await roster(sessions[2]!.id, [
      { patientId: members[0]![0], status: 'present', minutes: 180 },
      { patientId: members[1]![0], status: 'present', minutes: 241 },
    ]);
    expectStatus(over, 422);
    expect(over.body.error.fields[0]?.path).toBe('rows.1.minutes');
    const stranger = await roster(sessions[2]!.id, [{ patientId: s.ids.delgado, status: 'present' }]);
    expectStatus(stranger, 422);
    expect(stranger.body.error.fields[0]?.path).toBe('rows.0.patientId');
    const byFrontDesk = await roster(sessions[2]!.id, [], await login(s.t.app, 'frontdesk@demo.openiop.org'));
    expectStatus(byFrontDesk, 403);
  });

  it('shows a member who missed a session at risk with a make-up session offered', async () => {
    const atRisk = await call(s.t.app, 'GET', programPath('/at-risk?week=2032-03-03'), {
      session: s.director,
    });
    expectStatus(atRisk, 200);
    expect(atRisk.body.weekStart).toBe('2032-03-01');
    const absent = atRisk.body.items.find((m: { patientId: string }) => m.patientId === members[3]![0]);
    expect(absent).toMatchObject({
      targetHours: 9,
      dose: { status: 'at_risk', forecastHours: 6, gapMinutes: 180 },
      makeUp: { closesGap: true },
    });
    expect(absent?.makeUp?.sessions.map((s: { id: string }) => s.id)).toEqual([makeUpSessionId]);
    expect(atRisk.body.items.some((m: { patientId: string }) => m.patientId === members[0]![0])).toBe(false);

    const dose = await call(s.t.app, 'GET', `/api/patients/${members[3]![0]}/dose?week=2032-03-01`, {
      session: s.nurse,
    });
    expectStatus(dose, 200);
    expect(dose.body.items[0]).toMatchObject({
      weekNumber: expect.any(Number),
      dose: { attendedHours: 0, scheduledHours: 9 },
    });
  });

  it('shows the patient their upcoming sessions with links and cancellations', async () => {
    const enrolled = await enrol(s.ids.rivera, {
      episodeId: (await admit(s.t, s.clinician, s.ids.rivera, s.ids.northAdultIop)).body.id,
      trackId: track,
      startsOn: '2032-03-01',
    });
    expectStatus(enrolled, 201);
    const cancel = await call(
      s.t.app,
      'POST',
      `/api/sites/${s.ids.north}/sessions/${sessions[2]!.id}/cancel`,
      {
        session: s.clinician,
        body: { reason: 'weather', note: 'Ice storm' },
      },
    );
    expectStatus(cancel, 200);
    const mine = await call(s.t.app, 'GET', '/api/portal/sessions', { session: s.portal });
    expectStatus(mine, 200);
    expect(mine.body.items).toHaveLength(3);
    expect(mine.body.items[0]).toMatchObject({
      telehealthUrl: 'https://meet.example.org/evening',
      cancelled: false,
    });
    expect(mine.body.items[2]).toMatchObject({
      cancelled: true,
      cancelReason: 'weather',
      telehealthUrl: null,
    });
    const staffTry = await call(s.t.app, 'GET', '/api/portal/sessions', { session: s.clinician });
    expectStatus(staffTry, 403);
  });
  it('a roster save needs If-Match: 428 without it, 409 when another save came first (no edit lost)', async () => {
    const made = await call(s.t.app, 'POST', programPath('/sessions'), {
      session: s.director,
      body: {
        trackId: track,
        date: '2032-03-10',
        sessionType: 'individual',
        startTime: '09:00',
        endTime: '10:00',
      },
    });
    expectStatus(made, 201);
    const sessionId = made.body.id;
    const path = `/api/sites/${s.ids.north}/sessions/${sessionId}/attendance` as const;
    const read = await call(s.t.app, 'GET', path, { session: s.nurse });
    expectStatus(read, 200);
    expect(read.headers.get('etag')).toBe(`"${read.body.version}"`);
    const rows = (status: string) => [{ patientId: members[0]![0], status }];
    const bare = await call(s.t.app, 'PUT', path, { session: s.nurse, body: { rows: rows('present') } });
    expectStatus(bare, 428);
    expect(bare.body.error.fields).toEqual([{ path: 'header.If-Match', message: expect.any(String) }]);
    const first = await call(s.t.app, 'PUT', path, {
      session: s.nurse,
      headers: { 'if-match': read.headers.get('etag')! },
      body: { rows: rows('late') },
    });
    expectStatus(first, 200);
    expect(first.headers.get('etag')).toBe(`"${read.body.version + 1}"`);
    // A colleague who opened the roster before that save.
    const stale = await call(s.t.app, 'PUT', path, {
      session: s.clinician,
      headers: { 'if-match': read.headers.get('etag')! },
      body: { rows: rows('unexcused') },
    });
    expectStatus(stale, 409);
    expect(stale.body.error).toMatchObject({
      code: 'version_conflict',
      currentVersion: read.body.version + 1,
    });
    const after = await call(s.t.app, 'GET', path, { session: s.nurse });
    expect(
      okBody(after).members.find((m: { patientId: string }) => m.patientId === members[0]![0])?.attendance
        ?.status,
    ).toBe('late');
  });
});
