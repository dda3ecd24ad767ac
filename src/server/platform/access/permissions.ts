import type { Role } from './roles';

/**
 * The one permission table: which roles may do what. Routes name a permission; nothing else grants access.
 * Patient-scoped permissions are further limited to the staff member's sites (or a break-glass grant),
 * and for the 'patient' role to the patient's own record.
 *
 * Minimum necessary (HIPAA 164.502(b)): the system administrator manages accounts and audits and has no
 * access to charts at all; emergency (break-glass) access is for clinical roles.
 */
export const PERMISSIONS = {
  'session.self': {
    roles: [
      'admin',
      'program_director',
      'clinician',
      'nurse',
      'prescriber',
      'intake_coordinator',
      'billing',
      'front_desk',
      'patient',
    ],
    scope: 'none',
  },
  'site.list': {
    roles: [
      'admin',
      'program_director',
      'clinician',
      'nurse',
      'prescriber',
      'intake_coordinator',
      'billing',
      'front_desk',
    ],
    scope: 'none',
  },
  'patient.census': {
    roles: [
      'program_director',
      'clinician',
      'nurse',
      'prescriber',
      'intake_coordinator',
      'billing',
      'front_desk',
    ],
    scope: 'site',
  },
  'patient.read': {
    roles: [
      'program_director',
      'clinician',
      'nurse',
      'prescriber',
      'intake_coordinator',
      'billing',
      'front_desk',
    ],
    scope: 'patient',
  },
  'patient.create': {
    roles: ['program_director', 'clinician', 'intake_coordinator', 'front_desk'],
    scope: 'site',
  },
  'patient.update': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber', 'intake_coordinator', 'front_desk'],
    scope: 'patient',
  },
  'patient.break_glass': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber'],
    scope: 'patient-any-site',
  },
  'portal.invite': {
    roles: ['program_director', 'clinician', 'intake_coordinator', 'front_desk'],
    scope: 'patient',
  },
  // Clinical episode (issue 4). Intake coordinators take referrals and screen; clinical staff assess, admit,
  // plan and discharge; billing and front desk read what their work needs; the administrator sees no chart.
  'referral.read': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber', 'intake_coordinator'],
    scope: 'patient',
  },
  'referral.write': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber', 'intake_coordinator'],
    scope: 'patient',
  },
  'assessment.read': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber', 'intake_coordinator', 'billing'],
    scope: 'patient',
  },
  'assessment.write': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber'],
    scope: 'patient',
  },
  'episode.read': {
    roles: [
      'program_director',
      'clinician',
      'nurse',
      'prescriber',
      'intake_coordinator',
      'billing',
      'front_desk',
    ],
    scope: 'patient',
  },
  'episode.census': {
    roles: [
      'program_director',
      'clinician',
      'nurse',
      'prescriber',
      'intake_coordinator',
      'billing',
      'front_desk',
    ],
    scope: 'site',
  },
  /** The site's programs and staff: no patient data, for pickers and intake thresholds. */
  'site.programs': {
    roles: [
      'program_director',
      'clinician',
      'nurse',
      'prescriber',
      'intake_coordinator',
      'billing',
      'front_desk',
    ],
    scope: 'site',
  },
  'episode.write': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber'],
    scope: 'patient',
  },
  'plan.read': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber', 'billing'],
    scope: 'patient',
  },
  'plan.write': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber'],
    scope: 'patient',
  },
  'plan.sign': {
    roles: ['program_director', 'clinician', 'prescriber'],
    scope: 'patient',
  },
  /** The signed-in clinician's own overdue plan reviews; the handler limits rows to the caller's sites. */
  'plan.overdue': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber'],
    scope: 'none',
  },
  'discharge.read': {
    roles: [
      'program_director',
      'clinician',
      'nurse',
      'prescriber',
      'intake_coordinator',
      'billing',
      'front_desk',
    ],
    scope: 'patient',
  },
  'discharge.write': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber'],
    scope: 'patient',
  },
  'portal.self': { roles: ['patient'], scope: 'none' },
  'audit.read': { roles: ['admin'], scope: 'none' },
  'audit.verify': { roles: ['admin'], scope: 'none' },
} as const satisfies Record<string, { roles: readonly Role[]; scope: Scope }>;

/**
 * none: no patient or site involved (or the handler limits itself to the caller's own data);
 * site: the route names a site the caller must belong to;
 * patient: the route names a patient of one of the caller's sites (or granted by break-glass, or oneself);
 * patient-any-site: the patient must exist in the caller's organization (break-glass itself).
 */
export type Scope = 'none' | 'site' | 'patient' | 'patient-any-site';
export type Permission = keyof typeof PERMISSIONS;

export function roleMay(role: string, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly string[]).includes(role);
}
