// Runs the real server as a child process and talks to it over HTTP, for tests about what only a process
// shows: a crash (SIGKILL), a second server on the same data, a restart, `npm start`.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { generateSync } from 'otplib';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../seed/demo-seed';
import type { Answer } from './api-answer';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export const DIRECTOR_EMAIL = 'director@demo.openiop.org';

const HEALTHY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_KEPT_OUTPUT = 64 * 1024;

/** Variables the test runner (or a developer's shell) may carry that would point the server elsewhere. */
const SERVER_ENV = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'OPENIOP_DATA_DIR',
  'OPENIOP_SEED_DEMO',
  'OPENIOP_PUBLIC_URL',
  'OPENIOP_WEB_DIR',
  'LOG_LEVEL',
];

/** A port nobody listens on right now (the server may still lose it to a race: `startServer` retries). */
export function freePort(): Promise<number> {
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

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ServerProcess = {
  /** The process that was spawned; with `detached` it leads its own process group. */
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  /** `http://127.0.0.1:<port>`: the server listens on 0.0.0.0, so IPv4 always reaches it. */
  readonly url: string;
  /** Settles when the spawned process exits. */
  readonly exited: Promise<Exit>;
  /** True until the spawned process has exited. */
  isRunning(): boolean;
  /** Everything it printed so far (stdout and stderr), for assertions and failure messages. */
  output(): string;
  /** Resolves once the output matches; rejects when the process exits first or time runs out. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves once GET /healthz answers 200; rejects when the process exits first or time runs out. */
  waitUntilHealthy(timeoutMs?: number): Promise<void>;
  /** SIGTERM (to the whole group when detached), then SIGKILL if it has not exited in 15 s. */
  stop(): Promise<Exit>;
  /** SIGKILL, as a crash or the OOM killer would: no shutdown code runs. */
  kill(): Promise<Exit>;
};

export type SpawnOptions = {
  /** Server variables (PORT is chosen here unless given). Everything else comes from this process. */
  env?: Record<string, string>;
  /** Default: node itself running src/server/main.ts, so `kill()` reaches the server and not a wrapper. */
  command?: { file: string; args: string[] };
  /** Start a new process group, so `stop()` reaches every process a wrapper such as npm starts. */
  detached?: boolean;
};

/** Servers still running, each with whether it leads its own process group. */
const running = new Map<ServerProcess, boolean>();

function signal(server: ServerProcess, sig: NodeJS.Signals, detached: boolean) {
  try {
    if (detached) process.kill(-server.pid, sig);
    else server.child.kill(sig);
  } catch {
    // already gone
  }
}

// Last resort when a test run is torn down without its afterAll: no server outlives the test process.
process.once('exit', () => {
  for (const [server, detached] of running) signal(server, 'SIGKILL', detached);
});

export async function spawnServer(options: SpawnOptions = {}): Promise<ServerProcess> {
  const port = Number(options.env?.PORT ?? (await freePort()));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_ENV) delete env[name];
  Object.assign(env, { LOG_LEVEL: 'warn', ...options.env, PORT: String(port) });
  const command = options.command ?? {
    file: process.execPath,
    args: ['--import', 'tsx', 'src/server/main.ts'],
  };
  const detached = options.detached ?? false;
  const child = spawn(command.file, command.args, {
    cwd: repoRoot,
    env,
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) {
    throw new Error(`could not spawn ${command.file}`);
  }
  const pid = child.pid;

  let output = '';
  const outputListeners = new Set<() => void>();
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-MAX_KEPT_OUTPUT);
    for (const listener of outputListeners) listener();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, sig) => {
      exit = { code, signal: sig };
      // A wrapper's group may outlive it: `stop()` forgets a detached server once its group is gone.
      if (!detached) running.delete(server);
      resolve(exit);
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const describeExit = (e: Exit) => (e.signal ? `signal ${e.signal}` : `code ${e.code}`);

  const waitForOutput = (pattern: RegExp, timeoutMs = HEALTHY_TIMEOUT_MS) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) finish(() => resolve(match));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no ${pattern} within ${timeoutMs / 1000} s:\n${output}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        outputListeners.delete(check);
        settle();
      };
      outputListeners.add(check);
      void exited.then((e) =>
        finish(() => reject(new Error(`exited (${describeExit(e)}) before printing ${pattern}:\n${output}`))),
      );
      check();
    });

  const waitUntilHealthy = async (timeoutMs = HEALTHY_TIMEOUT_MS) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exit) throw new Error(`server exited (${describeExit(exit)}) before it was healthy:\n${output}`);
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not answer ${url}/healthz within ${timeoutMs / 1000} s:\n${output}`);
  };

  const stop = async () => {
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    if (!exit || detached) signal(server, 'SIGTERM', detached);
    const timer = setTimeout(() => signal(server, 'SIGKILL', detached), STOP_TIMEOUT_MS);
    const e = await exited;
    clearTimeout(timer);
    if (detached) {
      // The wrapper may exit before what it started: wait for the whole group, then make sure.
      while (processGroupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      signal(server, 'SIGKILL', true);
      running.delete(server);
    }
    return e;
  };

  const kill = async () => {
    if (!exit) signal(server, 'SIGKILL', detached);
    return exited;
  };

  const server: ServerProcess = {
    child,
    pid,
    port,
    url,
    exited,
    isRunning: () => exit === undefined,
    output: () => output,
    waitForOutput,
    waitUntilHealthy,
    stop,
    kill,
  };
  running.set(server, detached);
  return server;
}

/** Spawns the server and waits for /healthz; a port lost to another process between probe and bind is retried. */
export async function startServer(options: SpawnOptions = {}): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    const server = await spawnServer(options);
    try {
      await server.waitUntilHealthy();
      return server;
    } catch (err) {
      await server.stop();
      const portTaken = /EADDRINUSE/.test(server.output());
      if (!portTaken || options.env?.PORT !== undefined || attempt >= 3) throw err;
    }
  }
}

/** Stops every server these helpers started that is still running (for afterAll). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running.keys()].map((server) => server.stop()));
}

/** True while any process of the group led by `pid` is alive (zombies included, until reaped). */
export function processGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type HttpSession = { cookie: string; csrfToken: string };

/** An answer typed from the web contract by the address and method sent (see `Answer` in api-answer.ts). */
export type HttpResponse<P extends string = string, M extends string = string> = Answer<P, M>;

/** One API call as the web app makes it: session cookie, CSRF header, JSON body. */
export async function httpCall<M extends string, P extends string>(
  baseUrl: string,
  method: M,
  path: P,
  opts: { session?: HttpSession; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResponse<P, M>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.session) {
    headers.cookie = opts.session.cookie;
    headers['x-csrf-token'] = opts.session.csrfToken;
  }
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  // The contract's shape, trusted here once: the tests check the status before they read the body.
  return { status: res.status, body: parsed, text, headers: res.headers } as HttpResponse<P, M>;
}

const lastStepOf = new Map<string, number>();

/**
 * A demo authenticator code `email` has not used yet in this file: a code is accepted once (RFC 6238 §5.2),
 * and the server takes the step at its clock and one either side; when all three are used, wait for the next.
 */
export async function unusedDemoCode(email: string, now: () => Date): Promise<string> {
  const stepNow = () => Math.floor(now().getTime() / 30_000);
  const step = Math.max(stepNow() - 1, (lastStepOf.get(email) ?? Number.NEGATIVE_INFINITY) + 1);
  // Never a step ahead: a server started with OPENIOP_CLOCK_START may lag `now` by its start-up time.
  while (step > stepNow()) await new Promise((resolve) => setTimeout(resolve, 1_000));
  lastStepOf.set(email, step);
  return generateSync({ secret: DEMO_TOTP_SECRET, epoch: step * 30 });
}

/** Signs a demo staff member in with password and the demo authenticator code. */
export async function signIn(
  baseUrl: string,
  email = DIRECTOR_EMAIL,
  password = DEMO_PASSWORD,
  /** The server's clock, where it was started with OPENIOP_CLOCK_START. */
  now: () => Date = () => new Date(),
): Promise<HttpSession> {
  const login = await httpCall(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status} ${login.text}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => /^(openiop_session=[^;]*)/.exec(c)?.[1])
    .find((c) => c !== undefined);
  if (!cookie) throw new Error(`login ${email}: no openiop_session cookie`);
  const session = { cookie, csrfToken: login.body.csrfToken };
  if (login.body.next === 'mfa') {
    const mfa = await httpCall(baseUrl, 'POST', '/api/auth/mfa/verify', {
      session,
      body: { code: await unusedDemoCode(email, now) },
    });
    if (mfa.status !== 200) throw new Error(`mfa ${email}: ${mfa.status} ${mfa.text}`);
  }
  return session;
}
