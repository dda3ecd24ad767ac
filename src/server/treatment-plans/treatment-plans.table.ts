import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { episodes } from '../episodes';
import { patients } from '../patients';
import { instant } from '../platform/db/columns';
import { organizations, sites, users } from '../platform/db/platform.table';

/** The plan document (problems → goals → objectives → interventions), validated by PlanDocument. */
export type PlanDocumentRecord = { problems: unknown[] };

const planColumns = () => ({
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  siteId: uuid('site_id')
    .notNull()
    .references(() => sites.id),
  patientId: uuid('patient_id')
    .notNull()
    .references(() => patients.id),
  revision: integer('revision').notNull(),
  document: jsonb('document').$type<PlanDocumentRecord>().notNull(),
  reviewDate: date('review_date', { mode: 'string' }).notNull(),
  clinicianSignedName: text('clinician_signed_name'),
  clinicianSignedAt: instant('clinician_signed_at'),
  clinicianSignedBy: uuid('clinician_signed_by').references(() => users.id),
  patientSignedName: text('patient_signed_name'),
  patientSignedAt: instant('patient_signed_at'),
  patientSignedVia: text('patient_signed_via'),
});

/** The current plan of an episode. `version` guards concurrent edits; `revision` counts signed-plan changes. */
export const treatmentPlans = pgTable(
  'treatment_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    ...planColumns(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('treatment_plans_episode_unique').on(t.episodeId),
    index('treatment_plans_review_idx').on(t.siteId, t.reviewDate),
  ],
);

/** Earlier revisions of a plan, kept when a signed plan is changed. */
export const treatmentPlanRevisions = pgTable(
  'treatment_plan_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => treatmentPlans.id),
    ...planColumns(),
    supersededAt: instant('superseded_at').notNull(),
    supersededBy: uuid('superseded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('treatment_plan_revisions_plan_idx').on(t.planId, t.revision)],
);
