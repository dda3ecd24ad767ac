import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { programs } from '../platform/db/platform.table';
import { intakeScreenings, referrals } from './referrals.table';

export type ReferralRow = typeof referrals.$inferSelect & { programName: string };
export type ScreeningRow = typeof intakeScreenings.$inferSelect;

/** A program of the site, with its intake thresholds. */
export async function findSiteProgram(tx: Tx, siteId: string, programId: string) {
  const [row] = await tx
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.siteId, siteId)));
  return row;
}

export async function insertReferral(tx: Tx, values: typeof referrals.$inferInsert) {
  const [row] = await tx.insert(referrals).values(values).returning({ id: referrals.id });
  return row!.id;
}

const referralColumns = { referral: referrals, programName: programs.name };

export async function listReferrals(tx: Tx, patientId: string, referralId?: string): Promise<ReferralRow[]> {
  const rows = await tx
    .select(referralColumns)
    .from(referrals)
    .innerJoin(programs, eq(programs.id, referrals.programId))
    .where(and(eq(referrals.patientId, patientId), referralId ? eq(referrals.id, referralId) : undefined))
    .orderBy(desc(referrals.referredOn), desc(referrals.createdAt))
    .limit(100);
  return rows.map((r) => ({ ...r.referral, programName: r.programName }));
}

/** The screenings of several referrals in one query, newest first. */
export async function listScreenings(tx: Tx, referralIds: string[]): Promise<ScreeningRow[]> {
  if (referralIds.length === 0) return [];
  return tx
    .select()
    .from(intakeScreenings)
    .where(inArray(intakeScreenings.referralId, referralIds))
    .orderBy(desc(intakeScreenings.screenedAt));
}

export async function insertScreening(tx: Tx, values: typeof intakeScreenings.$inferInsert) {
  const [row] = await tx.insert(intakeScreenings).values(values).returning();
  return row!;
}
