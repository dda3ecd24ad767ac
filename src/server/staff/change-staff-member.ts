import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { ActingOnStaff } from './acting-on-staff';
import { replaceSiteMemberships, type StaffRow, updateStaffAtVersion } from './staff.store';
import { assertStaffFields, changedFields, type StaffFields } from './staff-fields';

/**
 * Changes role, sites, supervisor, credentials or licence at the version read (undefined when stale: 409).
 * An administrator keeps their own role, so the organization is never left without one by a slip.
 */
export async function changeStaffMember(
  tx: Tx,
  current: StaffRow,
  request: StaffFields,
  version: number,
  { actor, now, audit }: ActingOnStaff,
) {
  const ownRole =
    current.id === actor.userId && request.role !== current.role
      ? [{ path: 'role', message: 'You cannot change your own role; ask another administrator.' }]
      : [];
  await assertStaffFields(tx, actor.organizationId, current.id, request, ownRole);
  const { siteIds, ...fields } = request;
  const saved = await updateStaffAtVersion(tx, current.id, version, fields, now);
  if (!saved) return undefined;
  await replaceSiteMemberships(tx, current.id, siteIds);
  const before: StaffFields = {
    displayName: current.displayName,
    role: current.role as StaffFields['role'],
    credentials: current.credentials,
    licensed: current.licensed,
    siteIds: current.sites.map((s) => s.id),
    supervisorUserId: current.supervisorUserId,
  };
  await audit('staff.update', 'user', current.id, {
    changed: changedFields(before, request),
    role: request.role,
    siteIds,
    supervisorUserId: request.supervisorUserId,
  });
  return saved;
}

export function assertNotSelf(actor: { userId: string }, userId: string, what: string) {
  if (actor.userId === userId) {
    throw AppError.forbidden(
      `You cannot ${what} your own account; ask another administrator.`,
      'own_account',
    );
  }
}
