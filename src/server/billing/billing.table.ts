import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coverages, payers } from '../coverages';
import { episodes } from '../episodes';
import { patientRecordColumns } from '../patients';
import { createdAt, reference, uuidKey, versionedColumns } from '../platform/db/columns';
import { organizations, programs, users } from '../platform/db/platform.table';
import { siteRecordColumns } from '../platform/db/scope-columns';

/**
 * A payer's prior authorization for one episode at one level of care: the units (days for a per diem,
 * sessions or units for itemized codes) granted between two dates, both inclusive. Units used are never
 * stored: they are counted from the charges that draw on it.
 */
export const authorizations = pgTable(
  'authorizations',
  {
    ...patientRecordColumns(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    coverageId: reference('coverage_id', () => coverages.id).notNull(),
    levelOfCare: text('level_of_care').notNull(),
    authorizationNumber: text('authorization_number'),
    serviceCodes: jsonb('service_codes').$type<string[]>().notNull(),
    unitsRequested: integer('units_requested'),
    unitsApproved: integer('units_approved').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    /** Who at the payer was spoken to, or the portal used, and the call's reference number. */
    payerContact: text('payer_contact'),
    createdBy: reference('created_by', () => users.id).notNull(),
    ...versionedColumns(),
  },
  (t) => [index('authorizations_episode_idx').on(t.episodeId, t.startsOn)],
);

/**
 * What the organization charges for a service code (its chargemaster), or what it bills one payer when a
 * payer is named; the row with the latest `effective_from` on or before the date of service applies.
 */
export const feeSchedule = pgTable(
  'fee_schedule',
  {
    id: uuidKey(),
    organizationId: reference('organization_id', () => organizations.id).notNull(),
    payerId: reference('payer_id', () => payers.id),
    code: text('code').notNull(),
    amountCents: integer('amount_cents').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    ...versionedColumns(),
  },
  (t) => [index('fee_schedule_code_idx').on(t.organizationId, t.code, t.effectiveFrom)],
);

/**
 * One billable line made from the record: a per-diem day, or one documented service. Billing reviews the
 * queue (hold, release); a released, clean charge goes on a claim. One live charge per patient, date and code.
 */
export const charges = pgTable(
  'charges',
  {
    ...patientRecordColumns(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    programId: reference('program_id', () => programs.id).notNull(),
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    code: text('code').notNull(),
    revenueCode: text('revenue_code'),
    units: integer('units').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** The attendance rows and notes the line rests on. */
    serviceIds: jsonb('service_ids').$type<string[]>().notNull(),
    coverageId: reference('coverage_id', () => coverages.id),
    authorizationId: reference('authorization_id', () => authorizations.id),
    status: text('status').notNull(),
    holdReason: text('hold_reason'),
    /** The claim the charge was billed on (claims feature), once billed. */
    claimId: uuid('claim_id'),
    ...versionedColumns(),
  },
  (t) => [
    uniqueIndex('charges_live_unique').on(t.patientId, t.serviceDate, t.code).where(sql`status <> 'void'`),
    index('charges_program_date_idx').on(t.programId, t.serviceDate),
    index('charges_authorization_idx').on(t.authorizationId),
    index('charges_status_idx').on(t.organizationId, t.status, t.serviceDate),
  ],
);

/** Who bills for a site's services (the 837's billing provider, loop 2010AA): one row per site. */
export const billingProviders = pgTable(
  'billing_providers',
  {
    ...siteRecordColumns(),
    name: text('name').notNull(),
    npi: text('npi').notNull(),
    taxId: text('tax_id').notNull(),
    taxonomy: text('taxonomy').notNull(),
    addressLine: text('address_line').notNull(),
    city: text('city').notNull(),
    state: text('state').notNull(),
    postalCode: text('postal_code').notNull(),
    /** The billing office's contact on the 837 (PER): who the payer calls about a claim. */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    ...versionedColumns(),
  },
  (t) => [uniqueIndex('billing_providers_site_uq').on(t.siteId)],
);

/**
 * A physician's certification (or recertification) that a Medicare patient needs intensive outpatient care of
 * at least 9 hours a week, for one episode, signed on a date by the prescriber who signs it.
 */
export const medicareCertifications = pgTable(
  'medicare_certifications',
  {
    ...patientRecordColumns(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    signedBy: reference('signed_by', () => users.id).notNull(),
    signedName: text('signed_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('medicare_certifications_episode_idx').on(t.episodeId, t.signedOn)],
);
