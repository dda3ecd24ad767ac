import { and, eq, gt, sql } from 'drizzle-orm';
import { patients } from '../../patients/patients.table';
import type { Tx } from '../db/database';
import { breakGlassGrants } from '../db/platform.table';

/** The patient's organization and site, and whether this user holds a live break-glass grant (one query). */
export async function findPatientScope(tx: Tx, patientId: string, userId: string, now: Date) {
  const [row] = await tx
    .select({
      organizationId: patients.organizationId,
      siteId: patients.siteId,
      breakGlass: sql<boolean>`exists (select 1 from ${breakGlassGrants} where ${and(
        eq(breakGlassGrants.patientId, patients.id),
        eq(breakGlassGrants.userId, userId),
        gt(breakGlassGrants.expiresAt, now),
      )})`,
    })
    .from(patients)
    .where(eq(patients.id, patientId));
  return row;
}

export async function createBreakGlassGrant(tx: Tx, values: typeof breakGlassGrants.$inferInsert) {
  const [row] = await tx.insert(breakGlassGrants).values(values).returning();
  return row!;
}
