import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { coverages, payers } from '../coverages';
import type { Tx } from '../platform/db/database';
import { updateAtVersion } from '../platform/db/update-at-version';
import { authorizations, charges } from './billing.table';

export type AuthorizationRow = typeof authorizations.$inferSelect & {
  payerId: string;
  payerName: string;
  unitsUsed: number;
};

/**
 * A patient's authorizations (or one), newest first, each with its payer and the units its live charges use:
 * one query whatever the number of authorizations.
 */
export async function listAuthorizations(
  tx: Tx,
  patientId: string,
  authorizationId?: string,
): Promise<AuthorizationRow[]> {
  const used = tx
    .select({
      authorizationId: charges.authorizationId,
      units: sql<number>`sum(${charges.units})`.mapWith(Number).as('units'),
    })
    .from(charges)
    .where(and(eq(charges.patientId, patientId), ne(charges.status, 'void')))
    .groupBy(charges.authorizationId)
    .as('used');
  const rows = await tx
    .select({
      authorization: authorizations,
      payerId: payers.id,
      payerName: payers.name,
      unitsUsed: sql<number>`coalesce(${used.units}, 0)`.mapWith(Number),
    })
    .from(authorizations)
    .innerJoin(coverages, eq(coverages.id, authorizations.coverageId))
    .innerJoin(payers, eq(payers.id, coverages.payerId))
    .leftJoin(used, eq(used.authorizationId, authorizations.id))
    .where(
      and(
        eq(authorizations.patientId, patientId),
        authorizationId ? eq(authorizations.id, authorizationId) : undefined,
      ),
    )
    .orderBy(desc(authorizations.startsOn))
    .limit(200);
  return rows.map((r) => ({
    ...r.authorization,
    payerId: r.payerId,
    payerName: r.payerName,
    unitsUsed: r.unitsUsed,
  }));
}

export async function findAuthorization(tx: Tx, patientId: string, id: string) {
  const [row] = await listAuthorizations(tx, patientId, id);
  return row;
}

/** Authorizations of several episodes, for charge generation: one query. */
export async function authorizationsOfEpisodes(tx: Tx, episodeIds: string[]) {
  if (episodeIds.length === 0) return [];
  return tx.select().from(authorizations).where(inArray(authorizations.episodeId, episodeIds));
}

export async function insertAuthorization(
  tx: Tx,
  values: typeof authorizations.$inferInsert,
): Promise<string> {
  const [row] = await tx.insert(authorizations).values(values).returning({ id: authorizations.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function updateAuthorization(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof authorizations.$inferInsert>,
  now: Date,
): Promise<string | undefined> {
  return (await updateAtVersion(tx, authorizations, id, version, changes, now))?.id;
}
