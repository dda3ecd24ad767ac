import { boolean, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { patientRecordColumns } from '../patients';
import { reference, uuidKey, versionedColumns } from '../platform/db/columns';
import { organizations, users } from '../platform/db/platform.table';

/**
 * The organization's payer directory: who is billed, on which claim, and the payer's rules the scrubber and
 * the review calendar use. Not patient data.
 */
export const payers = pgTable(
  'payers',
  {
    id: uuidKey(),
    organizationId: reference('organization_id', () => organizations.id).notNull(),
    name: text('name').notNull(),
    /** The payer id on the 837 (NM1*PR … PI) from the clearinghouse's list. */
    payerCode: text('payer_code').notNull(),
    claimType: text('claim_type').notNull(),
    /** How the payer wants an IOP day billed: per_diem, itemized or medicare_iop (domain/billing). */
    billingMethod: text('billing_method').notNull().default('per_diem'),
    /** X12 claim filing indicator (SBR09): CI commercial, MA/MB Medicare, MC Medicaid, BL Blue Cross … */
    claimFilingIndicator: text('claim_filing_indicator').notNull(),
    medicare: boolean('medicare').notNull().default(false),
    authorizationRequired: boolean('authorization_required').notNull().default(true),
    reviewEveryDays: integer('review_every_days'),
    timelyFilingDays: integer('timely_filing_days').notNull(),
    active: boolean('active').notNull().default(true),
    ...versionedColumns(),
  },
  (t) => [uniqueIndex('payers_org_code_uq').on(t.organizationId, t.payerCode)],
);

/** A patient's insurance: which payer, in which order, for which dates, and who the subscriber is. */
export const coverages = pgTable(
  'coverages',
  {
    ...patientRecordColumns(),
    payerId: reference('payer_id', () => payers.id).notNull(),
    rank: text('rank').notNull(),
    memberId: text('member_id').notNull(),
    groupNumber: text('group_number'),
    /** self, spouse, child, other (X12 individual relationship codes 18, 01, 19, G8 on the claim). */
    subscriberRelationship: text('subscriber_relationship').notNull(),
    subscriberGivenName: text('subscriber_given_name'),
    subscriberFamilyName: text('subscriber_family_name'),
    subscriberDateOfBirth: date('subscriber_date_of_birth', { mode: 'string' }),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveThrough: date('effective_through', { mode: 'string' }),
    createdBy: reference('created_by', () => users.id).notNull(),
    ...versionedColumns(),
  },
  (t) => [index('coverages_patient_idx').on(t.patientId, t.effectiveFrom)],
);
