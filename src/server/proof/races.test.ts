import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { patients } from '../patients';
import { auditLog } from '../platform/db/platform.table';
import { call, expectStatus, login, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { generateSyntheticData, SCALES } from './synthetic-data';

/**
 * Races, in-process on both stores. 1,000 writers save one versioned record at once, each
 * with the version it read (a spread of 100 versions): every save is applied once or answered 409, the
 * record's final version counts exactly the applied saves, and the last applied value is the one stored.
 * Concurrent replays of a create with one Idempotency-Key leave exactly one row.
 */
const WRITERS = Number(process.env.OPENIOP_RACE_WRITERS ?? 1000);
const HELD_VERSIONS = 100;

const s = withTestApp({ clinician: 'clinician@demo.openiop.org' });

describe('concurrent versioned updates (If-Match)', () => {
  it(`${WRITERS} writers on one patient: each update applied once or 409; final version = updates applied`, async () => {
    const start = await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}`, { session: s.clinician });
    const v0 = Number(okBody(start).version);
    const applied: { writer: number; version: number; value: string }[] = [];
    const outcomes = new Map<number, number>();
    const unexpected: string[] = [];

    // The writers read the record at different moments: they hold versions v0 … v0+99 when they all save.
    async function writer(i: number) {
      const value = `Writer ${i}`;
      const res = await call(s.t.app, 'PATCH', `/api/patients/${s.ids.okafor}`, {
        session: s.clinician,
        headers: { 'if-match': `"${v0 + (i % HELD_VERSIONS)}"` },
        body: { preferredName: value },
      });
      outcomes.set(res.status, (outcomes.get(res.status) ?? 0) + 1);
      if (res.status === 200) {
        applied.push({ writer: i, version: Number(res.body.version), value });
        if (res.headers.get('etag') !== `"${res.body.version}"`)
          unexpected.push(`etag ${res.headers.get('etag')}`);
      } else if (res.status !== 409 || res.body.error.code !== 'version_conflict') {
        unexpected.push(`${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));

    expect(unexpected).toEqual([]);
    expect([...outcomes.keys()].sort()).toEqual(outcomes.has(409) ? [200, 409] : [200]);
    expect(applied.length).toBeGreaterThan(0);
    // Applied once each: the versions the writers got back are v0+1 … v0+applied, with no gaps or repeats.
    const versions = applied.map((a) => a.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: applied.length }, (_, k) => v0 + 1 + k));
    const after = await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}`, { session: s.clinician });
    expect(okBody(after).version).toBe(v0 + applied.length);
    // Nothing lost: the stored value is the one the writer holding the last version sent.
    const last = applied.find((a) => a.version === v0 + applied.length)!;
    expect(okBody(after).preferredName).toBe(last.value);
    // Each applied update was audited once, in its own transaction; refused attempts left no audit row.
    const audited = await s.t.db.tx((tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'patient.update'), eq(auditLog.patientId, s.ids.okafor))),
    );
    expect(audited[0]!.n).toBe(applied.length);
    console.info(
      `races (${s.t.db.kind}): ${WRITERS} writers, ${applied.length} applied, ${outcomes.get(409) ?? 0} answered 409`,
    );
  }, 240_000);
});

describe('concurrent Idempotency-Key replays of a create', () => {
  it('50 simultaneous retries of one patient create make exactly one patient, and all get its answer', async () => {
    const body = { givenName: 'Idem', familyName: `Potent-${s.t.db.kind}`, dateOfBirth: '1985-06-15' };
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        call(s.t.app, 'POST', `/api/sites/${s.ids.north}/patients`, {
          session: s.clinician,
          headers: { 'idempotency-key': 'race-create-1' },
          body,
        }),
      ),
    );
    expect(replies.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(replies.map((r) => okBody(r).id)).size).toBe(1);
    const rows = await s.t.db.tx((tx) =>
      tx.select().from(patients).where(eq(patients.familyName, body.familyName)),
    );
    expect(rows.map((r) => r.id)).toEqual([okBody(replies[0]!).id]);

    // The same key with a different body is refused, and still only one row exists.
    const reused = await call(s.t.app, 'POST', `/api/sites/${s.ids.north}/patients`, {
      session: s.clinician,
      headers: { 'idempotency-key': 'race-create-1' },
      body: { ...body, givenName: 'Other' },
    });
    expectStatus(reused, 422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  }, 120_000);

  it('50 simultaneous retries of a referral create make exactly one referral', async () => {
    const body = {
      programId: s.ids.northAdultIop,
      referredOn: '2026-11-02',
      source: 'self',
      note: 'Idempotency race',
    };
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        call(s.t.app, 'POST', `/api/patients/${s.ids.bell}/referrals`, {
          session: s.clinician,
          headers: { 'idempotency-key': 'race-referral-1' },
          body,
        }),
      ),
    );
    expect(
      replies.map((r) => `${r.status}`).filter((s) => s !== '201'),
      replies[0]!.text,
    ).toEqual([]);
    expect(new Set(replies.map((r) => okBody(r).id)).size).toBe(1);
    const list = await call(s.t.app, 'GET', `/api/patients/${s.ids.bell}/referrals`, {
      session: s.clinician,
    });
    expect(okBody(list).items.filter((r: { id: string }) => r.id === okBody(replies[0]!).id)).toHaveLength(1);
  }, 120_000);
});

describe('concurrent saves of one roster', () => {
  // Found by the mixed-workload benchmark: two saves at once both inserted after their deletes and one
  // failed on the (session, patient) unique index with a 500. Saves now name the roster version they read:
  // of 20 saves made from one read, one is applied whole and the others answer 409, so no edit is lost.
  it('20 simultaneous saves from one read: one applied whole, 19 answer 409 version_conflict', async () => {
    const data = await generateSyntheticData(s.t.db, SCALES.tiny, { seed: 3, label: 'rosterrace' });
    const director = await login(s.t.app, data.directorEmail);
    const path = `/api/sites/${data.busySessionSiteId}/sessions/${data.busySessionId}/attendance` as const;
    const roster = await call(s.t.app, 'GET', path, { session: director });
    const members: string[] = okBody(roster).members.map((m: { patientId: string }) => m.patientId);
    expect(members.length).toBeGreaterThan(3);
    const read = roster.headers.get('etag')!;
    expect(read).toBe(`"${okBody(roster).version}"`);
    const saves = Array.from({ length: 20 }, (_, i) =>
      members.map((patientId) => ({ patientId, status: 'present', minutes: 100 + i })),
    );
    const replies = await Promise.all(
      saves.map((rows) =>
        call(s.t.app, 'PUT', path, { session: director, headers: { 'if-match': read }, body: { rows } }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of replies.filter((r) => r.status === 409))
      expect(r.body.error.code).toBe('version_conflict');
    const winner = replies.findIndex((r) => r.status === 200);
    const after = await call(s.t.app, 'GET', path, { session: director });
    expect(okBody(after).version).toBe(okBody(roster).version + 1);
    const recorded = okBody(after).members.map(
      (m: { attendance: { minutes: number } | null }) => m.attendance,
    );
    expect(recorded.filter((a: unknown) => a === null)).toEqual([]);
    expect(new Set(recorded.map((a) => a?.minutes))).toEqual(new Set([100 + winner]));
  }, 120_000);
});
