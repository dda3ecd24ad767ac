import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { type Me, useMe } from './session';
import { homePathFor } from './staff-navigation';

/*
 * What the signed-in user may do, from `me.permissions`: the server's one permission table
 * (src/server/platform/access/permissions.ts) for this user's role, never a copy of it. The server still
 * decides every request (and each site and patient); this only keeps menus and buttons honest.
 */

/** A permission name of the server's table, such as `patient.census` or `schedule.write`. */
export type PermissionName = string;

/** Whether `me` has every one of `permissions`. */
export function may(me: Pick<Me, 'permissions'> | undefined, ...permissions: PermissionName[]): boolean {
  return me !== undefined && permissions.every((permission) => me.permissions.includes(permission));
}

/** Whether the signed-in user has every one of `permissions` (false while `me` loads). */
export function useCan(...permissions: PermissionName[]): boolean {
  return may(useMe().data, ...permissions);
}

/** A staff screen only some roles have: anyone else is sent to their own home screen. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: PermissionName | PermissionName[];
  children: ReactNode;
}) {
  const me = useMe();
  if (!me.data) return null;
  const needed = Array.isArray(permission) ? permission : [permission];
  if (!may(me.data, ...needed)) return <Navigate to={homePathFor(me.data)} replace />;
  return children;
}
