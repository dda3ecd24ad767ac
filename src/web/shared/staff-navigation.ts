import type { Me } from './session';

// Which screens this user sees: each names the permission of the server's table its route needs, and the
// menu shows it when `me.permissions` has it (shared/permissions). The server enforces access.
export const staffNavigation = [
  { to: '/patients', label: 'Patients', permission: 'patient.census' },
  { to: '/programs', label: 'Programs', permission: 'operations.read' },
  { to: '/schedule', label: 'Schedule', permission: 'operations.read' },
  { to: '/tasks', label: 'My urgent tasks', permission: 'task.mine' },
  { to: '/notes', label: 'My notes', permission: 'note.queue' },
  { to: '/measures', label: 'Measures', permission: 'measurement.schedule.read' },
  { to: '/billing', label: 'Billing', permission: 'charge.read' },
  { to: '/admin/users', label: 'Staff', permission: 'staff.read' },
  { to: '/audit', label: 'Audit log', permission: 'audit.read' },
  { to: '/break-glass', label: 'Break-glass review', permission: 'break_glass.review' },
] as const;

/** A referral registers the patient and records the referral: it needs both. */
export const REFERRAL_PERMISSIONS = ['patient.create', 'referral.write'];

export function homePathFor(me: Me): string {
  if (me.kind === 'patient') return '/portal';
  return staffNavigation.find((item) => me.permissions.includes(item.permission))?.to ?? '/patients';
}

const roleLabels: Record<string, string> = {
  admin: 'Administrator',
  director: 'Program director',
  program_director: 'Program director',
  clinician: 'Clinician',
  nurse: 'Nurse',
  prescriber: 'Prescriber',
  intake: 'Intake coordinator',
  intake_coordinator: 'Intake coordinator',
  billing: 'Billing',
  frontdesk: 'Front desk',
  front_desk: 'Front desk',
  patient: 'Patient',
};

export function roleLabel(role: string): string {
  const known = roleLabels[role];
  if (known) return known;
  const words = role.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
