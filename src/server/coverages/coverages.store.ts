import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { updateAtVersion } from '../platform/db/update-at-version';
import { coverages, payers } from './coverages.table';

export type PayerRow = typeof payers.$inferSelect;
export type CoverageRow = typeof coverages.$inferSelect & { payerName: string };

export function listPayers(tx: Tx, organizationId: string): Promise<PayerRow[]> {
  return tx
    .select()
    .from(payers)
    .where(eq(payers.organizationId, organizationId))
    .orderBy(asc(payers.name))
    .limit(500);
}

export async function findPayer(tx: Tx, organizationId: string, id: string): Promise<PayerRow | undefined> {
  const [row] = await tx
    .select()
    .from(payers)
    .where(and(eq(payers.id, id), eq(payers.organizationId, organizationId)));
  return row;
}

export async function findPayerByCode(tx: Tx, organizationId: string, payerCode: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: payers.id })
    .from(payers)
    .where(
      and(
        eq(payers.organizationId, organizationId),
        eq(payers.payerCode, payerCode),
        exceptId ? ne(payers.id, exceptId) : undefined,
      ),
    );
  return row;
}

export async function insertPayer(tx: Tx, values: typeof payers.$inferInsert): Promise<PayerRow> {
  const [row] = await tx.insert(payers).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export function updatePayer(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof payers.$inferInsert>,
  now: Date,
): Promise<PayerRow | undefined> {
  return updateAtVersion(tx, payers, id, version, changes, now);
}

const coverageColumns = { coverage: coverages, payerName: payers.name };

export async function listCoverages(tx: Tx, patientId: string, coverageId?: string): Promise<CoverageRow[]> {
  const rows = await tx
    .select(coverageColumns)
    .from(coverages)
    .innerJoin(payers, eq(payers.id, coverages.payerId))
    .where(and(eq(coverages.patientId, patientId), coverageId ? eq(coverages.id, coverageId) : undefined))
    .orderBy(desc(coverages.effectiveFrom), asc(coverages.rank))
    .limit(100);
  return rows.map((r) => ({ ...r.coverage, payerName: r.payerName }));
}

export async function insertCoverage(tx: Tx, values: typeof coverages.$inferInsert): Promise<string> {
  const [row] = await tx.insert(coverages).values(values).returning({ id: coverages.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export function updateCoverage(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof coverages.$inferInsert>,
  now: Date,
) {
  return updateAtVersion(tx, coverages, id, version, changes, now);
}

/** The coverages of several patients with their payers, for charge generation and the queue: one query. */
export async function coveragesOfPatients(tx: Tx, patientIds: string[]) {
  if (patientIds.length === 0) return [];
  return tx
    .select({ coverage: coverages, payer: payers })
    .from(coverages)
    .innerJoin(payers, eq(payers.id, coverages.payerId))
    .where(inArray(coverages.patientId, patientIds));
}
