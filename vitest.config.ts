import fs from 'node:fs';
import pg from 'pg';
import { defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from 'vitest/config';

/**
 * Four projects: pure rules, the server on the embedded store, the same server tests on PostgreSQL, and the
 * browser walkthroughs in Chromium. PostgreSQL and Chromium suites run when they are present; where they
 * are not, the run says so — and with CI=true a skipped suite is a failure.
 */
const TEST_PG_URL = process.env.OPENIOP_TEST_PG_URL ?? 'postgres://openiop:openiop@127.0.0.1:5432/postgres';
const CHROMIUM = '/usr/bin/chromium';

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const skipped: string[] = [];
  const pgProblem = await postgresReachable();
  if (pgProblem)
    skipped.push(
      `PostgreSQL suite: cannot reach ${TEST_PG_URL.replace(/:[^:@/]*@/, ':***@')} (${pgProblem}); set OPENIOP_TEST_PG_URL`,
    );
  const hasChromium = fs.existsSync(CHROMIUM);
  if (!hasChromium) skipped.push(`Browser suite: ${CHROMIUM} not found (apt-get install chromium)`);
  for (const line of skipped) console.warn(`SKIPPED ${line}`);
  if (skipped.length > 0 && process.env.CI === 'true') {
    throw new Error(`CI=true and suites would be skipped:\n${skipped.join('\n')}`);
  }
  const serverTests = ['src/server/**/*.test.ts'];
  const projects: TestProjectInlineConfiguration[] = [
    {
      test: {
        name: 'domain',
        include: ['src/domain/**/*.test.ts', 'src/web/**/*.test.ts'],
        env: { TZ: 'UTC' },
      },
    },
    {
      test: {
        name: 'server-embedded',
        include: serverTests,
        env: { TZ: 'UTC', OPENIOP_TEST_STORE: 'embedded' },
        globalSetup: ['src/server/test-support/global-setup.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
      },
    },
    ...(pgProblem
      ? []
      : [
          {
            test: {
              name: 'server-postgresql',
              include: serverTests,
              env: { TZ: 'UTC', OPENIOP_TEST_STORE: 'postgresql', OPENIOP_TEST_PG_URL: TEST_PG_URL },
              globalSetup: ['src/server/test-support/global-setup.ts'],
              testTimeout: 60_000,
              hookTimeout: 120_000,
            },
          },
        ]),
    ...(hasChromium
      ? [
          {
            test: {
              name: 'e2e',
              include: ['e2e/**/*.e2e.test.ts'],
              env: { TZ: 'UTC' },
              testTimeout: 240_000,
              hookTimeout: 240_000,
              fileParallelism: false,
            },
          },
        ]
      : []),
  ];
  return {
    test: {
      env: { TZ: 'UTC' },
      reporters: ['default', ['json', { outputFile: 'test-results/results.json' }]],
      projects,
    },
  };
});
