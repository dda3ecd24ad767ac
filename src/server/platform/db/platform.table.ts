import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, reference, uuidKey } from './columns';

export const organizations = pgTable('organizations', {
  id: uuidKey(),
  name: text('name').notNull(),
  mrnPrefix: text('mrn_prefix').notNull().default('MRN'),
  nextMrn: integer('next_mrn').notNull().default(1000),
  createdAt: createdAt(),
});

export const sites = pgTable('sites', {
  id: uuidKey(),
  organizationId: reference('organization_id', () => organizations.id).notNull(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('America/Chicago'),
  createdAt: createdAt(),
});

export const programs = pgTable('programs', {
  id: uuidKey(),
  organizationId: reference('organization_id', () => organizations.id).notNull(),
  siteId: reference('site_id', () => sites.id).notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  helpLine: text('help_line'),
  /**
   * Intake rule-outs (Sullivan et al. 1989 for CIWA-Ar; Wesson & Ling 2003 for COWS): CIWA-Ar above this, or
   * COWS at or above that, refer out.
   */
  ciwaArAbove: integer('ciwa_ar_above').notNull().default(15),
  cowsAtLeast: integer('cows_at_least').notNull().default(13),
  /** Days from a treatment plan's creation to its default review date. */
  planReviewDays: integer('plan_review_days').notNull().default(30),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuidKey(),
    organizationId: reference('organization_id', () => organizations.id).notNull(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** A staff role from the permission table, or 'patient' for a portal account. */
    role: text('role').notNull(),
    /** Set only for portal accounts: the one patient this account may see. */
    patientId: uuid('patient_id'),
    passwordHash: text('password_hash').notNull(),
    mfaSecret: text('mfa_secret'),
    mfaEnabled: boolean('mfa_enabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    /** Wrong authenticator or recovery codes since the last right one: counted apart from passwords. */
    mfaFailures: integer('mfa_failures').notNull().default(0),
    /** The last accepted TOTP time step: a code is accepted once (RFC 6238 §5.2). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    lockedUntil: instant('locked_until'),
    passwordChangedAt: instant('password_changed_at').notNull().defaultNow(),
    active: boolean('active').notNull().default(true),
    /** Staff credentials as shown on a roster (LPC, LCSW, MD); `licensed` may facilitate group therapy. */
    credentials: text('credentials'),
    licensed: boolean('licensed').notNull().default(false),
    /** The supervisor who co-signs this staff member's clinical notes; null = notes lock when signed. */
    supervisorUserId: uuid('supervisor_user_id'),
    createdAt: createdAt(),
    /** Staff administration edits the account at the version read (If-Match). */
    version: integer('version').notNull().default(1),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

export const siteMemberships = pgTable(
  'site_memberships',
  {
    userId: reference('user_id', () => users.id).notNull(),
    siteId: reference('site_id', () => sites.id).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId] })],
);

export const recoveryCodes = pgTable('recovery_codes', {
  id: uuidKey(),
  userId: reference('user_id', () => users.id).notNull(),
  codeHash: text('code_hash').notNull(),
  usedAt: instant('used_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    id: uuidKey(),
    /** SHA-256 of the cookie token: a stolen database copy cannot be replayed as a cookie. */
    tokenHash: text('token_hash').notNull(),
    userId: reference('user_id', () => users.id).notNull(),
    csrfToken: text('csrf_token').notNull(),
    mfaVerified: boolean('mfa_verified').notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
    sourceAddress: text('source_address'),
  },
  (t) => [uniqueIndex('sessions_token_hash_unique').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const portalInvitations = pgTable(
  'portal_invitations',
  {
    id: uuidKey(),
    organizationId: reference('organization_id', () => organizations.id).notNull(),
    siteId: reference('site_id', () => sites.id).notNull(),
    patientId: uuid('patient_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: reference('created_by', () => users.id).notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    /** Set when staff revoke the link or a newer invitation replaces it; a revoked link opens nothing. */
    revokedAt: instant('revoked_at'),
    revokedBy: reference('revoked_by', () => users.id),
  },
  (t) => [uniqueIndex('portal_invitations_token_unique').on(t.tokenHash)],
);

export const breakGlassGrants = pgTable(
  'break_glass_grants',
  {
    id: uuidKey(),
    organizationId: reference('organization_id', () => organizations.id).notNull(),
    siteId: reference('site_id', () => sites.id).notNull(),
    patientId: uuid('patient_id').notNull(),
    userId: reference('user_id', () => users.id).notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    reviewedAt: instant('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
    /** 'reviewed' (the access was justified) or 'follow_up' (it needs more than a look), with the reviewer's note. */
    reviewOutcome: text('review_outcome'),
    reviewNote: text('review_note'),
  },
  (t) => [index('break_glass_user_patient_idx').on(t.userId, t.patientId)],
);

/**
 * Append-only audit trail (HIPAA 164.312(b)). The migration adds triggers that refuse UPDATE, DELETE and
 * TRUNCATE. A row is written in the transaction of the change it records, with no lock; its place in the
 * hash chain is given right after commit by the sealer (`audit_seal`).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuidKey(),
    at: instant('at').notNull(),
    organizationId: uuid('organization_id'),
    siteId: uuid('site_id'),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    patientId: uuid('patient_id'),
    outcome: text('outcome').notNull(),
    sourceAddress: text('source_address'),
    requestId: text('request_id'),
    detail: jsonb('detail'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_patient_at_idx').on(t.patientId, t.at),
    index('audit_log_actor_at_idx').on(t.actorId, t.at),
    // The break-glass review lists every access made under a grant.
    index('audit_log_break_glass_grant_idx')
      .on(sql`(${t.detail}->>'breakGlassGrantId')`, t.at)
      .where(sql`${t.detail} ? 'breakGlassGrantId'`),
  ],
);

/**
 * The hash chain over the audit log, one row per audit row in the order they were sealed: `seq` has no gaps
 * and each `hash` covers the previous hash, the seq and the audit row's content. Append-only, like the log.
 */
export const auditSeal = pgTable(
  'audit_seal',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    auditId: reference('audit_id', () => auditLog.id).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    sealedAt: instant('sealed_at').notNull(),
    /**
     * How `hash` was made: 'sha256' (the unkeyed seals before the keyed anchor, kept so an upgraded log still
     * verifies) or 'hmac-sha256' (keyed with the audit key, which is not in the database).
     */
    alg: text('alg').notNull().default('sha256'),
  },
  (t) => [uniqueIndex('audit_seal_audit_unique').on(t.auditId)],
);

/** Audit rows committed but not sealed yet; the sealer empties it right after each audited commit. */
export const auditPending = pgTable('audit_pending', {
  auditId: uuid('audit_id')
    .primaryKey()
    .references(() => auditLog.id),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuidKey(),
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    responseBody: jsonb('response_body'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idempotency_actor_key_unique').on(t.actorId, t.key)],
);
