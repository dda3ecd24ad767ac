/**
 * The staff roles of a clinic, one list for the server's permission table and the screens that offer a role
 * (a portal account's role is 'patient', never one of these).
 */
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
