import path from 'node:path';
import { z } from 'zod';

/** Runtime configuration, read once from the environment. Documented in README.md ("Configuration"). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /**
   * The role that owns the tables and runs the migrations. When set, DATABASE_URL is the server's own role,
   * which may only read and append to the audit tables.
   */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  OPENIOP_DATA_DIR: z.string().default('./data'),
  /** The audit chain's HMAC key (at least 32 characters); unset: `<data dir>/audit.key`, made on first start. */
  OPENIOP_AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The append-only file of signed audit checkpoints; unset: `<data dir>/audit-checkpoints.jsonl`. */
  OPENIOP_AUDIT_CHECKPOINTS: z.string().min(1).optional(),
  SESSION_IDLE_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .default(15 * 60),
  SESSION_ABSOLUTE_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(12 * 60 * 60),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  /** Wrong second-factor codes before the account locks, counted apart from wrong passwords. */
  LOGIN_MFA_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins from one source address, over all accounts, before it gets 429 (password spraying). */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  LOGIN_ADDRESS_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  /** Tests only: requests from loopback (and in-process ones, which have no address) skip the address limit. */
  LOGIN_ADDRESS_LIMIT_SKIP_LOOPBACK: z.enum(['true', 'false']).default('false'),
  BREAK_GLASS_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(60 * 60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENIOP_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  OPENIOP_PUBLIC_URL: z.string().optional(),
  OPENIOP_WEB_DIR: z.string().default('./dist/web'),
  /** A note signed more than this many hours after its session ended is a late entry (CMS, Medicare Program Integrity Manual, ch. 3, on late entries). */
  NOTE_LATE_ENTRY_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(72),
  /** Background jobs (README: "Background jobs"): `off` for a server that only answers requests. */
  OPENIOP_JOBS: z.enum(['on', 'off']).default('on'),
  /** Seconds between the job runner's passes (due cron occurrences, then ready jobs). */
  OPENIOP_JOBS_POLL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 60)
    .default(30),
  /**
   * For tests and demonstrations only: the server's clock starts at this instant (ISO 8601 with a zone, e.g.
   * 2026-12-02T00:30:00Z) and runs on from there, so a walkthrough can be pinned on either side of a site's
   * midnight. Never set it on a clinic's server: every timestamp it writes would be shifted.
   */
  OPENIOP_CLOCK_START: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 instant such as 2026-12-02T00:30:00Z' })
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Runs the migrations (owner of the tables); undefined: DATABASE_URL does. */
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  auditKey: string | undefined;
  auditKeyFile: string;
  auditCheckpointFile: string;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
  loginMfaMaxFailures: number;
  loginAddressMaxFailures: number;
  loginAddressWindowSeconds: number;
  loginAddressLimitSkipLoopback: boolean;
  breakGlassSeconds: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  seedDemo: boolean;
  publicUrl: string | undefined;
  webDir: string;
  noteLateEntryHours: number;
  /** Where the server's clock starts (tests only); undefined: the machine's clock. */
  clockStart: Date | undefined;
  jobs: boolean;
  jobsPollSeconds: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    dataDir: path.resolve(e.OPENIOP_DATA_DIR),
    auditKey: e.OPENIOP_AUDIT_KEY,
    auditKeyFile: path.resolve(e.OPENIOP_DATA_DIR, 'audit.key'),
    auditCheckpointFile: path.resolve(
      e.OPENIOP_AUDIT_CHECKPOINTS ?? path.join(e.OPENIOP_DATA_DIR, 'audit-checkpoints.jsonl'),
    ),
    sessionIdleSeconds: e.SESSION_IDLE_SECONDS,
    sessionAbsoluteSeconds: e.SESSION_ABSOLUTE_SECONDS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockSeconds: e.LOGIN_LOCK_SECONDS,
    loginMfaMaxFailures: e.LOGIN_MFA_MAX_FAILURES,
    loginAddressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES,
    loginAddressWindowSeconds: e.LOGIN_ADDRESS_WINDOW_SECONDS,
    loginAddressLimitSkipLoopback: e.LOGIN_ADDRESS_LIMIT_SKIP_LOOPBACK === 'true',
    breakGlassSeconds: e.BREAK_GLASS_SECONDS,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.OPENIOP_SEED_DEMO === 'true',
    publicUrl: e.OPENIOP_PUBLIC_URL,
    webDir: path.resolve(e.OPENIOP_WEB_DIR),
    noteLateEntryHours: e.NOTE_LATE_ENTRY_HOURS,
    clockStart: e.OPENIOP_CLOCK_START ? new Date(e.OPENIOP_CLOCK_START) : undefined,
    jobs: e.OPENIOP_JOBS === 'on',
    jobsPollSeconds: e.OPENIOP_JOBS_POLL_SECONDS,
  };
}
