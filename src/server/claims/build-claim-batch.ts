import { and, desc, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { findBillingProvider, markChargesBilled, scrubbedCharges } from '../billing';
import { findPayer } from '../coverages';
import type { AuditEvent } from '../platform/audit/append-audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { siteTimeZone } from '../sites';
import { build837 } from './build-837';
import type { Address, Claim, ClaimBatch } from './claim-batch';
import { claimBatches, claims } from './claims.table';

/** X12 individual relationship codes of the patient to the subscriber (PAT01). */
const RELATIONSHIP_CODE: Record<string, string> = { spouse: '01', child: '19', other: 'G8' };
const SEX: Record<string, 'M' | 'F'> = { male: 'M', female: 'F' };
/** The most charges one batch takes (a month of a large program fits many times over). */
const MAX_CHARGES = 5000;

export type BuildClaimBatch = {
  organizationId: string;
  siteId: string;
  payerId: string;
  userId: string;
  now: Date;
  auditEach: (events: AuditEvent[]) => Promise<void>;
};

export type SkippedCharge = { chargeId: string; reasons: string[] };

/**
 * Builds one 837 batch for a payer from the site's released charges that pass the scrubber: one claim per
 * patient, episode and coverage, lines in date order. Charges with a problem, or of a patient whose address is
 * missing, stay released and are reported; the rest are billed on their claim in the same transaction as the
 * file is stored, so a charge is never on two claims.
 */
export async function buildClaimBatch(tx: Tx, input: BuildClaimBatch) {
  const payer = await findPayer(tx, input.organizationId, input.payerId);
  if (!payer) throw AppError.validation([{ path: 'payerId', message: 'Not a payer of the organization.' }]);
  const provider = await findBillingProvider(tx, input.siteId);
  if (!provider?.contactPhone) {
    throw AppError.conflict(
      "Set the site's billing provider with the billing office's contact phone before building claims.",
      'billing_setup_incomplete',
    );
  }
  const zone = await siteTimeZone(tx, input.siteId);
  const nowThere = Temporal.Instant.fromEpochMilliseconds(input.now.getTime()).toZonedDateTimeISO(zone);
  const { rows, diagnoses } = await scrubbedCharges(
    tx,
    { siteId: input.siteId, today: nowThere.toPlainDate(), billing: provider },
    { status: 'released', payerId: payer.id, page: 1, pageSize: MAX_CHARGES },
  );
  const skipped: SkippedCharge[] = [];
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const addressMissing =
      !row.patient.addressLine1 || !row.patient.city || !row.patient.state || !row.patient.postalCode;
    const reasons = [
      ...row.problems.map((p) => p.reason),
      ...(addressMissing ? ['patient_address_missing'] : []),
    ];
    if (reasons.length > 0 || !row.coverage) {
      skipped.push({ chargeId: row.charge.id, reasons });
      continue;
    }
    const key = `${row.charge.patientId}|${row.charge.episodeId}|${row.coverage.id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  if (groups.size === 0) {
    throw AppError.conflict('No released charge for this payer is ready to bill.', 'nothing_to_bill', {
      skipped,
    });
  }

  // Control numbers are the organization's, in order, never reused: one batch is numbered at a time.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`claim-batch:${input.organizationId}`}))`);
  const [last] = await tx
    .select({ n: claimBatches.controlNumber })
    .from(claimBatches)
    .where(eq(claimBatches.organizationId, input.organizationId))
    .orderBy(desc(claimBatches.controlNumber))
    .limit(1);
  const controlNumber = (last?.n ?? 0) + 1;

  const institutional = payer.claimType === '837I';
  const built: { claim: Claim; rows: typeof rows }[] = [...groups.values()].map((group, i) => {
    const first = group[0]!;
    const { patient } = first;
    const coverage = first.coverage!;
    const address: Address = {
      line1: patient.addressLine1!,
      ...(patient.addressLine2 ? { line2: patient.addressLine2 } : {}),
      city: patient.city!,
      state: patient.state!,
      postalCode: patient.postalCode!,
    };
    const person = {
      lastName: patient.familyName,
      firstName: patient.givenName,
      dateOfBirth: Temporal.PlainDate.from(patient.dateOfBirth),
      sex: SEX[patient.sexAtBirth ?? ''] ?? ('U' as const),
      address,
    };
    const self = coverage.subscriberRelationship === 'self';
    const dates = group.map((r) => Temporal.PlainDate.from(r.charge.serviceDate));
    const sorted = [...group].sort((a, b) => a.charge.serviceDate.localeCompare(b.charge.serviceDate));
    const authorization = group.find((r) => r.authorization?.authorizationNumber)?.authorization;
    const claim: Claim = {
      patientControlNumber: `${patient.mrn}-${controlNumber}-${i + 1}`,
      subscriber: self
        ? {
            ...person,
            memberId: coverage.memberId,
            ...(coverage.groupNumber ? { groupNumber: coverage.groupNumber } : {}),
          }
        : {
            lastName: coverage.subscriberFamilyName ?? patient.familyName,
            firstName: coverage.subscriberGivenName ?? '',
            dateOfBirth: Temporal.PlainDate.from(coverage.subscriberDateOfBirth ?? patient.dateOfBirth),
            sex: 'U',
            address,
            memberId: coverage.memberId,
            ...(coverage.groupNumber ? { groupNumber: coverage.groupNumber } : {}),
          },
      ...(self
        ? {}
        : {
            patient: { ...person, relationship: RELATIONSHIP_CODE[coverage.subscriberRelationship] ?? 'G8' },
          }),
      payerResponsibility: coverage.rank === 'secondary' ? 'S' : coverage.rank === 'tertiary' ? 'T' : 'P',
      frequency: '1',
      diagnosisCodes: diagnoses.filter((d) => d.episodeId === first.charge.episodeId).map((d) => d.code),
      ...(authorization?.authorizationNumber
        ? { priorAuthorization: authorization.authorizationNumber }
        : {}),
      ...(institutional
        ? {
            // A community mental health center's outpatient bill; Medicare IOP claims carry condition code 92.
            facilityTypeCode: '76',
            ...(payer.medicare ? { conditionCodes: ['92'] } : {}),
            statementFrom: dates.reduce((a, b) => (Temporal.PlainDate.compare(a, b) <= 0 ? a : b)),
            statementThrough: dates.reduce((a, b) => (Temporal.PlainDate.compare(a, b) >= 0 ? a : b)),
            patientStatus: '30',
          }
        : // Place of service 57: a non-residential substance use treatment facility.
          { placeOfService: '57' }),
      lines: sorted.map((r) => ({
        serviceDate: Temporal.PlainDate.from(r.charge.serviceDate),
        code: r.charge.code,
        ...(institutional && r.charge.revenueCode ? { revenueCode: r.charge.revenueCode } : {}),
        chargeCents: r.charge.amountCents,
        units: r.charge.units,
        ...(institutional ? {} : { diagnosisPointers: [1] }),
      })),
    };
    return { claim, rows: sorted };
  });

  const batch: ClaimBatch = {
    claimType: institutional ? '837I' : '837P',
    interchangeControlNumber: controlNumber,
    createdAt: nowThere.toPlainDateTime(),
    usage: 'P',
    submitter: {
      name: provider.name,
      id: provider.taxId,
      contactName: provider.contactName ?? provider.name,
      contactPhone: provider.contactPhone,
    },
    receiver: { name: payer.name, id: payer.payerCode },
    billingProvider: {
      name: provider.name,
      npi: provider.npi,
      taxId: provider.taxId,
      taxonomy: provider.taxonomy,
      address: {
        line1: provider.addressLine,
        city: provider.city,
        state: provider.state,
        postalCode: provider.postalCode,
      },
    },
    payer: { name: payer.name, id: payer.payerCode, claimFilingIndicator: payer.claimFilingIndicator },
    claims: built.map((b) => b.claim),
  };
  const file = build837(batch);
  const totalCents = built.reduce((sum, b) => sum + b.claim.lines.reduce((s, l) => s + l.chargeCents, 0), 0);
  const [saved] = await tx
    .insert(claimBatches)
    .values({
      organizationId: input.organizationId,
      siteId: input.siteId,
      payerId: payer.id,
      claimType: batch.claimType,
      controlNumber,
      claimCount: built.length,
      totalCents,
      file,
      createdBy: input.userId,
      createdAt: input.now,
    })
    .returning();
  const claimRows = await tx
    .insert(claims)
    .values(
      built.map((b) => ({
        organizationId: input.organizationId,
        siteId: input.siteId,
        patientId: b.rows[0]!.charge.patientId,
        batchId: saved!.id,
        episodeId: b.rows[0]!.charge.episodeId,
        coverageId: b.rows[0]!.coverage!.id,
        payerId: payer.id,
        patientControlNumber: b.claim.patientControlNumber,
        frequency: b.claim.frequency,
        status: 'built',
        totalCents: b.claim.lines.reduce((s, l) => s + l.chargeCents, 0),
        chargeIds: b.rows.map((r) => r.charge.id),
        createdAt: input.now,
        updatedAt: input.now,
      })),
    )
    .returning();
  for (const [i, row] of claimRows.entries()) {
    const billed = await markChargesBilled(tx, row.chargeIds, row.id, input.now);
    if (billed !== built[i]!.rows.length) {
      throw AppError.conflict(
        'A charge changed while the claims were built; build the batch again.',
        'charges_changed',
      );
    }
  }
  await input.auditEach(
    claimRows.map((c) => ({
      action: 'claim.create',
      entity: 'claim',
      entityId: c.id,
      patientId: c.patientId,
      siteId: c.siteId,
      detail: { batchId: saved!.id, controlNumber, charges: c.chargeIds.length },
    })),
  );
  return { batch: saved!, claims: claimRows, skipped };
}

/** A batch of the site, with its file. */
export async function findClaimBatch(tx: Tx, siteId: string, batchId: string) {
  const [row] = await tx
    .select()
    .from(claimBatches)
    .where(and(eq(claimBatches.siteId, siteId), eq(claimBatches.id, batchId)));
  return row;
}
