export const STAFF_ROLES = [
  'admin',
  'program_director',
  'clinician',
  'nurse',
  'prescriber',
  'intake_coordinator',
  'billing',
  'front_desk',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'patient';
export const ROLES: readonly Role[] = [...STAFF_ROLES, 'patient'];

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
