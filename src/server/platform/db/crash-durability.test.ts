// A patient the server acknowledged (201) must survive the server being killed right after: no shutdown code
// runs on SIGKILL, so only what was committed before the answer is left. Kill the real process at a random
// point in a stream of concurrent creates, restart it on the same data, and read every acknowledged patient.
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HttpResponse,
  type HttpSession,
  httpCall,
  processAlive,
  type ServerProcess,
  signIn,
  startServer,
  stopAllServers,
} from '../../test-support/server-process';
import { expectStatus, openTestDatabase, storeKind } from '../../test-support/test-app';

const KILL_POINTS = 3;
const IN_FLIGHT = 4;
const FEWEST_ACKS_BEFORE_KILL = 20;
const MOST_ACKS_BEFORE_KILL = 150;

// A seeded generator, so a failing run can be repeated: OPENIOP_CRASH_SEED=<seed printed below>.
const seed = Number(process.env.OPENIOP_CRASH_SEED ?? randomInt(2 ** 31));
console.log(`crash-durability (${storeKind()}): seed ${seed}; repeat with OPENIOP_CRASH_SEED=${seed}`);
function mulberry32(a: number) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(seed);
const killPoints = Array.from(
  { length: KILL_POINTS },
  () =>
    FEWEST_ACKS_BEFORE_KILL + Math.floor(random() * (MOST_ACKS_BEFORE_KILL - FEWEST_ACKS_BEFORE_KILL + 1)),
);

type Acknowledged = { id: string; mrn: string };

describe(`acknowledged creates survive SIGKILL (${storeKind()} store)`, () => {
  let serverEnv: Record<string, string>;
  let dataDir: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let server: ServerProcess | undefined;
  let siteIds: string[] = [];
  const acknowledged: Acknowledged[] = [];

  beforeAll(async () => {
    if (storeKind() === 'embedded') {
      dataDir = await mkdtemp(path.join(tmpdir(), 'openiop-crash-'));
      serverEnv = { OPENIOP_DATA_DIR: dataDir };
    } else {
      const copy = await openTestDatabase();
      dropDatabase = copy.drop;
      // The copy is already seeded; seeding again would be a no-op, but say what we mean.
      serverEnv = { DATABASE_URL: copy.url!, OPENIOP_SEED_DEMO: 'false' };
    }
    server = await startServer({ env: serverEnv });
    const sites = await httpCall(server.url, 'GET', '/api/sites', { session: await signIn(server.url) });
    expectStatus(sites, 200);
    siteIds = sites.body.items.map((s: { id: string }) => s.id);
    expect(siteIds.length).toBeGreaterThan(0);
  }, 180_000);

  afterAll(async () => {
    try {
      await stopAllServers();
    } finally {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      await dropDatabase?.();
    }
  });

  /** Creates patients, IN_FLIGHT at a time, and SIGKILLs the server the moment the `killAfter`-th 201 arrives. */
  async function createUntilKilled(
    target: ServerProcess,
    session: HttpSession,
    killAfter: number,
    round: number,
  ): Promise<Acknowledged[]> {
    const acked: Acknowledged[] = [];
    let sent = 0;
    let stopping = false;
    const writer = async () => {
      while (!stopping) {
        const n = sent++;
        let res: HttpResponse<`/api/sites/${string}/patients`, 'POST'>;
        try {
          res = await httpCall(target.url, 'POST', `/api/sites/${siteIds[n % siteIds.length]}/patients`, {
            session,
            body: { givenName: 'Crash', familyName: `Round${round}-${n}`, dateOfBirth: '1990-01-01' },
          });
        } catch (err) {
          // After the kill, requests in flight die with the connection: no answer, so no promise was made.
          if (stopping) return;
          stopping = true;
          throw err;
        }
        if (res.status !== 201) {
          stopping = true;
          throw new Error(`create ${n}: ${res.status} ${res.text}`);
        }
        // Every complete 201 counts, even one that arrives after the kill signal went out.
        acked.push({ id: res.body.id, mrn: res.body.mrn });
        if (acked.length === killAfter) {
          stopping = true;
          void target.kill();
        }
      }
    };
    const results = await Promise.allSettled(Array.from({ length: IN_FLIGHT }, writer));
    const failure = results.find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
    return acked;
  }

  /** Reads each patient back; returns one line per patient that is missing or changed. */
  async function unreadable(target: ServerProcess, session: HttpSession, expected: Acknowledged[]) {
    const problems: string[] = [];
    let next = 0;
    const reader = async () => {
      for (let i = next++; i < expected.length; i = next++) {
        const { id, mrn } = expected[i]!;
        const res = await httpCall(target.url, 'GET', `/api/patients/${id}`, { session });
        if (res.status !== 200 || res.body.mrn !== mrn) {
          problems.push(`${id} (MRN ${mrn}): ${res.status} ${res.status === 200 ? res.body.mrn : res.text}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, reader));
    return problems;
  }

  killPoints.forEach((killAfter, round) => {
    it(`kill point ${round + 1}/${KILL_POINTS}: SIGKILL after ${killAfter} acknowledged creates (seed ${seed})`, async () => {
      if (!server?.isRunning()) server = await startServer({ env: serverEnv });
      const writing = server;
      const acked = await createUntilKilled(writing, await signIn(writing.url), killAfter, round);
      acknowledged.push(...acked);

      expect(acked.length).toBeGreaterThanOrEqual(killAfter);
      expect(await writing.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(processAlive(writing.pid)).toBe(false);
      if (dataDir) {
        // The killed server never released its lock: the restart below has to take it over.
        expect(fs.readFileSync(path.join(dataDir, 'openiop.lock'), 'utf8').trim()).toBe(String(writing.pid));
      }

      server = await startServer({ env: serverEnv });
      const session = await signIn(server.url);
      expect(await unreadable(server, session, acknowledged)).toEqual([]);
      expect(new Set(acknowledged.map((a) => a.mrn)).size).toBe(acknowledged.length);
    }, 240_000);
  });
});
