// The README quick start, done the way a newcomer does it: `npm start`, open the printed address, sign in as
// a demo director, stop with Ctrl-C (SIGTERM to the whole process group), start again on the same data.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../src/server/test-support/api-answer';
import {
  freePort,
  httpCall,
  processGroupAlive,
  type ServerProcess,
  signIn,
  spawnServer,
  stopAllServers,
} from '../src/server/test-support/server-process';

const BUILD_AND_START_TIMEOUT_MS = 180_000;
const GROUP_EXIT_TIMEOUT_MS = 15_000;

describe('quick start: npm start', () => {
  let dataDir: string;
  /** Patients per site on the census after the first start, to compare after the restart. */
  let censusTotals: Record<string, number> | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'openiop-quick-start-'));
  });

  afterAll(async () => {
    try {
      await stopAllServers();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  /** `npm start` as its own process group; resolves with the address it prints once it is listening. */
  async function npmStart(): Promise<{ server: ServerProcess; url: string }> {
    const port = await freePort();
    const server = await spawnServer({
      command: { file: 'npm', args: ['start'] },
      detached: true,
      env: { PORT: String(port), OPENIOP_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    const printed = await server.waitForOutput(
      /OpenIOP is running at (http:\/\/localhost:\d+)/,
      BUILD_AND_START_TIMEOUT_MS,
    );
    expect(printed[1]).toBe(`http://localhost:${port}`);
    return { server, url: printed[1]! };
  }

  async function sitesAndCensus(url: string) {
    const session = await signIn(url);
    const sites = await httpCall(url, 'GET', '/api/sites', { session });
    expectStatus(sites, 200);
    const totals: Record<string, number> = {};
    for (const site of sites.body.items) {
      const census = await httpCall(url, 'GET', `/api/sites/${site.id}/patients`, { session });
      expectStatus(census, 200);
      totals[site.name] = census.body.total;
    }
    return { siteCount: sites.body.items.length, totals };
  }

  /** Ctrl-C in a terminal: SIGTERM to every process of the group, npm and the server it started. */
  async function stopLikeCtrlC(server: ServerProcess, url: string) {
    const lockPath = path.join(dataDir, 'openiop.lock');
    const serverPid = fs.readFileSync(lockPath, 'utf8');
    const signalled = Date.now();
    process.kill(-server.pid, 'SIGTERM');
    await server.exited;
    const deadline = Date.now() + GROUP_EXIT_TIMEOUT_MS;
    while (processGroupAlive(server.pid) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const stoppedAfterMs = Date.now() - signalled;
    expect(processGroupAlive(server.pid)).toBe(false);
    await expect(fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    // The server shut down cleanly: it closed the database and let go of the data folder.
    expect(
      fs.existsSync(lockPath),
      `server ${serverPid} left its lock; group gone ${stoppedAfterMs} ms after SIGTERM:\n${server.output()}`,
    ).toBe(false);
  }

  it('builds and serves the web app, the API description and docs, and the demo director signs in', async () => {
    const { server, url } = await npmStart();
    expect(server.output()).toContain('demo data seeded');

    const home = await fetch(`${url}/`, { signal: AbortSignal.timeout(30_000) });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await home.text()).toContain('<div id="root">');

    const health = await httpCall(url, 'GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });

    const openapi = await httpCall(url, 'GET', '/api/openapi.json');
    expect(openapi.status).toBe(200);
    // The OpenAPI document itself is not one of the contract's routes.
    expect(openapi.body).toHaveProperty('openapi', '3.1.0');

    const docs = await fetch(`${url}/api/docs`, { signal: AbortSignal.timeout(30_000) });
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await docs.text()).toContain('swagger-ui');

    const { siteCount, totals } = await sitesAndCensus(url);
    expect(siteCount).toBe(2);
    for (const total of Object.values(totals)) expect(total).toBeGreaterThan(0);
    censusTotals = totals;

    await stopLikeCtrlC(server, url);
  }, 240_000);

  it('starts again on the same data without seeding the demo a second time', async () => {
    expect(censusTotals, 'the first start must have passed').toBeDefined();
    const { server, url } = await npmStart();
    expect(server.output()).not.toContain('demo data seeded');

    const { siteCount, totals } = await sitesAndCensus(url);
    expect(siteCount).toBe(2);
    expect(totals).toEqual(censusTotals);

    await stopLikeCtrlC(server, url);
  }, 240_000);
});
