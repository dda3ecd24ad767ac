import type { Me } from './session';

// Which screens each role sees. The server enforces access; this only keeps the menu honest.
export const canSeeCensus = (role: string): boolean => role !== 'admin';
export const canSeeAuditLog = (role: string): boolean => role === 'admin';
/** Mirrors `break_glass.review`: administrators (every site) and program directors (their sites). */
export const canReviewBreakGlass = (role: string): boolean => role === 'admin' || role === 'program_director';
/** Mirrors the server's `patient.create` and `referral.write` permissions: a referral needs both. */
/** Mirrors the server's `operations.read`: everyone who reads charts sees programs, the calendar and rosters. */
export const canSeeOperations = (role: string): boolean => role !== 'admin';
/** Mirrors `program.setup`: tracks, schedules and the at-risk list are the program director's. */
export const canSetUpPrograms = (role: string): boolean => role === 'program_director';
/** Mirrors `measurement.schedule.read`: everyone who reads charts sees the measures page (due list for clinical). */
export const canSeeMeasures = (role: string): boolean => role !== 'admin';
/** Mirrors `task.mine`: clinical staff get urgent tasks from risk answers. */
export const hasUrgentTasks = (role: string): boolean =>
  ['program_director', 'clinician', 'nurse', 'prescriber'].includes(role);
/** Mirrors `note.queue`: clinical staff have a note queue (drafts, overdue, awaiting my co-signature). */
export const hasNoteQueue = (role: string): boolean =>
  ['program_director', 'clinician', 'nurse', 'prescriber'].includes(role);
export const canCreateReferral = (role: string): boolean =>
  ['program_director', 'clinician', 'intake_coordinator'].includes(role);

export const staffNavigation = [
  { to: '/patients', label: 'Patients', allowed: canSeeCensus },
  { to: '/programs', label: 'Programs', allowed: canSeeOperations },
  { to: '/schedule', label: 'Schedule', allowed: canSeeOperations },
  { to: '/tasks', label: 'My urgent tasks', allowed: hasUrgentTasks },
  { to: '/notes', label: 'My notes', allowed: hasNoteQueue },
  { to: '/measures', label: 'Measures', allowed: canSeeMeasures },
  { to: '/audit', label: 'Audit log', allowed: canSeeAuditLog },
  { to: '/break-glass', label: 'Break-glass review', allowed: canReviewBreakGlass },
] as const;

export function homePathFor(me: Me): string {
  if (me.kind === 'patient') return '/portal';
  return staffNavigation.find((item) => item.allowed(me.user.role))?.to ?? '/patients';
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
