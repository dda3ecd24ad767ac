import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { programs, siteMemberships, sites, users } from '../platform/db/platform.table';
import { programSettings } from './programs.table';

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

/** A program of the site with its settings (null until first saved) and its site's zone as the fallback. */
export async function findProgram(tx: Tx, siteId: string, programId: string) {
  const [row] = await tx
    .select({ program: programs, settings: programSettings, siteTimeZone: sites.timeZone })
    .from(programs)
    .innerJoin(sites, eq(sites.id, programs.siteId))
    .leftJoin(programSettings, eq(programSettings.programId, programs.id))
    .where(and(eq(programs.id, programId), eq(programs.siteId, siteId)));
  return row;
}

/** Saves the settings if they are still at `version` (0: never saved); undefined on a lost race. */
export async function saveSettings(tx: Tx, values: typeof programSettings.$inferInsert, version: number) {
  const [row] = await tx
    .insert(programSettings)
    .values({ ...values, version: 1 })
    .onConflictDoUpdate({
      target: programSettings.programId,
      set: { ...values, version: sql`${programSettings.version} + 1` },
      setWhere: eq(programSettings.version, version),
    })
    .returning();
  return row;
}
