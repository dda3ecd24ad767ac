/**
 * `npm run bench`: the main reads over HTTP on loopback, on a fresh store with the demo data plus
 * generated patients. Prints a Markdown table to paste into BENCHMARKS.md. Bounded in time; loopback only.
 *
 *   npm run bench                                   embedded store, 2,000 extra patients, 10 s per route
 *   DATABASE_URL=postgres://… npm run bench         the same on PostgreSQL (the database must be empty)
 *   BENCH_PATIENTS=10000 BENCH_SECONDS=20 BENCH_CONNECTIONS=20 npm run bench
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { createApp } from '../src/server/app';
import { patients } from '../src/server/patients/patients.table';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db/database';
import { organizations, sites } from '../src/server/platform/db/platform.table';
import { createLogger } from '../src/server/platform/logging';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo } from '../src/server/seed/demo-seed';

const extraPatients = Number(process.env.BENCH_PATIENTS ?? 2000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const url = process.env.DATABASE_URL;
const dataDir = url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'openiop-bench-'));

const db = await openDatabase(url ? { kind: 'postgresql', url } : { kind: 'embedded', dataDir: dataDir! });
const loadStarted = performance.now();
await seedDemo(db);
const [site] = await db.tx((tx) => tx.select().from(sites).where(eq(sites.name, 'Riverbend North')));
const [org] = await db.tx((tx) => tx.select().from(organizations));
const FAMILY = ['Garcia', 'Smith', 'Johnson', 'Lee', 'Brown', 'Davis', 'Miller', 'Wilson', 'Moore', 'Taylor'];
for (let start = 0; start < extraPatients; start += 1000) {
  const batch = Array.from({ length: Math.min(1000, extraPatients - start) }, (_, k) => start + k).map(
    (i) => ({
      organizationId: org!.id,
      siteId: site!.id,
      mrn: `BN${100000 + i}`,
      givenName: `Given${i}`,
      familyName: `${FAMILY[i % FAMILY.length]}${Math.floor(i / FAMILY.length)}`,
      dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    }),
  );
  await db.tx((tx) => tx.insert(patients).values(batch));
}
const loadSeconds = (performance.now() - loadStarted) / 1000;

const config = loadConfig({ LOG_LEVEL: 'silent', SESSION_IDLE_SECONDS: '3600' });
const app = createApp({ db, config, logger: createLogger('silent'), now: () => new Date() });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function signIn(): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'director@demo.openiop.org', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  await fetch(`${base}/api/auth/mfa/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ code: generateSync({ secret: DEMO_TOTP_SECRET }) }),
  });
  return cookie;
}

const cookie = await signIn();
const [okafor] = await db.tx((tx) => tx.select().from(patients).where(eq(patients.familyName, 'Okafor')));
const routes: [string, string][] = [
  ['GET /api/auth/me', '/api/auth/me'],
  ['census page 1 (25 rows)', `/api/sites/${site!.id}/patients?pageSize=25`],
  ['census name search', `/api/sites/${site!.id}/patients?q=Garcia1`],
  ['census date-of-birth search', `/api/sites/${site!.id}/patients?q=1979-11-02`],
  ['patient chart (demographics)', `/api/patients/${okafor!.id}`],
  ['episode census', `/api/sites/${site!.id}/episodes`],
];

const rows: string[] = [];
for (const [name, route] of routes) {
  const result = await autocannon({ url: base + route, connections, duration: seconds, headers: { cookie } });
  const errors = result.errors + result.timeouts + result.non2xx;
  rows.push(
    `| ${name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p97_5} | ${result.latency.p99} | ${errors} |`,
  );
}

console.log(
  `\n### ${new Date().toISOString().slice(0, 10)} — ${db.kind} store, ${os.cpus().length} cores, Node ${process.version}`,
);
console.log(
  `${20 + extraPatients} patients at one site (load ${loadSeconds.toFixed(1)} s); ${connections} connections, ${seconds} s per route; every read also writes its audit rows.\n`,
);
console.log('| route | req/s | p50 ms | p90 ms | p97.5 ms | p99 ms | errors |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);

server.close();
await db.close();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
