import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { charges } from '../billing';
import { coverages, payers } from '../coverages';
import { episodes } from '../episodes';
import { patientRecordColumns } from '../patients';
import { createdAt, reference, versionedColumns } from '../platform/db/columns';
import { users } from '../platform/db/platform.table';
import { siteRecordColumns } from '../platform/db/scope-columns';

/** One 837 file as built: its control number (ISA13, never reused in the organization) and its text. */
export const claimBatches = pgTable(
  'claim_batches',
  {
    ...siteRecordColumns(),
    payerId: reference('payer_id', () => payers.id).notNull(),
    claimType: text('claim_type').notNull(),
    controlNumber: integer('control_number').notNull(),
    claimCount: integer('claim_count').notNull(),
    totalCents: integer('total_cents').notNull(),
    file: text('file').notNull(),
    createdBy: reference('created_by', () => users.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('claim_batches_control_uq').on(t.organizationId, t.controlNumber)],
);

/** One claim of a batch: a patient's released charges for one payer, by patient control number (CLM01). */
export const claims = pgTable(
  'claims',
  {
    ...patientRecordColumns(),
    batchId: reference('batch_id', () => claimBatches.id).notNull(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    coverageId: reference('coverage_id', () => coverages.id).notNull(),
    payerId: reference('payer_id', () => payers.id).notNull(),
    patientControlNumber: text('patient_control_number').notNull(),
    /** The payer's claim number (CLP07) once a remittance names it: what a corrected claim refers to. */
    payerClaimNumber: text('payer_claim_number'),
    frequency: text('frequency').notNull(),
    status: text('status').notNull(),
    totalCents: integer('total_cents').notNull(),
    chargeIds: jsonb('charge_ids').$type<string[]>().notNull(),
    ...versionedColumns(),
  },
  (t) => [
    uniqueIndex('claims_control_uq').on(t.organizationId, t.patientControlNumber),
    index('claims_patient_idx').on(t.patientId),
    index('claims_site_status_idx').on(t.siteId, t.status),
  ],
);

/** One imported 835: its trace number (TRN02) is posted once. */
export const remittances = pgTable(
  'remittances',
  {
    ...siteRecordColumns(),
    payerName: text('payer_name').notNull(),
    traceNumber: text('trace_number').notNull(),
    paymentCents: integer('payment_cents').notNull(),
    paymentDate: text('payment_date'),
    claimCount: integer('claim_count').notNull(),
    importedBy: reference('imported_by', () => users.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('remittances_trace_uq').on(t.organizationId, t.traceNumber)],
);

/**
 * What a remittance posted to one billed charge: paid, written off (CO/PI/OA), moved to the patient (PR),
 * each adjustment with its reason, and — when nothing was paid for a reason other than the contract or the
 * patient's share — a denial for the work queue until it is rebilled, appealed or written off.
 */
export const chargePostings = pgTable(
  'charge_postings',
  {
    ...patientRecordColumns(),
    remittanceId: reference('remittance_id', () => remittances.id).notNull(),
    claimId: reference('claim_id', () => claims.id).notNull(),
    chargeId: reference('charge_id', () => charges.id).notNull(),
    paidCents: integer('paid_cents').notNull(),
    writeOffCents: integer('write_off_cents').notNull(),
    patientResponsibilityCents: integer('patient_responsibility_cents').notNull(),
    adjustments: jsonb('adjustments')
      .$type<{ group: string; reason: string; amountCents: number; text: string }[]>()
      .notNull(),
    denialReason: text('denial_reason'),
    denialText: text('denial_text'),
    /** A denial's work: open, rebilled, appealed, written_off (null when the line was not denied). */
    denialStatus: text('denial_status'),
    denialNote: text('denial_note'),
    ...versionedColumns(),
  },
  (t) => [
    index('charge_postings_charge_idx').on(t.chargeId),
    index('charge_postings_denials_idx').on(t.siteId, t.denialStatus),
    index('charge_postings_patient_idx').on(t.patientId),
  ],
);
