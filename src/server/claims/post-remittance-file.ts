import { and, eq, inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { postRemittedClaim } from '../../domain/billing';
import { type FieldError, InputError } from '../../domain/input-error';
import { chargesOnClaims } from '../billing';
import type { AuditEvent } from '../platform/audit/append-audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { chargePostings, claims, remittances } from './claims.table';
import { read835 } from './read-835';

export type ImportRemittance = {
  organizationId: string;
  siteId: string;
  userId: string;
  file: string;
  now: Date;
  auditEach: (events: AuditEvent[]) => Promise<void>;
};

/**
 * Posts an 835 whole or not at all: every claim it pays is one of the site's (by patient control number),
 * every service line matches a billed charge, and the file was not posted before (its trace number).
 * Payments, write-offs, the patient's share and denials are written per charge; each claim takes the
 * payer's claim number and its new status.
 */
export async function importRemittance(tx: Tx, input: ImportRemittance) {
  const remittance = read835(input.file);
  const [posted] = await tx
    .select({ id: remittances.id })
    .from(remittances)
    .where(
      and(
        eq(remittances.organizationId, input.organizationId),
        eq(remittances.traceNumber, remittance.traceNumber),
      ),
    );
  if (posted) {
    throw AppError.conflict(
      `The remittance ${remittance.traceNumber} was posted already.`,
      'remittance_already_posted',
    );
  }
  const numbers = remittance.claims.map((c) => c.patientControlNumber);
  const found =
    numbers.length === 0
      ? []
      : await tx
          .select()
          .from(claims)
          .where(and(eq(claims.siteId, input.siteId), inArray(claims.patientControlNumber, numbers)));
  const lines = await chargesOnClaims(
    tx,
    found.map((c) => c.id),
  );
  const fields: FieldError[] = [];
  const plans = remittance.claims.flatMap((rc, i) => {
    const claim = found.find((c) => c.patientControlNumber === rc.patientControlNumber);
    if (!claim) {
      fields.push({
        path: `claims.${i}.patientControlNumber`,
        message: `no claim of this site is ${rc.patientControlNumber}`,
      });
      return [];
    }
    const posting = postRemittedClaim(
      lines
        .filter((l) => l.claimId === claim.id)
        .map((l) => ({
          lineId: l.id,
          code: l.code,
          serviceDate: Temporal.PlainDate.from(l.serviceDate),
          chargeCents: l.amountCents,
        })),
      rc,
    );
    if (!posting.matched) {
      fields.push({ path: `claims.${i}.lines`, message: posting.problem });
      return [];
    }
    return [{ rc, claim, posting }];
  });
  if (fields.length > 0) throw new InputError(fields, 'remittance_unmatched');

  const [saved] = await tx
    .insert(remittances)
    .values({
      organizationId: input.organizationId,
      siteId: input.siteId,
      payerName: remittance.payerName,
      traceNumber: remittance.traceNumber,
      paymentCents: remittance.paymentCents,
      paymentDate: remittance.paymentDate?.toString() ?? null,
      claimCount: plans.length,
      importedBy: input.userId,
      createdAt: input.now,
    })
    .returning();
  const rows = plans.flatMap(({ claim, posting }) =>
    posting.lines.map((l) => ({
      organizationId: claim.organizationId,
      siteId: claim.siteId,
      patientId: claim.patientId,
      remittanceId: saved!.id,
      claimId: claim.id,
      chargeId: l.lineId,
      paidCents: l.paidCents,
      writeOffCents: l.writeOffCents,
      patientResponsibilityCents: l.patientResponsibilityCents,
      adjustments: l.adjustments.map((a) => ({ ...a })),
      denialReason: l.denial?.reason ?? null,
      denialText: l.denial?.text ?? null,
      denialStatus: l.denial ? 'open' : null,
      createdAt: input.now,
      updatedAt: input.now,
    })),
  );
  if (rows.length > 0) await tx.insert(chargePostings).values(rows);
  for (const { rc, claim, posting } of plans) {
    const denied = posting.lines.every((l) => l.denial) || rc.statusCode === '4';
    const status = posting.reversal ? 'reversed' : denied ? 'denied' : 'paid';
    await tx
      .update(claims)
      .set({ status, payerClaimNumber: rc.payerClaimNumber, updatedAt: input.now })
      .where(eq(claims.id, claim.id));
  }
  await input.auditEach(
    plans.map(({ claim, posting }) => ({
      action: 'claim.remittance',
      entity: 'claim',
      entityId: claim.id,
      patientId: claim.patientId,
      siteId: claim.siteId,
      detail: { remittanceId: saved!.id, paidCents: posting.lines.reduce((s, l) => s + l.paidCents, 0) },
    })),
  );
  return {
    id: saved!.id,
    traceNumber: remittance.traceNumber,
    paymentCents: remittance.paymentCents,
    claims: plans.length,
    paidCents: rows.reduce((s, r) => s + r.paidCents, 0),
    patientResponsibilityCents: rows.reduce((s, r) => s + r.patientResponsibilityCents, 0),
    denials: rows.filter((r) => r.denialStatus === 'open').length,
  };
}
