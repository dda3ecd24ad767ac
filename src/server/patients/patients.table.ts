import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from '../platform/db/columns';
import { siteRecordColumns } from '../platform/db/scope-columns';

export type EmergencyContact = { name: string; relationship: string; phone: string };
export type GuardianContactRecord = {
  name: string;
  relationship: string;
  phone: string | null;
  email: string | null;
};

/**
 * The text the census name search matches: the names and the MRN in one lower-cased string. The query must use
 * this same expression for the trigram index to apply.
 */
export const PATIENT_SEARCH_TEXT = sql.raw(
  "lower(given_name || ' ' || family_name || ' ' || coalesce(preferred_name, '') || ' ' || mrn)",
);

export const patients = pgTable(
  'patients',
  {
    ...siteRecordColumns(),
    mrn: text('mrn').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    pronouns: text('pronouns'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    sexAtBirth: text('sex_at_birth'),
    genderIdentity: text('gender_identity'),
    language: text('language'),
    phone: text('phone'),
    email: text('email'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    livingSituation: text('living_situation'),
    emergencyContact: jsonb('emergency_contact').$type<EmergencyContact>(),
    guardianContact: jsonb('guardian_contact').$type<GuardianContactRecord>(),
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('patients_org_mrn_unique').on(t.organizationId, t.mrn),
    index('patients_site_name_idx').on(t.siteId, t.familyName, t.givenName),
    index('patients_site_dob_idx').on(t.siteId, t.dateOfBirth),
    index('patients_org_dob_idx').on(t.organizationId, t.dateOfBirth),
    // Census name search: words anywhere in a name or the MRN (ILIKE '%word%') through trigrams.
    // fastupdate off: new patients go straight into the index (no pending list), so the planner's estimate
    // stays right between vacuums and a search never falls back to a sequential scan after a bulk import.
    index('patients_search_trgm_idx')
      .using('gin', sql`(${PATIENT_SEARCH_TEXT}) gin_trgm_ops`)
      .with({ fastupdate: 'off' }),
  ],
);
