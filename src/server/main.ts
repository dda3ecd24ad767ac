import { serve } from '@hono/node-server';
import { createApp, FEATURE_JOBS } from './app';
import { anchorAuditChain, checkpointAuditHead, sealAuditLog } from './platform/audit/audit';
import { openAuditAnchor } from './platform/audit/audit-anchor';
import { auditRoleProblems } from './platform/audit/audit-role';
import { serverClock } from './platform/clock';
import { ConfigError, loadConfig } from './platform/config';
import { DataDirLockedError } from './platform/db/data-dir-lock';
import { openDatabase } from './platform/db/database';
import { startJobs } from './platform/jobs/jobs';
import { createLogger } from './platform/logging';
import { seedDemoDocumentation } from './seed/demo-documentation';
import { DEMO_PASSWORD, DEMO_PATIENT_EMAIL, DEMO_STAFF, DEMO_TOTP_SECRET, seedDemo } from './seed/demo-seed';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const now = serverClock(config.clockStart);
  if (config.clockStart) {
    logger.warn(
      { clockStart: config.clockStart.toISOString() },
      'OPENIOP_CLOCK_START is set: the clock is shifted (tests only)',
    );
  }
  const db = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgresql', url: config.databaseUrl, ownerUrl: config.databaseOwnerUrl }
      : { kind: 'embedded', dataDir: config.dataDir },
  );
  const roleProblems = await auditRoleProblems(db);
  if (roleProblems.length > 0) {
    logger.warn(
      { problems: roleProblems },
      "The server's database role can alter the audit tables: set DATABASE_OWNER_URL to the owner role and DATABASE_URL to a role that may only read and append them",
    );
  }
  anchorAuditChain(db, openAuditAnchor(config, { create: true }));
  // Audit rows a stopped server committed but had not sealed into the hash chain yet.
  await sealAuditLog(db, now);
  await checkpointAuditHead(db, now);
  const seeded = config.seedDemo ? await seedDemo(db, now()) : false;
  // Demo notes at Riverbend South (once); kept out of the test template, whose North data tests count on.
  if (config.seedDemo) await seedDemoDocumentation(db, now());
  const app = createApp({ db, config, logger, now });
  const jobs = config.jobs
    ? await startJobs({ db, now, logger }, FEATURE_JOBS, { pollSeconds: config.jobsPollSeconds })
    : undefined;
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = config.publicUrl ?? `http://localhost:${info.port}`;
    const store =
      db.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
    const lines = [`OpenIOP is running at ${url}`, `Store: ${store}${seeded ? ' — demo data seeded' : ''}`];
    if (config.seedDemo) {
      lines.push(
        '',
        `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`,
        ...DEMO_STAFF.map((s) => `  ${s.email.padEnd(30)} ${s.role}`),
        `  ${DEMO_PATIENT_EMAIL.padEnd(30)} patient portal (no authenticator code)`,
        '',
        'Staff sign-in asks for an authenticator code. Demo staff share the published demo secret',
        `${DEMO_TOTP_SECRET}: add it to any authenticator app, or run \`npm run totp\` for the current code.`,
      );
    }
    console.log(lines.join('\n'));
  });
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close(() => {
      // A job's transaction finishes before the store closes; queued jobs wait in the database.
      (jobs ? jobs.stop().catch(() => undefined) : Promise.resolve())
        .then(() => db.close())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  if (err instanceof DataDirLockedError || err instanceof ConfigError) {
    console.error(err.message);
  } else {
    // Database errors carry the failed query's parameters in their message (hashes, names): print only
    // the underlying cause's code and message.
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.message
      ? `${cause.code ? `${cause.code} ` : ''}${cause.message}`
      : (err as Error).message;
    console.error('OpenIOP could not start:', reason?.split('\n')[0] ?? 'unknown error');
  }
  process.exit(1);
});
