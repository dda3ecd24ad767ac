/**
 * `npm run bench:ledger`: the weekly dose ledger for 1,000 active members of one program on the embedded
 * store (a fixed number of queries; target in BENCHMARKS.md), and the save of a 12-member roster (one request,
 * one transaction). In process (`app.request`, no network), signed in as the program director. Writes the
 * figures with the date into BENCHMARKS.md (between the ledger markers) and prints them.
 *
 *   npm run bench:ledger                    1,000 members, 40 measured requests per route
 *   BENCH_MEMBERS=2000 BENCH_RUNS=80 npm run bench:ledger
 *   DATABASE_URL=postgres://… npm run bench:ledger    the same on PostgreSQL (an empty database)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { Temporal } from 'temporal-polyfill';
import { programWeekOf } from '../src/domain/schedule/program-week';
import { createApp } from '../src/server/app';
import { episodes } from '../src/server/episodes/episodes.table';
import { patients } from '../src/server/patients/patients.table';
import { loadConfig } from '../src/server/platform/config';
import { type Database, openDatabase } from '../src/server/platform/db/database';
import { organizations, programs, sites, users } from '../src/server/platform/db/platform.table';
import { createLogger } from '../src/server/platform/logging';
import { attendance, enrolments } from '../src/server/program-operations';
import { weeklyDoseLedger } from '../src/server/program-operations/weekly-dose-ledger';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo } from '../src/server/seed/demo-seed';
import { programSessions } from '../src/server/sessions';
import { tracks } from '../src/server/tracks';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARM_UP = 5;
const SEATS = 15;
const url = process.env.DATABASE_URL;
const dataDir = url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'openiop-ledger-bench-'));

const raw = await openDatabase(url ? { kind: 'postgresql', url } : { kind: 'embedded', dataDir: dataDir! });
let transactions = 0;
const db: Database = {
  kind: raw.kind,
  pglite: raw.pglite,
  tx: (fn) => {
    transactions++;
    return raw.tx(fn);
  },
  autocommit: (fn) => raw.autocommit(fn),
  runSql: (text, values) => raw.runSql(text, values),
  queryCount: () => raw.queryCount(),
  close: () => raw.close(),
};

const loadStarted = performance.now();
await seedDemo(db);
const [site] = await db.tx((tx) => tx.select().from(sites).where(eq(sites.name, 'Riverbend North')));
const [org] = await db.tx((tx) => tx.select().from(organizations));
const [program] = await db.tx((tx) =>
  tx
    .select()
    .from(programs)
    .where(and(eq(programs.siteId, site!.id), eq(programs.name, 'Adult IOP — North'))),
);
const [director] = await db.tx((tx) =>
  tx.select().from(users).where(eq(users.email, 'director@demo.openiop.org')),
);
const scope = { organizationId: org!.id, siteId: site!.id };
const zone = site!.timeZone;

// This week in the program's zone (Monday weeks, the default): three 3-hour evening sessions per track on
// Monday, Wednesday and Friday; sessions already over have attendance (one member in ten absent).
const now = new Date();
const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
const week = programWeekOf(today, 1, zone);
const trackCount = Math.ceil(MEMBERS / SEATS);
const trackRows = await db.tx((tx) =>
  tx
    .insert(tracks)
    .values(
      Array.from({ length: trackCount }, (_, i) => ({
        ...scope,
        programId: program!.id,
        name: `Bench track ${String(i + 1).padStart(3, '0')}`,
        timeOfDay: 'evening',
        modality: 'virtual',
        capacity: SEATS,
      })),
    )
    .returning(),
);
const sessionRows = await db.tx((tx) =>
  tx
    .insert(programSessions)
    .values(
      trackRows.flatMap((track, i) =>
        [0, 2, 4].map((offset) => {
          const date = week.start.add({ days: offset });
          // Tracks spread over the evening so no two share a start (no facilitator is set: none double-booked).
          const start = date.toZonedDateTime({
            timeZone: zone,
            plainTime: Temporal.PlainTime.from({ hour: 8 + (i % 12) }),
          });
          return {
            ...scope,
            programId: program!.id,
            trackId: track.id,
            sessionType: 'group_therapy',
            topic: 'Relapse prevention',
            localDate: date.toString(),
            startsAt: new Date(start.epochMilliseconds),
            endsAt: new Date(start.add({ hours: 3 }).epochMilliseconds),
            minutes: 180,
          };
        }),
      ),
    )
    .returning(),
);
const FAMILY = ['Garcia', 'Smith', 'Johnson', 'Lee', 'Brown', 'Davis', 'Miller', 'Wilson', 'Moore', 'Taylor'];
for (let from = 0; from < MEMBERS; from += 500) {
  const n = Math.min(500, MEMBERS - from);
  await db.tx(async (tx) => {
    const created = await tx
      .insert(patients)
      .values(
        Array.from({ length: n }, (_, k) => ({
          ...scope,
          mrn: `LB${100000 + from + k}`,
          givenName: `Member${from + k}`,
          familyName: `${FAMILY[(from + k) % FAMILY.length]}${from + k}`,
          dateOfBirth: '1980-01-01',
        })),
      )
      .returning();
    const eps = await tx
      .insert(episodes)
      .values(
        created.map((p) => ({
          ...scope,
          patientId: p.id,
          programId: program!.id,
          status: 'active',
          edition: 3,
          level: '2.1',
          admittedOn: week.start.subtract({ weeks: 2 }).toString(),
        })),
      )
      .returning();
    const enrolled = eps.map((e, k) => ({
      ...scope,
      patientId: e.patientId,
      episodeId: e.id,
      programId: program!.id,
      trackId: trackRows[Math.floor((from + k) / SEATS)]!.id,
      startsOn: week.start.subtract({ weeks: 2 }).toString(),
      targetSteps: [{ fromWeek: 1, toWeek: 12, hours: 9 }],
      createdBy: director!.id,
    }));
    await tx.insert(enrolments).values(enrolled);
    const past = sessionRows.filter((s) => s.endsAt <= now);
    const rows = enrolled.flatMap((m, k) =>
      past
        .filter((s) => s.trackId === m.trackId)
        .map((s) => {
          const absent = (from + k) % 10 === 0;
          return {
            ...scope,
            sessionId: s.id,
            patientId: m.patientId,
            status: absent ? 'unexcused' : 'present',
            minutes: absent ? 0 : 180,
            recordedBy: director!.id,
          };
        }),
    );
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(attendance).values(rows.slice(i, i + 1000));
  });
}
const loadSeconds = (performance.now() - loadStarted) / 1000;

const config = loadConfig({ LOG_LEVEL: 'silent', SESSION_IDLE_SECONDS: '3600' });
const app = createApp({ db, config, logger: createLogger('silent'), now: () => new Date() });

async function signIn() {
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'director@demo.openiop.org', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  await app.request('/api/auth/mfa/verify', {
    method: 'POST',
    headers,
    body: JSON.stringify({ code: generateSync({ secret: DEMO_TOTP_SECRET }) }),
  });
  return headers;
}
const headers = await signIn();

type Figures = { p50: number; p95: number; max: number; statements: number[]; transactions: number[] };

async function measure(method: string, route: string, body?: unknown): Promise<Figures> {
  const times: number[] = [];
  const statements: number[] = [];
  const txs: number[] = [];
  // A versioned save (the roster) names the version it read; each save's ETag is the next one's If-Match.
  let ifMatch = method === 'PUT' ? (await app.request(route, { headers })).headers.get('etag') : null;
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const q = db.queryCount();
    const t = transactions;
    const started = performance.now();
    const res = await app.request(route, {
      method,
      headers: ifMatch ? { ...headers, 'if-match': ifMatch } : headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    ifMatch = method === 'PUT' ? res.headers.get('etag') : null;
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 300)}`);
    if (i < WARM_UP) continue;
    times.push(ms);
    statements.push(db.queryCount() - q);
    txs.push(transactions - t);
  }
  times.sort((a, b) => a - b);
  const pick = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  return { p50: pick(0.5), p95: pick(0.95), max: times.at(-1)!, statements, transactions: txs };
}

/** The ledger alone (no HTTP, no audit): the pure computation over the week's bulk reads. */
async function measureLedgerOnly(): Promise<Figures> {
  const { programConfig } = await import('../src/server/programs');
  const { findProgram } = await import('../src/server/programs');
  const times: number[] = [];
  const statements: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const q = db.queryCount();
    const started = performance.now();
    await db.tx(async (tx) => {
      const config = programConfig((await findProgram(tx, site!.id, program!.id))!);
      const ledger = await weeklyDoseLedger(tx, config, today, new Date());
      if (ledger.members.length < MEMBERS) throw new Error(`ledger has ${ledger.members.length} members`);
    });
    if (i < WARM_UP) continue;
    times.push(performance.now() - started);
    statements.push(db.queryCount() - q);
  }
  times.sort((a, b) => a - b);
  const pick = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  return { p50: pick(0.5), p95: pick(0.95), max: times.at(-1)!, statements, transactions: [1] };
}

const programPath = `/api/sites/${site!.id}/programs/${program!.id}`;
const atRisk = await measure('GET', `${programPath}/at-risk?week=${today}`);
const atRiskBody = (await (
  await app.request(`${programPath}/at-risk?week=${today}`, { headers })
).json()) as { items: unknown[] };
const ledgerOnly = await measureLedgerOnly();

// A 12-member roster: the first track's first session, twelve of its fifteen members present.
const firstTrack = trackRows[0]!;
const firstSession = sessionRows.find((s) => s.trackId === firstTrack.id)!;
const members = await db.tx((tx) =>
  tx.select().from(enrolments).where(eq(enrolments.trackId, firstTrack.id)).limit(12),
);
const roster = await measure('PUT', `/api/sites/${site!.id}/sessions/${firstSession.id}/attendance`, {
  rows: members.map((m) => ({ patientId: m.patientId, status: 'present', minutes: 180 })),
});

const span = (xs: number[]) =>
  Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}–${Math.max(...xs)}`;
const ms = (x: number) => x.toFixed(1);
const date = new Date().toISOString().slice(0, 10);
const lines = [
  `### ${date} — weekly dose ledger, ${db.kind} store, ${os.cpus().length} cores, Node ${process.version}`,
  '',
  `${MEMBERS} active members in ${trackCount} tracks of one program (${sessionRows.length} sessions this week, ` +
    `load ${loadSeconds.toFixed(1)} s); ${RUNS} measured requests per row after ${WARM_UP} warm-up, one at a time, ` +
    `in process (no network), signed in as the program director. The at-risk list listed ${atRiskBody.items.length} members ` +
    'and wrote one audit row for each.',
  '',
  '| measured | p50 ms | p95 ms | max ms | statements per request | transactions per request |',
  '| --- | --- | --- | --- | --- | --- |',
  `| GET …/at-risk (ledger + make-ups + audit) | ${ms(atRisk.p50)} | ${ms(atRisk.p95)} | ${ms(atRisk.max)} | ${span(atRisk.statements)} | ${span(atRisk.transactions)} |`,
  `| weeklyDoseLedger alone (one transaction) | ${ms(ledgerOnly.p50)} | ${ms(ledgerOnly.p95)} | ${ms(ledgerOnly.max)} | ${span(ledgerOnly.statements)} | 1 |`,
  `| PUT …/attendance, 12-member roster | ${ms(roster.p50)} | ${ms(roster.p95)} | ${ms(roster.max)} | ${span(roster.statements)} | ${span(roster.transactions)} |`,
  '',
  'Transactions per request count the session check (one) and the route’s own transaction (one). ' +
    `Load average on the machine while measuring: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')} (other work shares the ${os.cpus().length} cores; times on an idle machine are lower).`,
];
const text = lines.join('\n');
console.log(`\n${text}\n`);

const file = path.resolve(import.meta.dirname, '..', 'BENCHMARKS.md');
const START = '<!-- ledger-bench:start -->';
const END = '<!-- ledger-bench:end -->';
const current = fs.readFileSync(file, 'utf8');
const block = `${START}\n\n${text}\n\n${END}`;
fs.writeFileSync(
  file,
  current.includes(START)
    ? current.replace(new RegExp(`${START}[\\s\\S]*?${END}`), block)
    : `${current.trimEnd()}\n\n## Weekly dose ledger (npm run bench:ledger)\n\n${block}\n`,
);

await db.close();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
