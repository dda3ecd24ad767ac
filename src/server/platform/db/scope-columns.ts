import { uuid } from 'drizzle-orm/pg-core';
import { organizations, sites } from './platform.table';

/** The organization and site a row belongs to: the guard and the audit log work from these. Fresh builders per table. */
export const organizationAndSiteColumns = () => ({
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  siteId: uuid('site_id')
    .notNull()
    .references(() => sites.id),
});
