import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { recoveryCodes, sessions, siteMemberships, sites, users } from '../platform/db/platform.table';
import { updateAtVersion } from '../platform/db/update-at-version';
import { staffInvitations } from './staff.table';

export type StaffRow = typeof users.$inferSelect & {
  sites: { id: string; name: string }[];
  supervisorName: string | null;
  /** A password was chosen: an account made by the seed, or an invitation that was accepted. */
  passwordSet: boolean;
};

// Written out in full: drizzle leaves a lone table's columns unqualified, and these run inside subqueries.
const userId = sql.raw('"users"."id"');
const supervisor = sql`(select s.display_name from ${users} s where s.id = "users"."supervisor_user_id")`;
const siteList = sql<{ id: string; name: string }[]>`coalesce((
  select json_agg(json_build_object('id', st.id, 'name', st.name) order by st.name)
  from ${siteMemberships} m join ${sites} st on st.id = m.site_id where m.user_id = ${userId}), '[]'::json)`;
const passwordSet = sql<boolean>`(not exists (select 1 from ${staffInvitations} i where i.user_id = ${userId})
  or exists (select 1 from ${staffInvitations} i where i.user_id = ${userId} and i.used_at is not null))`;

/** The organization's staff (never portal accounts), by name; one statement whatever the count. */
export async function listStaff(
  tx: Tx,
  organizationId: string,
  filter: { siteId?: string; role?: string; active?: boolean; userId?: string } = {},
): Promise<StaffRow[]> {
  const rows = await tx
    .select({
      user: users,
      sites: siteList,
      supervisorName: sql<string | null>`${supervisor}`,
      passwordSet,
    })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        sql`${users.role} <> 'patient'`,
        filter.userId ? eq(users.id, filter.userId) : undefined,
        filter.role ? eq(users.role, filter.role) : undefined,
        filter.active === undefined ? undefined : eq(users.active, filter.active),
        filter.siteId
          ? sql`exists (select 1 from ${siteMemberships} m where m.user_id = ${userId} and m.site_id = ${filter.siteId})`
          : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map((r) => ({
    ...r.user,
    sites: r.sites,
    supervisorName: r.supervisorName,
    passwordSet: r.passwordSet,
  }));
}

export async function findStaff(tx: Tx, organizationId: string, userId: string) {
  const [row] = await listStaff(tx, organizationId, { userId });
  return row;
}

export async function emailInUse(tx: Tx, email: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row !== undefined;
}

export async function orgSiteIds(tx: Tx, organizationId: string, siteIds: string[]): Promise<Set<string>> {
  if (siteIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, siteIds)));
  return new Set(rows.map((r) => r.id));
}

/** The organization's staff as the supervisor rule needs them: who supervises whom, who works where. */
export async function supervisionGraph(tx: Tx, organizationId: string) {
  return tx
    .select({
      id: users.id,
      active: users.active,
      licensed: users.licensed,
      role: users.role,
      supervisorUserId: users.supervisorUserId,
      siteIds: sql<
        string[]
      >`coalesce((select array_agg(m.site_id::text) from ${siteMemberships} m where m.user_id = ${userId}), '{}')`,
    })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), sql`${users.role} <> 'patient'`));
}

export async function insertStaffUser(tx: Tx, values: typeof users.$inferInsert) {
  const [row] = await tx.insert(users).values(values).returning({ id: users.id });
  return row!;
}

export async function replaceSiteMemberships(tx: Tx, userId: string, siteIds: string[]) {
  await tx.delete(siteMemberships).where(eq(siteMemberships.userId, userId));
  if (siteIds.length > 0)
    await tx.insert(siteMemberships).values(siteIds.map((siteId) => ({ userId, siteId })));
}

export function updateStaffAtVersion(
  tx: Tx,
  userId: string,
  version: number,
  changes: Partial<typeof users.$inferInsert>,
  now: Date,
) {
  return updateAtVersion(tx, users, userId, version, changes, now);
}

/** An action that needs no If-Match (deactivate, unlock, reset): the version still moves on. */
export async function updateStaff(
  tx: Tx,
  userId: string,
  changes: Partial<typeof users.$inferInsert>,
  now: Date,
) {
  await tx
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: now })
    .where(eq(users.id, userId));
}

export async function endAllSessions(tx: Tx, userId: string, now: Date) {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function deleteRecoveryCodes(tx: Tx, userId: string) {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export async function insertStaffInvitation(tx: Tx, values: typeof staffInvitations.$inferInsert) {
  const [row] = await tx.insert(staffInvitations).values(values).returning();
  return row!;
}

export async function revokeOpenStaffInvitations(tx: Tx, userId: string, now: Date) {
  const rows = await tx
    .update(staffInvitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(staffInvitations.userId, userId),
        isNull(staffInvitations.usedAt),
        isNull(staffInvitations.revokedAt),
      ),
    )
    .returning({ id: staffInvitations.id });
  return rows.map((r) => r.id);
}

/** A usable link: not used, not revoked, not expired, for an account still active. */
export async function findOpenStaffInvitation(tx: Tx, tokenHash: string, now: Date) {
  const [row] = await tx
    .select({ invitation: staffInvitations, user: users })
    .from(staffInvitations)
    .innerJoin(users, eq(users.id, staffInvitations.userId))
    .where(
      and(
        eq(staffInvitations.tokenHash, tokenHash),
        isNull(staffInvitations.usedAt),
        isNull(staffInvitations.revokedAt),
        gt(staffInvitations.expiresAt, now),
        eq(users.active, true),
      ),
    );
  return row;
}

export async function hasAcceptedInvitation(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ id: staffInvitations.id })
    .from(staffInvitations)
    .where(and(eq(staffInvitations.userId, userId), isNotNull(staffInvitations.usedAt)));
  return row !== undefined;
}

/** Marks the link used; false when a concurrent acceptance got there first. */
export async function consumeStaffInvitation(tx: Tx, id: string, now: Date) {
  const rows = await tx
    .update(staffInvitations)
    .set({ usedAt: now })
    .where(
      and(eq(staffInvitations.id, id), isNull(staffInvitations.usedAt), isNull(staffInvitations.revokedAt)),
    )
    .returning({ id: staffInvitations.id });
  return rows.length > 0;
}
