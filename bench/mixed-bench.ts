/**
 * `npm run bench:mixed`: the mixed clinic workload over HTTP on loopback (BENCHMARKS.md).
 *
 * Staff signed in at several sites run census, chart, week calendar, roster read and save, dose ledger,
 * at-risk list, note draft and note sign at the same time (one autocannon instance per route, all started
 * together, bounded in time), then: the overhead ratio (API median over the median of the same statements
 * the route's handler runs, replayed as raw SQL with the bare driver, same data, same run) for chart,
 * census and ledger; and the deep patient's chart, episodes, ledger and notes (1,000 attendances, 300
 * notes). Prints Markdown.
 *
 *   npm run bench:mixed                                  embedded store in a temp folder, small scale generated
 *   DATABASE_URL=postgres://… npm run bench:mixed         PostgreSQL; an empty database gets the small scale
 *   DATABASE_URL=… BENCH_DATA=bench/data-large.json npm run bench:mixed   data loaded by npm run bench:data
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=4 BENCH_SITES=4 (connections per route)
 *   BENCH_RATE=200 offers 200 requests a second in all, evenly spaced, the routes in turn (an open load, as
 *   clinic staff make it: the goal is ≥ 200 req/s at p95 < 60 ms); BENCH_RATE=0 runs autocannon, each
 *   route's BENCH_CONNECTIONS sending as fast as answers come back (closed loop: the most the machine gives).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { generateSync } from 'otplib';
import pg from 'pg';
import { createApp } from '../src/server/app';
import { notes } from '../src/server/notes/notes.table';
import { loadConfig } from '../src/server/platform/config';
import { type Database, openDatabase, preparedStatementName } from '../src/server/platform/db/database';
import { createLogger } from '../src/server/platform/logging';
import {
  bulkInsert,
  type GeneratedData,
  generateSyntheticData,
  SCALES,
  SYNTHETIC_END,
  seededRandom,
} from '../src/server/proof/synthetic-data';
import { noteBody } from '../src/server/proof/synthetic-note-bodies';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/server/seed/demo-seed';
import { startServer } from '../src/server/test-support/server-process';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 3);
const offeredRate = Number(process.env.BENCH_RATE ?? 200);
const siteCount = Number(process.env.BENCH_SITES ?? 4);
const url = process.env.DATABASE_URL;
const dataDir = url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'openiop-mixed-'));

// Statements seen while `capture` is set (part 3 replays a route's own statements as raw SQL).
let capture: { query: string; params: unknown[]; phase: string }[] | null = null;
let phase = 'outside a transaction';
const db: Database = await openDatabase({
  ...(url ? { kind: 'postgresql', url, poolSize: 10 } : { kind: 'embedded', dataDir: dataDir! }),
  onQuery: (query, params) => capture?.push({ query, params, phase }),
});
let data: GeneratedData;
let scaleName = 'small';
if (process.env.BENCH_DATA) {
  const summary = JSON.parse(fs.readFileSync(process.env.BENCH_DATA, 'utf8'));
  data = summary;
  scaleName = summary.scale;
} else {
  data = await generateSyntheticData(db, SCALES.small, { seed: 7, label: `mixed${Date.now() % 100000}` });
}
const rowsLoaded = Object.values(data.counts).reduce((a, b) => a + b, 0);

// On PostgreSQL the API runs as its own server process (as a clinic runs it), so the load generator does not
// share the server's event loop; the embedded store allows one process per data folder, so there the server
// runs in this process. BENCH_SERVER=in-process forces the latter.
const separateServer = Boolean(url) && process.env.BENCH_SERVER !== 'in-process';
let stopServer: () => Promise<unknown>;
let base: string;
if (separateServer) {
  const child = await startServer({
    env: {
      DATABASE_URL: url!,
      OPENIOP_SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      SESSION_IDLE_SECONDS: '3600',
    },
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" profiles the server process.
    command: {
      file: process.execPath,
      args: [
        ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        '--import',
        'tsx',
        'src/server/main.ts',
      ],
    },
  });
  base = child.url;
  stopServer = () => child.stop();
} else {
  const config = loadConfig({ LOG_LEVEL: 'silent', SESSION_IDLE_SECONDS: '3600' });
  const app = createApp({ db, config, logger: createLogger('silent'), now: () => new Date() });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stopServer = async () => server.close();
}

type Staff = { cookie: string; csrf: string };
async function signIn(email: string): Promise<Staff> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const mfa = await fetch(`${base}/api/auth/mfa/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ code: generateSync({ secret: DEMO_TOTP_SECRET }) }),
  });
  if (mfa.status !== 200) throw new Error(`sign-in of ${email}: ${mfa.status} ${await mfa.text()}`);
  return { cookie, csrf: csrfToken };
}

const rawRows = async <T>(query: ReturnType<typeof sql>) =>
  ((await db.tx((tx) => tx.execute(query))) as unknown as { rows: T[] }).rows;

// The sites in play, each with its clinician signed in, some patients and last week's sessions.
const week = SYNTHETIC_END.subtract({ weeks: 1 });
const sitesInPlay = await Promise.all(
  data.sites.slice(0, siteCount).map(async (site) => {
    const enrolled = await rawRows<{ patient_id: string; episode_id: string }>(
      sql`select patient_id, episode_id from enrolments where site_id = ${site.id} and ends_on is null
          order by patient_id limit 40`,
    );
    const patientIds = enrolled.map((r) => r.patient_id);
    // Notes are drafted and signed for these: not the deep patient, whose notes chart-at-depth counts.
    const notePatientIds = patientIds.filter((id) => id !== data.deepPatientId);
    const episodeOf = new Map(enrolled.map((r) => [r.patient_id, r.episode_id]));
    const [clinician] = await rawRows<{ id: string }>(
      sql`select id from users where email = ${site.clinicianEmail}`,
    );
    const sessionIds = (
      await rawRows<{ id: string }>(
        sql`select id from program_sessions where site_id = ${site.id} and local_date >= ${week.toString()}
            and local_date < ${SYNTHETIC_END.toString()} and track_id = any(${`{${site.trackIds.join(',')}}`}::uuid[])`,
      )
    ).map((r) => r.id);
    return {
      ...site,
      patientIds,
      notePatientIds,
      episodeOf,
      clinicianId: clinician!.id,
      sessionIds,
      staff: await signIn(site.clinicianEmail),
    };
  }),
);
const director = await signIn(data.directorEmail);
// Each roster save sends the session's whole roster (as the roster screen does).
// A save needs If-Match with the roster's version (428 without it, 409 when another save came first): each
// session's latest ETag is kept from the roster read and every answered save.
const rosterRows = new Map<string, { patientId: string; status: string; minutes: number }[]>();
const rosterEtags = new Map<string, string>();
const rosterSaving = new Set<string>();
for (const site of sitesInPlay)
  for (const sessionId of site.sessionIds) {
    const res = await fetch(`${base}/api/sites/${site.id}/sessions/${sessionId}/attendance`, {
      headers: { cookie: site.staff.cookie },
    });
    rosterEtags.set(sessionId, res.headers.get('etag') ?? '');
    const roster = (await res.json()) as { members: { patientId: string }[] };
    rosterRows.set(
      sessionId,
      roster.members.map((m, i) => ({
        patientId: m.patientId,
        status: i % 7 === 0 ? 'late' : 'present',
        minutes: i % 7 === 0 ? 150 : 180,
      })),
    );
  }

// "note sign" signs a fresh draft each time: a pool of complete individual therapy drafts, each by its site's
// clinician for a patient of the site, loaded like the generator's notes (version 1, as a create leaves them).
// Far more than a run signs (BENCH_SIGN_POOL overrides), so no sign meets an already signed note.
const signPoolSize = Number(process.env.BENCH_SIGN_POOL ?? Math.max(3000, seconds * 300));
const poolRandom = seededRandom(17);
const serviceAt = new Date(Date.now() - 2 * 3_600_000);
const signPool = (
  await bulkInsert(
    db,
    notes,
    Array.from({ length: signPoolSize }, (_, k) => {
      const site = sitesInPlay[k % sitesInPlay.length]!;
      const patientId = site.notePatientIds[Math.floor(k / sitesInPlay.length) % site.notePatientIds.length]!;
      return {
        organizationId: data.organizationId,
        siteId: site.id,
        patientId,
        episodeId: site.episodeOf.get(patientId)!,
        noteType: 'individual_therapy',
        body: noteBody('individual_therapy', poolRandom),
        minutes: 53,
        part2: true,
        status: 'draft',
        lateEntry: false,
        authorId: site.clinicianId,
        serviceAt,
        createdAt: serviceAt,
        updatedAt: serviceAt,
        version: 1,
      };
    }),
  )
).map((n, k) => ({ id: n.id, patientId: n.patientId, site: sitesInPlay[k % sitesInPlay.length]! }));
let signed = 0;
const runId = Date.now().toString(36);

let counter = 0;
const any = <T>(xs: T[]): T => xs[counter++ % xs.length]!;
type Workload = {
  name: string;
  request: () => {
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: string;
  };
  /** Sees every answer's status and headers (a versioned save keeps the record's next ETag). */
  onDone?: (path: string, status: number, headers: Record<string, string | string[] | undefined>) => void;
};
const workloads: Workload[] = [
  {
    name: 'census (25 rows)',
    request: () => {
      const s = any(sitesInPlay);
      return {
        method: 'GET',
        path: `/api/sites/${s.id}/patients?pageSize=25`,
        headers: { cookie: s.staff.cookie },
      };
    },
  },
  {
    name: 'chart (patient)',
    request: () => {
      const s = any(sitesInPlay);
      return {
        method: 'GET',
        path: `/api/patients/${any(s.patientIds)}`,
        headers: { cookie: s.staff.cookie },
      };
    },
  },
  {
    name: 'week calendar',
    request: () => {
      const s = any(sitesInPlay);
      return {
        method: 'GET',
        path: `/api/sites/${s.id}/programs/${s.programId}/sessions?from=${week}&to=${SYNTHETIC_END}`,
        headers: { cookie: s.staff.cookie },
      };
    },
  },
  {
    name: 'roster read',
    request: () => {
      const s = any(sitesInPlay);
      return {
        method: 'GET',
        path: `/api/sites/${s.id}/sessions/${any(s.sessionIds)}/attendance`,
        headers: { cookie: s.staff.cookie },
      };
    },
  },
  {
    name: 'roster save',
    request: () => {
      // Two saves of one roster at once: the second is refused with 409 (no edit lost), as two staff saving
      // one session would be. Like staff, the load saves a roster nobody else is saving at that moment.
      const s = any(sitesInPlay);
      const sessionId = s.sessionIds.find((id) => !rosterSaving.has(id)) ?? any(s.sessionIds);
      rosterSaving.add(sessionId);
      return {
        method: 'PUT',
        path: `/api/sites/${s.id}/sessions/${sessionId}/attendance`,
        headers: {
          cookie: s.staff.cookie,
          'x-csrf-token': s.staff.csrf,
          'content-type': 'application/json',
          'if-match': rosterEtags.get(sessionId) ?? '',
        },
        body: JSON.stringify({ rows: rosterRows.get(sessionId) ?? [] }),
      };
    },
    onDone: (path, status, headers) => {
      const sessionId = path.split('/')[5] ?? '';
      rosterSaving.delete(sessionId);
      if (status < 300 && typeof headers.etag === 'string') rosterEtags.set(sessionId, headers.etag);
    },
  },
  {
    name: 'dose ledger (patient week)',
    request: () => {
      const s = any(sitesInPlay);
      return {
        method: 'GET',
        path: `/api/patients/${any(s.patientIds)}/dose?week=${week}`,
        headers: { cookie: s.staff.cookie },
      };
    },
  },
  {
    name: 'note draft (individual)',
    request: () => {
      const s = any(sitesInPlay);
      const patientId = any(s.notePatientIds);
      return {
        method: 'POST',
        path: `/api/patients/${patientId}/notes`,
        headers: {
          cookie: s.staff.cookie,
          'x-csrf-token': s.staff.csrf,
          'content-type': 'application/json',
          'idempotency-key': `mixed-${runId}-${counter}`,
        },
        body: JSON.stringify({
          noteType: 'individual_therapy',
          episodeId: s.episodeOf.get(patientId),
          minutes: 53,
          body: { focus: 'Cravings after a weekend visit with old friends; planning the next one.' },
        }),
      };
    },
  },
  {
    name: 'note sign (authenticator code)',
    request: () => {
      // The pool is sized for the run; past its end the request re-signs a signed note and counts as an error.
      const n = signPool[Math.min(signed++, signPool.length - 1)]!;
      return {
        method: 'POST',
        path: `/api/patients/${n.patientId}/notes/${n.id}/sign`,
        headers: {
          cookie: n.site.staff.cookie,
          'x-csrf-token': n.site.staff.csrf,
          'content-type': 'application/json',
          'if-match': '"1"',
        },
        // An authenticator code signs once (RFC 6238 §5.2), one per 30 s per signer: the load signs with the
        // password, as a clinician signing a run of notes would.
        body: JSON.stringify({ password: DEMO_PASSWORD }),
      };
    },
  },
  {
    name: 'at-risk list',
    request: () => {
      const s = any(sitesInPlay);
      return {
        method: 'GET',
        path: `/api/sites/${s.id}/programs/${s.programId}/at-risk?week=${week}`,
        headers: { cookie: s.staff.cookie },
      };
    },
  },
];

// Part 2: all routes at once. The machine's load average is printed: on a shared machine it explains a lot.
const loadBefore = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ');
/** The p-quantile of `xs` (NaN when there is none: a route whose every request failed). */
const percentile = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]! : Number.NaN;

type RouteResult = { total: number; p50: number; p95: number; p99: number; errors: number };
/** From the first request to the last answer. */
let loadSeconds = seconds;

/**
 * The open load: `rate` requests a second in all, spread evenly (one every 1000/rate ms, the routes in turn),
 * each sent when due whether or not earlier ones have been answered, over keep-alive connections. Latency
 * percentiles are exact. (autocannon paces only by a per-second quota, which sends each second's requests in
 * one burst; it stays for the closed loop.)
 */
async function openLoad(rate: number, duration: number): Promise<RouteResult[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(base);
  const latencies = workloads.map(() => [] as number[]);
  const failures = workloads.map(() => 0);
  const inflight = new Set<Promise<void>>();
  const send = (i: number) => {
    const r = workloads[i]!.request();
    const headers = r.body
      ? { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) }
      : r.headers;
    const t0 = performance.now();
    const done = new Promise<void>((resolve) => {
      const req = http.request(
        { agent, host: target.hostname, port: target.port, method: r.method, path: r.path, headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
            workloads[i]!.onDone?.(r.path, res.statusCode ?? 0, res.headers);
            if (ok) latencies[i]!.push(performance.now() - t0);
            else failures[i]!++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failures[i]!++;
        resolve();
      });
      req.end(r.body);
    });
    inflight.add(done);
    void done.finally(() => inflight.delete(done));
  };
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((finished) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - started;
      if (elapsed >= duration * 1000) {
        clearInterval(timer);
        finished();
        return;
      }
      for (const due = Math.floor((elapsed * rate) / 1000); sent < due; sent++) send(sent % workloads.length);
    }, 2);
  });
  await Promise.all(inflight);
  // Answers still coming after the offer stopped count against the time they took.
  loadSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  return latencies.map((xs, i) => ({
    total: xs.length,
    p50: percentile(xs, 0.5),
    p95: percentile(xs, 0.95),
    p99: percentile(xs, 0.99),
    errors: failures[i]!,
  }));
}

/** The closed loop: each route's connections send the next request as soon as the last is answered. */
async function closedLoop(): Promise<RouteResult[]> {
  const runs = await Promise.all(
    workloads.map(
      (w) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          autocannon(
            {
              url: base,
              connections,
              duration: seconds,
              requests: [
                {
                  // The connection's context remembers which path it sent, for onDone.
                  setupRequest: (req, context) => {
                    const next = w.request();
                    (context as { path?: string }).path = next.path;
                    return { ...req, ...next } as autocannon.Request;
                  },
                  onResponse: (status, _body, context, headers) => {
                    w.onDone?.(String((context as { path?: string }).path), status, headers ?? {});
                  },
                },
              ],
            },
            (err, result) => (err ? reject(err) : resolve(result)),
          );
        }),
    ),
  );
  // autocannon has no p95: its p97.5 stands in (a stricter figure).
  return runs.map((r) => ({
    total: r.requests.total,
    p50: r.latency.p50,
    p95: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  }));
}

// A freshly started server compiles its hot paths during the first seconds: warm it at the same rate first.
const warmUpSeconds = Number(process.env.BENCH_WARM_UP_SECONDS ?? 5);
if (offeredRate > 0 && warmUpSeconds > 0) await openLoad(offeredRate, warmUpSeconds);
const results = offeredRate > 0 ? await openLoad(offeredRate, seconds) : await closedLoop();

// Part 3: overhead ratio, sequentially (one request at a time): the API against its own statements in raw SQL.
async function median(n: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)]!;
}
const site0 = sitesInPlay[0]!;
const patient0 = site0.patientIds[0]!;
const get = async (p: string, staff: Staff) => {
  const res = await fetch(base + p, { headers: { cookie: staff.cookie } });
  if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
  return res.json();
};
// The route's own statements: one request through an in-process app on the same data, recording what its
// handler's transaction runs (not the session lookup and access check before it, nor the audit row written
// at its end). Replayed with the bare driver in BEGIN … COMMIT, that is "the same query in raw SQL".
const phased: Database = {
  ...db,
  tx: (fn) => {
    const run = db.tx(async (t) => {
      phase = 'handler';
      try {
        return await fn(t);
      } finally {
        phase = 'audit and commit';
      }
    });
    return run.finally(() => {
      phase = 'outside a transaction';
    });
  },
};
const captureApp = createApp({
  db: phased,
  config: loadConfig({ LOG_LEVEL: 'silent', SESSION_IDLE_SECONDS: '3600' }),
  logger: createLogger('silent'),
  now: () => new Date(),
});
async function handlerStatements(p: string, staff: Staff) {
  capture = [];
  const res = await captureApp.request(p, { headers: { cookie: staff.cookie } });
  if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
  await res.text();
  const seen = capture.filter((q) => q.phase === 'handler');
  capture = null;
  return seen;
}
const rawClient = url ? new pg.Client({ connectionString: url }) : undefined;
await rawClient?.connect();
async function replay(statements: { query: string; params: unknown[] }[]) {
  if (rawClient) {
    // Prepared by name, as the server's connections prepare them (a fair, not a slower, raw baseline).
    await rawClient.query('begin');
    for (const q of statements)
      await rawClient.query({ name: preparedStatementName(q.query), text: q.query, values: q.params });
    await rawClient.query('commit');
    return;
  }
  // The embedded engine has one connection: take its queue so no background work interleaves.
  const engine = db.pglite!;
  await db.autocommit(async () => {
    await engine.query('begin');
    for (const q of statements) await engine.query(q.query, q.params);
    await engine.query('commit');
  });
}
const overhead: [string, string][] = [
  ['chart', `/api/patients/${patient0}`],
  ['census (25 rows)', `/api/sites/${site0.id}/patients?pageSize=25`],
  ['dose ledger', `/api/patients/${patient0}/dose?week=${week}`],
];
const ratios: string[] = [];
for (const [name, p] of overhead) {
  const statements = await handlerStatements(p, site0.staff);
  const api = () => get(p, site0.staff);
  await median(20, api); // warm up
  await median(20, () => replay(statements));
  const apiMs = await median(200, api);
  const sqlMs = await median(200, () => replay(statements));
  ratios.push(
    `| ${name} | ${apiMs.toFixed(2)} | ${statements.length} | ${sqlMs.toFixed(2)} | ${(apiMs / sqlMs).toFixed(1)}× |`,
  );
}
await rawClient?.end();

// Part 5: the deep patient's chart, ledger and notes (the chart's notes tab).
const depth: string[] = [];
if (data.deepPatientId) {
  const deepAttendances = (
    await rawRows<{ n: number }>(
      sql`select count(*)::int as n from attendance where patient_id = ${data.deepPatientId}`,
    )
  )[0]!.n;
  const deepNotes = (
    await rawRows<{ n: number }>(
      sql`select count(*)::int as n from notes where patient_id = ${data.deepPatientId}`,
    )
  )[0]!.n;
  for (const [name, p] of [
    ['chart', `/api/patients/${data.deepPatientId}`],
    ['episodes', `/api/patients/${data.deepPatientId}/episodes`],
    ['dose ledger', `/api/patients/${data.deepPatientId}/dose?week=${week}`],
    ['notes (chart tab, first page)', `/api/patients/${data.deepPatientId}/notes?page=1&pageSize=25`],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      await get(p, director);
      times.push(performance.now() - t0);
    }
    depth.push(
      `| ${name} (${deepAttendances} attendances, ${deepNotes} notes) | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} |`,
    );
  }
}

const total = results.reduce((a, r) => a + r.total, 0);
const errors = results.reduce((a, r) => a + r.errors, 0);
console.log(
  `\n### ${new Date().toISOString().slice(0, 10)} — mixed workload, ${db.kind} store, scale ${scaleName}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, load average before the run ${loadBefore}`,
);
console.log(
  `${rowsLoaded.toLocaleString('en-US')} generated rows${data.ms ? ` (loaded in ${(data.ms / 1000).toFixed(1)} s)` : ''}; ${sitesInPlay.length} sites, a clinician signed in at each; ${workloads.length} routes at once, ${seconds} s, ${offeredRate > 0 ? `${offeredRate} requests a second offered in all, evenly spaced (open load), after ${warmUpSeconds} s of warm-up at that rate` : `${connections} connections a route sending as fast as answers come (closed loop, autocannon)`}; the server ${separateServer ? 'in its own process' : "in the load generator's process"}. Every read writes its audit row.\n`,
);
console.log(
  `Overall: ${Math.round(total / loadSeconds)} req/s answered (${total} answers in ${loadSeconds.toFixed(1)} s), ${errors} errors.\n`,
);
console.log(`| route | req/s | p50 ms | ${offeredRate > 0 ? 'p95' : 'p97.5*'} ms | p99 ms | errors |`);
console.log('|---|---|---|---|---|---|');
workloads.forEach((w, i) => {
  const r = results[i]!;
  console.log(
    `| ${w.name} | ${Math.round(r.total / loadSeconds)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
  );
});
if (offeredRate === 0) console.log('\n*autocannon reports p97.5, not p95 (a stricter figure).');
console.log('');
console.log(
  "| overhead (sequential) | API median ms | the handler's statements | same statements as raw SQL, median ms | ratio |",
);
console.log('|---|---|---|---|---|');
for (const r of ratios) console.log(r);
if (depth.length > 0) {
  console.log('\n| chart at depth (100 sequential) | p50 ms | p95 ms |');
  console.log('|---|---|---|');
  for (const r of depth) console.log(r);
}
await stopServer();
await db.close();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
