import { date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { episodes } from '../episodes';
import { patients } from '../patients';
import { createdAt, instant, reference, updatedAt, uuidKey } from '../platform/db/columns';
import { users } from '../platform/db/platform.table';
import { organizationAndSiteColumns } from '../platform/db/scope-columns';

/** The plan document (problems → goals → objectives → interventions), validated by PlanDocument. */
export type PlanDocumentRecord = { problems: unknown[] };

const planColumns = () => ({
  ...organizationAndSiteColumns(),
  patientId: reference('patient_id', () => patients.id).notNull(),
  revision: integer('revision').notNull(),
  document: jsonb('document').$type<PlanDocumentRecord>().notNull(),
  reviewDate: date('review_date', { mode: 'string' }).notNull(),
  clinicianSignedName: text('clinician_signed_name'),
  clinicianSignedAt: instant('clinician_signed_at'),
  clinicianSignedBy: reference('clinician_signed_by', () => users.id),
  patientSignedName: text('patient_signed_name'),
  patientSignedAt: instant('patient_signed_at'),
  patientSignedVia: text('patient_signed_via'),
});

/** The current plan of an episode. `version` guards concurrent edits; `revision` counts signed-plan changes. */
export const treatmentPlans = pgTable(
  'treatment_plans',
  {
    id: uuidKey(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    ...planColumns(),
    version: integer('version').notNull().default(1),
    createdBy: reference('created_by', () => users.id).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
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
    id: uuidKey(),
    planId: reference('plan_id', () => treatmentPlans.id).notNull(),
    ...planColumns(),
    supersededAt: instant('superseded_at').notNull(),
    supersededBy: reference('superseded_by', () => users.id).notNull(),
  },
  (t) => [index('treatment_plan_revisions_plan_idx').on(t.planId, t.revision)],
);
