import { getConstructionPlans, getMigrationPlans } from 'pg-boss';
import pgBossPackage from 'pg-boss/package.json' with { type: 'json' };
import type { SqlRows } from './database';

/** The schema pg-boss keeps its queues, jobs and schedules in (its own; dropped whole on a forced restore). */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/** The pg-boss schema version this release of pg-boss runs on (its package.json names it). */
const JOB_QUEUE_SCHEMA_VERSION: number = pgBossPackage.pgboss.schema;

/**
 * Installs the job queue's schema, or migrates it to the installed pg-boss's version, with pg-boss's own
 * plans (the SQL its `getConstructionPlans` / `getMigrationPlans` give for running by hand: one locked
 * block each). Runs in `openDatabase` right after the app's migrations, by the role that runs them, so
 * that the server's own role (which may not create objects) finds the schema ready and pg-boss is started
 * with `migrate: false`.
 */
export async function installJobQueueSchema(run: (text: string) => Promise<SqlRows>): Promise<void> {
  const { rows } = await run(`select to_regclass('${JOB_QUEUE_SCHEMA}.version') is not null as installed`);
  if (!rows[0]?.installed) {
    await run(getConstructionPlans(JOB_QUEUE_SCHEMA));
    return;
  }
  const version = Number((await run(`select version from ${JOB_QUEUE_SCHEMA}.version`)).rows[0]?.version);
  if (version < JOB_QUEUE_SCHEMA_VERSION) await run(getMigrationPlans(JOB_QUEUE_SCHEMA, version));
}

/**
 * What the server's role needs on the queue's schema, granted by the owner after each start's migrations:
 * rows of every queue table (pg-boss claims, completes and deletes jobs) and its functions (create_queue,
 * job_now). Nothing of the audit tables lives here.
 */
export function jobQueueGrants(role: string): string {
  const s = JOB_QUEUE_SCHEMA;
  return `grant usage on schema ${s} to ${role};
    grant select, insert, update, delete on all tables in schema ${s} to ${role};
    grant usage, select on all sequences in schema ${s} to ${role};
    grant execute on all functions in schema ${s} to ${role};`;
}
