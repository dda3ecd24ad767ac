// Starts the real server on a fresh data folder and a headless Debian Chromium, for browser walkthroughs.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { unusedDemoCode } from '../src/server/test-support/server-process';

const execFileAsync = promisify(execFile);

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const screenshotDir = join(repoRoot, 'e2e', 'screenshots');

const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_STOP_TIMEOUT_MS = 10_000;
const MAX_KEPT_OUTPUT = 64 * 1024;

/**
 * The browser's own zone: far from every demo site (America/Chicago) on purpose, so that a screen which takes
 * "today" from the browser instead of the site shows and sends the wrong day, and its walkthrough fails.
 * Kiritimati (UTC+14) is a calendar day ahead of Chicago at every hour.
 */
export const BROWSER_ZONE = process.env.OPENIOP_E2E_BROWSER_ZONE ?? 'Pacific/Kiritimati';

/**
 * `OPENIOP_E2E_UTC_TIME=HH:MM` pins the walkthroughs at that UTC time of the machine's UTC day: the server's
 * clock (`OPENIOP_CLOCK_START`) and every browser context's clock start there and run on, so a run at any
 * hour meets the sites' midnight as a run at 00:30 or 23:30 UTC would (vitest.config.ts runs both).
 */
const pinnedOffsetMs = (() => {
  const time = process.env.OPENIOP_E2E_UTC_TIME;
  if (!time) return 0;
  if (!/^\d{2}:\d{2}$/.test(time)) throw new Error(`OPENIOP_E2E_UTC_TIME must be HH:MM, not ${time}`);
  const day = new Date().toISOString().slice(0, 10);
  return Date.parse(`${day}T${time}:00Z`) - Date.now();
})();

/** Now, as the server and the browsers of the walkthroughs see it. */
export function e2eNow(): Date {
  return new Date(Date.now() + pinnedOffsetMs);
}

/** Today at a site in `timeZone`, on the walkthroughs' clock. */
export function siteToday(timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(e2eNow().getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
}

/** The demo authenticator code for `email` on the walkthroughs' clock, one not used yet (each is accepted once). */
export function demoCode(email: string): Promise<string> {
  return unusedDemoCode(email, e2eNow);
}

let webBuild: Promise<void> | null = null;

/** Builds the web app into dist/web once per test run, however many files ask. */
export function buildWeb(): Promise<void> {
  webBuild ??= execFileAsync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    () => undefined,
    (error: unknown) => {
      webBuild = null;
      throw error;
    },
  );
  return webBuild;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

export interface RunningServer {
  /** `http://localhost:<port>`: localhost, so a Secure session cookie is kept on plain HTTP. */
  url: string;
  /** What the server printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns `src/server/main.ts` on a free port and a fresh data folder; resolves once /healthz answers 200. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'openiop-e2e-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  // Run the server as `npm start` would, without the NODE_ENV=test that Vitest sets for itself.
  const { NODE_ENV: _testRunnerMode, ...inherited } = process.env;
  const clock = process.env.OPENIOP_E2E_UTC_TIME ? { OPENIOP_CLOCK_START: e2eNow().toISOString() } : {};
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...inherited, PORT: String(port), OPENIOP_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...clock, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-MAX_KEPT_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    await stopProcess(child, exited);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

async function waitForHealth(
  url: string,
  exited: Promise<number | null>,
  output: () => string,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`server exited with code ${exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `server did not answer ${url}/healthz within ${SERVER_START_TIMEOUT_MS / 1000} s:\n${output()}`,
  );
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), SERVER_STOP_TIMEOUT_MS)),
  ]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
}

/** Where a walkthrough saves `<name>.png` for a person to look at. */
export async function screenshotPath(name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  return join(screenshotDir, `${name}.png`);
}

/**
 * One browser walkthrough's lifecycle, registered on the calling file: before its tests, build the web app,
 * start the server (with `env`) and Chromium; when a test fails, print the server's output; after them,
 * close every browser context, the browser and the server. `newContext` opens a context on the server's
 * address, in `BROWSER_ZONE` and on the walkthroughs' clock, that is closed at the end. `server` and `browser` are set once the file's first hook has run.
 */
export function useWalkthrough(env: Record<string, string> = {}) {
  const contexts: BrowserContext[] = [];
  const walk = {
    server: undefined as unknown as RunningServer,
    browser: undefined as unknown as Browser,
    async newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
      const context = await walk.browser.newContext({
        baseURL: walk.server.url,
        timezoneId: BROWSER_ZONE,
        ...options,
      });
      contexts.push(context);
      if (process.env.OPENIOP_E2E_UTC_TIME) await context.clock.install({ time: e2eNow() });
      return context;
    },
  };
  beforeAll(async () => {
    await buildWeb();
    walk.server = await startServer(env);
    walk.browser = await launchBrowser();
  }, 180_000);
  afterEach(({ task }) => {
    if (task.result?.state === 'fail') console.error(`server output:\n${walk.server?.output()}`);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await walk.browser?.close();
    await walk.server?.stop();
  });
  return walk;
}
