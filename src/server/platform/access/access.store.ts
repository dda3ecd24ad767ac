import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { breakGlassGrants } from '../db/platform.table';

export type PatientScope = {
  organizationId: string;
  siteId: string;
  breakGlass: boolean;
  /** The user's live grant on the patient that ends last, if any. */
  breakGlassGrantId: string | null;
};

/**
 * The patient's organization and site, and whether the user holds a live break-glass grant, as one scalar
 * subquery (null for an unknown patient): the session lookup embeds it for a patient's address, so one
 * statement both resolves the session and scopes the patient.
 */
export function patientScopeSql(patientId: string, userId: SQL, now: Date) {
  return sql<PatientScope | null>`(select json_build_object('organizationId', p.organization_id,
      'siteId', p.site_id, 'breakGlass', exists (select 1 from break_glass_grants g
        where g.patient_id = p.id and g.user_id = ${userId} and g.expires_at > ${now.toISOString()}::timestamptz),
      'breakGlassGrantId', (select g.id from break_glass_grants g
        where g.patient_id = p.id and g.user_id = ${userId} and g.expires_at > ${now.toISOString()}::timestamptz
        order by g.expires_at desc limit 1))
    from patients p where p.id = ${patientId}::uuid)`;
}

export async function findPatientScope(q: Tx, patientId: string, userId: string, now: Date) {
  const result = (await q.execute(
    sql`select ${patientScopeSql(patientId, sql`${userId}::uuid`, now)} as scope`,
  )) as unknown as { rows: { scope: PatientScope | null }[] };
  return result.rows[0]?.scope ?? undefined;
}

export async function createBreakGlassGrant(tx: Tx, values: typeof breakGlassGrants.$inferInsert) {
  const [row] = await tx.insert(breakGlassGrants).values(values).returning();
  return row!;
}
