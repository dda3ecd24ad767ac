import { reference, uuidKey } from './columns';
import { organizations, sites } from './platform.table';

/** The organization and site a row belongs to: the guard and the audit log work from these. Fresh builders per table. */
export const organizationAndSiteColumns = () => ({
  organizationId: reference('organization_id', () => organizations.id).notNull(),
  siteId: reference('site_id', () => sites.id).notNull(),
});

/** The columns a site's own record starts with: a UUID key, then its organization and site. */
export const siteRecordColumns = () => ({ id: uuidKey(), ...organizationAndSiteColumns() });
