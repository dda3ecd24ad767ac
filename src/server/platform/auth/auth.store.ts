import { and, eq, isNull, sql } from 'drizzle-orm';
import { type PatientScope, patientScopeSql } from '../access/access.store';
import type { Tx } from '../db/database';
import { recoveryCodes, sessions, siteMemberships, sites, users } from '../db/platform.table';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await tx
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

export async function findUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

export async function recordLoginFailure(tx: Tx, userId: string, maxFailures: number, lockUntil: Date) {
  const [row] = await tx
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  if (row && row.failedLogins >= maxFailures) {
    await tx.update(users).set({ failedLogins: 0 }).where(eq(users.id, userId));
  }
  return row;
}

export type AttemptKind = 'password' | 'code';

export type Reservation =
  | { allowed: false }
  | { allowed: true; failures: number; lockedByThisAttempt: boolean };

/**
 * Counts one password or second-factor attempt *before* it is verified, in one statement, so that however
 * many guesses arrive at once, at most `maxFailures` per lock period are ever verified: the row lock of the
 * UPDATE serializes them and each sees the lock the one before set. Passwords and codes are counted apart (a
 * right password never resets the code count); a lapsed lock starts both counts afresh. `allowed: false`:
 * locked, verify nothing.
 */
export async function reserveAttempt(
  tx: Tx,
  userId: string,
  kind: AttemptKind,
  opts: { maxFailures: number; now: Date; lockUntil: Date },
): Promise<Reservation> {
  const now = sql`${opts.now.toISOString()}::timestamptz`;
  const lapsed = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now})`;
  const [own, other] =
    kind === 'password' ? [users.failedLogins, users.mfaFailures] : [users.mfaFailures, users.failedLogins];
  const next = sql`(case when ${lapsed} then 1 else ${own} + 1 end)`;
  const counts =
    kind === 'password'
      ? { failedLogins: next, mfaFailures: sql`case when ${lapsed} then 0 else ${other} end` }
      : { mfaFailures: next, failedLogins: sql`case when ${lapsed} then 0 else ${other} end` };
  const [row] = await tx
    .update(users)
    .set({
      ...counts,
      lockedUntil: sql`case when ${next} >= ${opts.maxFailures} then ${opts.lockUntil.toISOString()}::timestamptz when ${lapsed} then null else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.id, userId), sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= ${now})`))
    .returning({ failures: own, lockedUntil: users.lockedUntil });
  if (!row) return { allowed: false };
  return { allowed: true, failures: row.failures, lockedByThisAttempt: row.lockedUntil !== null };
}

/** A right password or code: its count starts again; a lock this very attempt set is lifted. */
export async function clearAttempts(tx: Tx, userId: string, kind: AttemptKind, liftLock: boolean) {
  await tx
    .update(users)
    .set({
      ...(kind === 'password' ? { failedLogins: 0 } : { mfaFailures: 0 }),
      ...(liftLock ? { lockedUntil: null } : {}),
    })
    .where(eq(users.id, userId));
}

/**
 * Records a TOTP time step as used, atomically: false when this step (or a later one) was already accepted,
 * so one code completes one sign-in or one signature (RFC 6238 §5.2).
 */
export async function acceptTotpStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function clearLoginFailures(tx: Tx, userId: string) {
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function createSession(
  tx: Tx,
  values: {
    userId: string;
    tokenHash: string;
    csrfToken: string;
    mfaVerified: boolean;
    expiresAt: Date;
    now: Date;
    sourceAddress: string | null;
  },
) {
  const [row] = await tx
    .insert(sessions)
    .values({ ...values, createdAt: values.now, lastSeenAt: values.now })
    .returning();
  return row!;
}

/**
 * One statement: the session, its user and the user's sites (no extra query per request) and, for a request
 * to a patient's address, that patient's scope for the access guard.
 */
export async function findSessionByTokenHash(
  tx: Tx,
  tokenHash: string,
  scopeOf?: { patientId: string; now: Date },
) {
  const [row] = await tx
    .select({
      session: sessions,
      user: users,
      siteIds: sql<
        string[]
      >`coalesce((select array_agg(${siteMemberships.siteId}::text) from ${siteMemberships} where ${siteMemberships.userId} = ${users.id}), '{}')`,
      patientScope: scopeOf
        ? patientScopeSql(scopeOf.patientId, sql`${users.id}`, scopeOf.now)
        : sql<PatientScope | null>`null`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(tx: Tx, sessionId: string, now: Date) {
  await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function markSessionMfaVerified(tx: Tx, sessionId: string) {
  await tx.update(sessions).set({ mfaVerified: true }).where(eq(sessions.id, sessionId));
}

export async function revokeSession(tx: Tx, sessionId: string, now: Date) {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeAllSessions(tx: Tx, userId: string, now: Date, exceptSessionId?: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    );
}

export async function setMfaSecret(tx: Tx, userId: string, secret: string) {
  await tx.update(users).set({ mfaSecret: secret, mfaEnabled: false }).where(eq(users.id, userId));
}

export async function enableMfa(tx: Tx, userId: string, codeHashes: string[]) {
  await tx.update(users).set({ mfaEnabled: true }).where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks a recovery code used; true when it existed and was unused (each code works once). */
export async function consumeRecoveryCode(
  tx: Tx,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function setPassword(tx: Tx, userId: string, passwordHash: string, now: Date) {
  await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId));
}

export async function listSitesByIds(tx: Tx, siteIds: string[]) {
  if (siteIds.length === 0) return [];
  return tx
    .select({ id: sites.id, name: sites.name, timeZone: sites.timeZone })
    .from(sites)
    .where(
      sql`${sites.id} in (${sql.join(
        siteIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    )
    .orderBy(sites.name);
}
