import { STAFF_ROLES, type StaffRole } from '../../../domain/staff/staff-roles';

export { STAFF_ROLES, type StaffRole };
export type Role = StaffRole | 'patient';
export const ROLES: readonly Role[] = [...STAFF_ROLES, 'patient'];

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
