import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { siteMemberships, users } from '../db/platform.table';
import { AppError, type FieldError } from '../errors';
import { PERMISSIONS } from './permissions';

/** Staff who treat patients: the roles that hold note.write in the permission table. */
const CLINICAL_ROLES: readonly string[] = PERMISSIONS['note.write'].roles;

export type StaffKind = 'site_staff' | 'licensed_clinician';

export type StaffReference = { path: string; userId: string };

/**
 * Checks that every user a record names (a facilitator, a responsible staff member) is an active staff member
 * of that site, and for 'licensed_clinician' also a licensed clinical role. A reference that fails answers 422
 * naming its field: a record must never point at another site's staff, a portal account, or a random id.
 */
export async function assertStaffOfSite(
  tx: Tx,
  scope: { organizationId: string; siteId: string },
  refs: StaffReference[],
  kind: StaffKind,
): Promise<void> {
  if (refs.length === 0) return;
  const ids = [...new Set(refs.map((r) => r.userId.toLowerCase()))];
  const rows = await tx
    .select({ id: users.id, role: users.role, licensed: users.licensed })
    .from(users)
    .innerJoin(
      siteMemberships,
      and(eq(siteMemberships.userId, users.id), eq(siteMemberships.siteId, scope.siteId)),
    )
    .where(
      and(
        inArray(users.id, ids),
        eq(users.organizationId, scope.organizationId),
        eq(users.active, true),
        sql`${users.role} <> 'patient'`,
      ),
    );
  const found = new Map(rows.map((r) => [r.id, r]));
  const fields: FieldError[] = [];
  for (const ref of refs) {
    const staff = found.get(ref.userId.toLowerCase());
    if (!staff) {
      fields.push({ path: ref.path, message: 'Must be an active staff member of this site.' });
    } else if (kind === 'licensed_clinician' && !(staff.licensed && CLINICAL_ROLES.includes(staff.role))) {
      fields.push({ path: ref.path, message: 'Must be a licensed clinician of this site.' });
    }
  }
  if (fields.length > 0) throw AppError.validation(fields);
}
