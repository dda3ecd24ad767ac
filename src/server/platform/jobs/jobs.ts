import { createHash } from 'node:crypto';
import { type Job, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { type Database, inBackground } from '../db/database';
import { JOB_QUEUE_SCHEMA } from '../db/job-queue-schema';

/** What a job's `run` is given: the database, the server's clock, a logger naming the job, and its id. */
export type JobContext = { db: Database; now: () => Date; logger: Logger; jobId: string };

export type JobDefinition<Data extends object = Record<string, unknown>> = {
  /** The queue's name (letters, digits, `-`, `_`, `.`, `/`). */
  name: string;
  /**
   * A cron expression, read in UTC against the server's clock (`deps.now()`): each occurrence is one job,
   * created by whichever server process sees it first (the job's id is derived from the occurrence).
   */
  cron?: string;
  /**
   * Also at start: with `cron`, the occurrence in progress counts as due (unless some process already ran
   * it); without, one job is sent when the runner starts.
   */
  runAtStart?: boolean;
  /** Attempts after the first failure before the job is marked failed (default 2). */
  retryLimit?: number;
  /** Seconds a failed job waits before its next attempt, in database time (default 0: at the next pass). */
  retryDelaySeconds?: number;
  run(ctx: JobContext, data: Data): Promise<void>;
};

export type JobDeps = { db: Database; now: () => Date; logger: Logger };

export type JobRunnerOptions = {
  /** Jobs of one queue run side by side in one process (each fetch claims this many). */
  workers?: number;
  /** Seconds between passes; 0: no timer, work runs only through `runDueNow` (tests). */
  pollSeconds?: number;
};

/** One pass's outcome: how many attempts ran and how many of them failed. */
export type JobPass = { ran: number; failed: number };

export type JobRunner = {
  /** Queues one job of a defined queue; its id, or null when a job with that id already exists. */
  send(name: string, data?: object, options?: { id?: string }): Promise<string | null>;
  /**
   * One pass now, after any pass in progress: creates the jobs of cron occurrences that have come due on the
   * server's clock, then runs every job that is ready until none is (a retry with no delay runs in the same
   * pass). Tests and a moved clock use it instead of waiting for the timer.
   */
  runDueNow(): Promise<JobPass>;
  /** Stops the timer, lets the pass in progress finish, and stops the queue. Call before `db.close()`. */
  stop(): Promise<void>;
};

/** `send` to a queue the runner was not started with (a programming error, never a request's). */
export class UnknownJobError extends Error {
  override name = 'UnknownJobError';
  constructor(job: string) {
    super(`No job named ${job} is defined`);
  }
}

/** How far back the occurrence in progress is looked for at start (a weekly cron's last occurrence). */
const START_LOOKBACK_MS = 8 * 24 * 60 * 60 * 1000;
/** pg-boss's ceiling for one previewSchedule call; longer walks page on. */
const PREVIEW_PAGE = 1000;

/**
 * Background jobs on pg-boss (its schema is installed by `openDatabase`), on either store: pg-boss talks to
 * the database only through `Database.runSql`, so on the embedded store its statements queue with the
 * app's transactions. A job is claimed with SKIP LOCKED, so several server processes on one PostgreSQL
 * database run each job once; the embedded store has one process per data folder (its lock) by design.
 * Jobs are rows, so they survive a restart; a failed attempt is retried up to `retryLimit` times.
 */
export async function startJobs(
  deps: JobDeps,
  definitions: JobDefinition[],
  options: JobRunnerOptions = {},
): Promise<JobRunner> {
  const workers = Math.max(1, options.workers ?? 1);
  const pollSeconds = options.pollSeconds ?? 0;
  const { db, logger } = deps;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => db.runSql(text, values) },
    schema: JOB_QUEUE_SCHEMA,
    backend: db.kind === 'embedded' ? 'pglite' : 'postgres',
    // openDatabase installed the schema; the server's role may not create objects.
    migrate: false,
    // Cron occurrences are computed here, on the server's clock; pg-boss's own scheduler reads the machine's.
    schedule: false,
    registerInstance: false,
    reindex: false,
  });
  // pg-boss's errors come from its own statements (no patient data); only the class and SQLSTATE are kept.
  boss.on('error', (err: Error & { code?: string }) =>
    logger.error({ error: err.name, code: err.code }, 'job queue error'),
  );
  await boss.start();
  for (const d of definitions) {
    const queue = {
      retryLimit: d.retryLimit ?? 2,
      retryDelay: d.retryDelaySeconds ?? 0,
      retryBackoff: false,
    };
    await boss.createQueue(d.name, queue);
    await boss.updateQueue(d.name, queue);
  }

  const byName = new Map(definitions.map((d) => [d.name, d]));
  const started = deps.now().getTime();
  // Per cron definition: occurrences after this instant are still to be sent.
  const checkedUpTo = new Map(
    definitions
      .filter((d) => d.cron)
      .map((d) => [d.name, new Date(d.runAtStart ? started - START_LOOKBACK_MS : started)]),
  );
  for (const d of definitions) if (d.runAtStart && !d.cron) await boss.send(d.name, {});

  const sendDueOccurrences = async () => {
    const now = deps.now();
    for (const d of definitions) {
      if (!d.cron) continue;
      const latest = latestOccurrence(boss, d.cron, checkedUpTo.get(d.name)!, now);
      if (!latest) continue;
      checkedUpTo.set(d.name, latest);
      await boss.send(d.name, {}, { id: occurrenceJobId(d.name, latest) });
    }
  };

  const runOne = async (d: JobDefinition, job: Job<object>): Promise<boolean> => {
    const jobLogger = logger.child({ job: d.name, jobId: job.id });
    try {
      // Work of no request: the query-count measure and onQuery leave its statements out.
      await inBackground(() =>
        d.run({ db, now: deps.now, logger: jobLogger, jobId: job.id }, job.data as never),
      );
      await boss.complete(d.name, job);
      return true;
    } catch (err) {
      // The class and SQLSTATE only: a job's error message may carry the data it worked on.
      const e = err as Error & { code?: string; cause?: { code?: string } };
      const failure = { error: e?.name ?? 'Error', code: e?.code ?? e?.cause?.code ?? null };
      jobLogger.warn({ ...failure, attempt: job.retryCount + 1 }, 'job failed');
      await boss.fail(d.name, job, failure);
      return false;
    }
  };

  const pass = async (): Promise<JobPass> => {
    await sendDueOccurrences();
    const result = { ran: 0, failed: 0 };
    for (const d of definitions) {
      for (;;) {
        const batch = await boss.fetch<object>(d.name, { batchSize: workers });
        if (batch.length === 0) break;
        const outcomes = await Promise.all(batch.map((job) => runOne(d, job)));
        result.ran += outcomes.length;
        result.failed += outcomes.filter((ok) => !ok).length;
      }
    }
    return result;
  };

  // Passes never overlap within a process: the timer's and runDueNow's wait for each other.
  let last: Promise<unknown> = Promise.resolve();
  const queuePass = () => {
    const next = last.then(pass, pass);
    last = next.catch(() => undefined);
    return next;
  };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedulePoll = (delayMs: number) => {
    if (stopped || pollSeconds <= 0) return;
    timer = setTimeout(() => {
      queuePass()
        .catch((err: Error & { code?: string }) =>
          logger.error({ error: err.name, code: err.code }, 'job pass failed'),
        )
        .finally(() => schedulePoll(pollSeconds * 1000));
    }, delayMs);
    timer.unref();
  };
  schedulePoll(0);

  return {
    send: async (name, data = {}, sendOptions = {}) => {
      if (!byName.has(name)) throw new UnknownJobError(name);
      return boss.send(name, data, sendOptions.id ? { id: sendOptions.id } : {});
    },
    runDueNow: () => queuePass(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      await last;
      await boss.stop({ graceful: true, close: false });
    },
  };
}

/** The newest occurrence of `cron` (UTC) after `after` and at or before `now`; undefined when none. */
function latestOccurrence(boss: PgBoss, cron: string, after: Date, now: Date): Date | undefined {
  let latest: Date | undefined;
  let from = after;
  for (;;) {
    const page = boss.previewSchedule(cron, { from, count: PREVIEW_PAGE, tz: 'UTC' });
    const due = page.filter((d) => d.getTime() <= now.getTime());
    if (due.length === 0) return latest;
    latest = due.at(-1);
    if (due.length < page.length || page.length < PREVIEW_PAGE) return latest;
    from = latest!;
  }
}

/**
 * The job id of one occurrence, the same in every process (a name-based UUID, RFC 9562 §5.8 layout), so
 * the second process to send it finds the row there and creates nothing.
 */
export function occurrenceJobId(name: string, occurrence: Date): string {
  const h = createHash('sha256').update(`${name}@${occurrence.toISOString()}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
