import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSync } from 'otplib';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../app';
import { anchorAuditChain } from '../platform/audit/audit';
import { openAuditAnchor } from '../platform/audit/audit-anchor';
import { loadConfig } from '../platform/config';
import { type Database, openDatabase } from '../platform/db/database';
import type { App, Deps } from '../platform/http/app-env';
import { createLogger } from '../platform/logging';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../seed/demo-seed';
import type { Answer } from './api-answer';
import { testDatabasePrefix, withDatabase } from './global-setup';

export const storeKind = () => inject('store');

/**
 * The restricted role the server runs as on PostgreSQL when the owner runs the migrations (README: "Two
 * database roles"). `.ci/run` creates it; `ensureServerRole` does too, for a developer's own server.
 */
export const SERVER_ROLE = { user: 'openiop_app', password: 'openiop_app' };

export async function ensureServerRole(adminUrl: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`do $$ begin
        create role ${SERVER_ROLE.user} login nosuperuser password '${SERVER_ROLE.password}';
      exception when duplicate_object or unique_violation then null; end $$`);
  } finally {
    await admin.end();
  }
}

export type TestDatabaseOptions = {
  /** PostgreSQL only: the server's pool connects as SERVER_ROLE; the owner (the test role) migrates and grants. */
  asServerRole?: boolean;
};

/** A fresh copy of the migrated, seeded demo database for one test file, on the store this project runs. */
export async function openTestDatabase(
  options: TestDatabaseOptions = {},
): Promise<{ db: Database; url?: string; ownerUrl?: string; drop(): Promise<void> }> {
  if (inject('store') === 'embedded') {
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplatePath'))]);
    const db = await openDatabase({ kind: 'embedded', loadDataDir: blob });
    return { db, drop: () => db.close() };
  }
  const adminUrl = inject('pgAdminUrl');
  // The template's name ends with the run's pid: copies share that prefix so the run's teardown drops them.
  const template = inject('pgTemplateDb');
  const name = `${testDatabasePrefix(template.replace('openiop_tpl_', ''))}${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      break;
    } catch (err) {
      // Two files copying the template at the same moment: wait and try again.
      if (attempt > 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const ownerUrl = withDatabase(adminUrl, name);
  let url = ownerUrl;
  if (options.asServerRole) {
    await ensureServerRole(adminUrl);
    const u = new URL(ownerUrl);
    u.username = SERVER_ROLE.user;
    u.password = SERVER_ROLE.password;
    url = u.toString();
  }
  const db = await openDatabase({
    kind: 'postgresql',
    url,
    ownerUrl: options.asServerRole ? ownerUrl : undefined,
    poolSize: 5,
  });
  return {
    db,
    url,
    ownerUrl,
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A clock the test moves by hand (idle timeouts, lockouts, break-glass windows). */
export function testClock(start = new Date()) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(seconds: number) {
      t += seconds * 1000;
    },
  };
}

export type TestApp = {
  app: App;
  db: Database;
  deps: Deps;
  clock: ReturnType<typeof testClock>;
  dbUrl?: string;
  /** Every line the server logged so far (pino JSON, one per line). */
  logLines(): readonly string[];
  /** This app's data folder (a temporary one): its audit key file and checkpoint file live here. */
  dataDir: string;
  close(): Promise<void>;
};

/**
 * Put this in any note text, name or query a test sends: every test app's log is scanned for it, and
 * `close()` fails the file whose server logged it (a body, a statement's parameters or a query string).
 */
export const LOG_MARKER = 'ZZ-LOG-MARKER-7d41';

/**
 * The app on a fresh copy of the template, anchored as the server is: a new audit key file (0600) and an
 * empty checkpoint file in a temporary data folder of its own, removed on close.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: TestDatabaseOptions = {},
): Promise<TestApp> {
  const { db, url, drop } = await openTestDatabase(options);
  const clock = testClock();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openiop-test-data-'));
  // In-process requests have no source address: the per-address sign-in limit would count the whole file as
  // one intruder. Its own test turns it back on.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    OPENIOP_DATA_DIR: dataDir,
    LOGIN_ADDRESS_LIMIT_SKIP_LOOPBACK: 'true',
    ...env,
  });
  anchorAuditChain(db, openAuditAnchor(config, { create: true }));
  const lines: string[] = [];
  const logger = createLogger('info', {
    write: (line: string) => {
      lines.push(line);
    },
  });
  const deps: Deps = { db, config, logger, now: clock.now };
  const app = createApp(deps);
  clocks.set(app, clock);
  return {
    app,
    db,
    deps,
    clock,
    dbUrl: url,
    dataDir,
    logLines: () => lines,
    close: async () => {
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      const leaked = lines.filter((l) => l.includes(LOG_MARKER));
      if (leaked.length > 0) {
        throw new Error(`The server logged request content (${LOG_MARKER}):\n${leaked.join('\n')}`);
      }
    },
  };
}

export type Session = { cookie: string; csrfToken: string };

/**
 * An answer typed from the web contract (src/web/shared/api/openapi.d.ts) by the address and method sent:
 * one member per declared status, narrowed with `expectStatus(res, 200)`. An address the contract does not
 * name (a plain `string`) answers `UnknownAnswer`.
 */
export type ApiResponse<P extends string = string, M extends string = string> = Answer<P, M>;

/** Calls the app in-process, as a browser would: cookie, CSRF header, JSON. */
export async function call<M extends string, P extends string>(
  app: App,
  method: M,
  path: P,
  opts: { session?: Session; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<P, M>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.session) {
    headers.cookie = opts.session.cookie;
    headers['x-csrf-token'] ??= opts.session.csrfToken;
  }
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await app.request(path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  // The contract's shape, trusted here once: the tests check the status before they read the body.
  return { status: res.status, body: parsed, headers: res.headers, text } as ApiResponse<P, M>;
}

function cookieFrom(res: ApiResponse): string {
  const setCookie = res.headers.get('set-cookie') ?? '';
  const m = /openiop_session=([^;]+)/.exec(setCookie);
  if (!m) throw new Error(`no session cookie in ${res.status} ${res.text}`);
  return `openiop_session=${m[1]}`;
}

const clocks = new WeakMap<App, ReturnType<typeof testClock>>();
const usedSteps = new WeakMap<App, Map<string, number>>();

/**
 * A demo authenticator code `email` has not used yet on `app`. A code is accepted once (RFC 6238 §5.2) and the
 * server accepts the 30-second step at its clock and one either side: this takes the earliest step not yet
 * used and, once all three are, moves the test clock on by a step.
 */
export function demoCodeFor(app: App, email: string): string {
  // An app built by hand (not createTestApp) runs on the machine's clock, which cannot be moved.
  const clock = clocks.get(app) ?? { now: () => new Date(), advance: () => {} };
  const used = usedSteps.get(app) ?? new Map<string, number>();
  usedSteps.set(app, used);
  const stepNow = () => Math.floor(clock.now().getTime() / 30_000);
  const step = Math.max(stepNow() - 1, (used.get(email.toLowerCase()) ?? Number.NEGATIVE_INFINITY) + 1);
  if (!clocks.has(app) && step > stepNow()) throw new Error(`demoCodeFor: ${email} used every code of now`);
  while (step > stepNow() + 1) clock.advance(30);
  used.set(email.toLowerCase(), step);
  return generateSync({ secret: DEMO_TOTP_SECRET, epoch: step * 30 });
}

/** The password step alone: the answer, and the (not yet MFA-verified) session when it was accepted. */
export async function passwordStep(app: App, email: string, password = DEMO_PASSWORD) {
  const res = await call(app, 'POST', '/api/auth/login', { body: { email, password } });
  const session: Session | undefined =
    res.status === 200 ? { cookie: cookieFrom(res), csrfToken: res.body.csrfToken as string } : undefined;
  return { res, session };
}

/** Signs in with password and (for staff) the demo authenticator code. */
export async function login(app: App, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await call(app, 'POST', '/api/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
  const session = { cookie: cookieFrom(res), csrfToken: res.body.csrfToken as string };
  if (res.body.next === 'mfa') {
    const mfa = await call(app, 'POST', '/api/auth/mfa/verify', {
      session,
      body: { code: demoCodeFor(app, email) },
    });
    if (mfa.status !== 200) throw new Error(`mfa ${email}: ${mfa.status} ${mfa.text}`);
  }
  return session;
}

export { type ErrorBody, errorOf, expectStatus, okBody } from './api-answer';
export { cookieFrom };
