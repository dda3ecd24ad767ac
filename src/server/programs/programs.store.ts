import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { programs, siteMemberships, users } from '../platform/db/platform.table';

export async function listSitePrograms(tx: Tx, siteId: string) {
  return tx
    .select({
      id: programs.id,
      name: programs.name,
      kind: programs.kind,
      ciwaArAbove: programs.ciwaArAbove,
      cowsAtLeast: programs.cowsAtLeast,
      planReviewDays: programs.planReviewDays,
    })
    .from(programs)
    .where(eq(programs.siteId, siteId))
    .orderBy(asc(programs.name));
}

/** Active staff of a site (not portal accounts), for clinician and care-team pickers. */
export async function listSiteStaff(tx: Tx, siteId: string, roles?: string[]) {
  return tx
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      credentials: users.credentials,
      licensed: users.licensed,
    })
    .from(users)
    .innerJoin(siteMemberships, and(eq(siteMemberships.userId, users.id), eq(siteMemberships.siteId, siteId)))
    .where(
      and(
        eq(users.active, true),
        ne(users.role, 'patient'),
        roles?.length ? inArray(users.role, roles) : undefined,
      ),
    )
    .orderBy(asc(users.displayName))
    .limit(500);
}
