import { and, eq, inArray, lt } from 'drizzle-orm';
import { charges } from '../billing';
import type { Tx } from '../platform/db/database';
import { chargePostings, claims } from './claims.table';

/**
 * The site's claims built before an instant, each with its lines as billed (a claim keeps the charges it
 * carried even after one is rebilled on another claim) and every posting made to them: what billing reports
 * read. Codes, dates and amounts only; no patient is named.
 */
export async function claimsForReports(tx: Tx, siteId: string, before: Date) {
  const claimRows = await tx
    .select({
      id: claims.id,
      payerId: claims.payerId,
      frequency: claims.frequency,
      status: claims.status,
      chargeIds: claims.chargeIds,
      createdAt: claims.createdAt,
    })
    .from(claims)
    .where(and(eq(claims.siteId, siteId), lt(claims.createdAt, before)))
    .orderBy(claims.createdAt);
  const chargeIds = [...new Set(claimRows.flatMap((c) => c.chargeIds))];
  if (claimRows.length === 0) return { claims: claimRows, lines: [], postings: [] };
  // One after the other: a transaction is one connection.
  const lines = await tx
    .select({ id: charges.id, serviceDate: charges.serviceDate, amountCents: charges.amountCents })
    .from(charges)
    .where(inArray(charges.id, chargeIds));
  const postings = await tx
    .select({
      claimId: chargePostings.claimId,
      chargeId: chargePostings.chargeId,
      paidCents: chargePostings.paidCents,
      writeOffCents: chargePostings.writeOffCents,
      patientResponsibilityCents: chargePostings.patientResponsibilityCents,
      adjustments: chargePostings.adjustments,
      denialReason: chargePostings.denialReason,
      denialText: chargePostings.denialText,
      denialStatus: chargePostings.denialStatus,
      createdAt: chargePostings.createdAt,
      updatedAt: chargePostings.updatedAt,
    })
    .from(chargePostings)
    .where(and(eq(chargePostings.siteId, siteId), lt(chargePostings.createdAt, before)));
  return { claims: claimRows, lines, postings };
}

export type ClaimsForReports = Awaited<ReturnType<typeof claimsForReports>>;
