import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { portalInvitations, programs, users } from '../platform/db/platform.table';

export async function insertInvitation(tx: Tx, values: typeof portalInvitations.$inferInsert) {
  const [row] = await tx.insert(portalInvitations).values(values).returning();
  return row!;
}

/** A usable invitation: not used, not expired; with the patient's first name for the welcome line. */
export async function findOpenInvitation(tx: Tx, tokenHash: string, now: Date) {
  const [row] = await tx
    .select({ invitation: portalInvitations, givenName: patients.givenName })
    .from(portalInvitations)
    .innerJoin(patients, eq(patients.id, portalInvitations.patientId))
    .where(
      and(
        eq(portalInvitations.tokenHash, tokenHash),
        isNull(portalInvitations.usedAt),
        isNull(portalInvitations.revokedAt),
        gt(portalInvitations.expiresAt, now),
      ),
    );
  return row;
}

/** Revokes the patient's unused, unrevoked invitations; returns their ids. */
export async function revokeOpenInvitations(tx: Tx, patientId: string, by: string, now: Date) {
  const rows = await tx
    .update(portalInvitations)
    .set({ revokedAt: now, revokedBy: by })
    .where(
      and(
        eq(portalInvitations.patientId, patientId),
        isNull(portalInvitations.usedAt),
        isNull(portalInvitations.revokedAt),
      ),
    )
    .returning({ id: portalInvitations.id });
  return rows.map((r) => r.id);
}

/** Marks the invitation used; false when a concurrent acceptance got there first. */
export async function consumeInvitation(tx: Tx, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(portalInvitations)
    .set({ usedAt: now })
    .where(and(eq(portalInvitations.id, id), isNull(portalInvitations.usedAt)))
    .returning({ id: portalInvitations.id });
  return rows.length > 0;
}

export async function findPortalAccount(tx: Tx, patientId: string) {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.patientId, patientId));
  return row;
}

export async function insertPortalUser(tx: Tx, values: typeof users.$inferInsert) {
  const [row] = await tx.insert(users).values(values).returning();
  return row!;
}

/** The program whose help line the patient sees: the first program of their site that has one. */
export async function findSiteProgram(tx: Tx, siteId: string) {
  const [row] = await tx
    .select({ name: programs.name, helpLine: programs.helpLine })
    .from(programs)
    .where(and(eq(programs.siteId, siteId), isNotNull(programs.helpLine)))
    .orderBy(programs.name)
    .limit(1);
  return row;
}
