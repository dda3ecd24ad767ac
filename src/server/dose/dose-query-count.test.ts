import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attendance } from '../attendance';
import { enrolments } from '../enrolment';
import { episodes } from '../episodes';
import { patients } from '../patients';
import { sites, users } from '../platform/db/platform.table';
import { call, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

/** The at-risk ledger loads the week in bulk: its statement count must not grow with the members. */
const s = withTestApp({ director: 'director@demo.openiop.org' });
let organizationId: string;
let directorId: string;
const tracks: string[] = [];
const sessionsOfTrack = new Map<string, string[]>();

beforeAll(async () => {
  await s.t.db.tx(async (tx) => {
    organizationId = (await tx.select().from(sites).where(eq(sites.id, s.ids.north)))[0]!.organizationId;
    directorId = (await tx.select().from(users).where(eq(users.email, 'director@demo.openiop.org')))[0]!.id;
  });
  for (const [i, start] of ['09:00', '13:00', '18:00'].entries()) {
    const track = await call(
      s.t.app,
      'POST',
      `/api/sites/${s.ids.north}/programs/${s.ids.northAdultIop}/tracks`,
      {
        session: s.director,
        body: { name: `QC ${i}`, timeOfDay: 'day', modality: 'in_person', capacity: 15 },
      },
    );
    const res = await call(
      s.t.app,
      'POST',
      `/api/sites/${s.ids.north}/tracks/${okBody(track).id}/schedules`,
      {
        session: s.director,
        body: {
          weekdays: [1, 3, 5],
          startTime: start,
          endTime: `${Number(start.slice(0, 2)) + 3}:00`.padStart(5, '0'),
          startsOn: '2033-01-03',
          endsOn: '2033-01-09',
          sessionType: 'group_therapy',
          facilitatorId: directorId,
        },
      },
    );
    expectStatus(res, 201);
    tracks.push(okBody(track).id);
    sessionsOfTrack.set(
      okBody(track).id,
      res.body.sessions.map((s: { id: string }) => s.id),
    );
  }
});

/** Enrols members directly (the route is tested elsewhere) and records Monday's attendance for each. */
async function addMembers(n: number, from: number) {
  await s.t.db.tx(async (tx) => {
    const created = await tx
      .insert(patients)
      .values(
        Array.from({ length: n }, (_, k) => ({
          organizationId,
          siteId: s.ids.north,
          mrn: `DQ${from + k}`,
          givenName: `G${from + k}`,
          familyName: `F${from + k}`,
          dateOfBirth: '1980-01-01',
        })),
      )
      .returning();
    const eps = await tx
      .insert(episodes)
      .values(
        created.map((p) => ({
          organizationId,
          siteId: s.ids.north,
          patientId: p.id,
          programId: s.ids.northAdultIop,
          status: 'active',
          edition: 3,
          level: '2.1',
          admittedOn: '2033-01-03',
        })),
      )
      .returning();
    const rows = eps.map((e, k) => ({
      organizationId,
      siteId: s.ids.north,
      patientId: e.patientId,
      episodeId: e.id,
      programId: s.ids.northAdultIop,
      trackId: tracks[(from + k) % tracks.length]!,
      startsOn: '2033-01-03',
      targetSteps: [{ fromWeek: 1, toWeek: 1, hours: 9 }],
      createdBy: directorId,
    }));
    await tx.insert(enrolments).values(rows);
    await tx.insert(attendance).values(
      rows.map((r, k) => ({
        organizationId,
        siteId: s.ids.north,
        sessionId: sessionsOfTrack.get(r.trackId)![0]!,
        patientId: r.patientId,
        status: (from + k) % 2 === 0 ? 'present' : 'unexcused',
        minutes: (from + k) % 2 === 0 ? 180 : 0,
        recordedBy: directorId,
      })),
    );
  });
}

async function statementsFor<P extends string>(path: P) {
  const before = s.t.db.queryCount();
  const res = await call(s.t.app, 'GET', path, { session: s.director });
  expectStatus(res, 200);
  return { count: s.t.db.queryCount() - before, res };
}

describe('query count of the dose ledger', () => {
  it('is the same for the at-risk list at 3 and at 40 members', async () => {
    const path = `/api/sites/${s.ids.north}/programs/${s.ids.northAdultIop}/at-risk?week=2033-01-05` as const;
    await addMembers(3, 0);
    const small = await statementsFor(path);
    expect(small.res.body.items.length).toBeGreaterThan(0);
    await addMembers(37, 3);
    const large = await statementsFor(path);
    expect(large.res.body.items).toHaveLength(20);
    expect(large.count).toBe(small.count);
  });
});
