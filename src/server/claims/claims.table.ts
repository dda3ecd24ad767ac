import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { coverages, payers } from '../coverages';
import { episodes } from '../episodes';
import { patientRecordColumns } from '../patients';
import { createdAt, reference, uuidKey, versionedColumns } from '../platform/db/columns';
import { organizations, sites, users } from '../platform/db/platform.table';

/** One 837 file as built: its control number (ISA13, never reused in the organization) and its text. */
export const claimBatches = pgTable(
  'claim_batches',
  {
    id: uuidKey(),
    organizationId: reference('organization_id', () => organizations.id).notNull(),
    siteId: reference('site_id', () => sites.id).notNull(),
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
