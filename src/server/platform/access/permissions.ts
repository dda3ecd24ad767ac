import { type Role, STAFF_ROLES } from './roles';

/**
 * The one permission table: which roles may do what. Routes name a permission; nothing else grants access.
 * Patient-scoped permissions are further limited to the staff member's sites (or a break-glass grant),
 * and for the 'patient' role to the patient's own record.
 *
 * Minimum necessary (HIPAA 164.502(b)): the system administrator manages accounts and audits and has no
 * access to charts at all; emergency (break-glass) access is for clinical roles.
 */
/** Every staff role. */
const STAFF = STAFF_ROLES;
/** Staff who treat patients. */
const CLINICAL = ['program_director', 'clinician', 'nurse', 'prescriber'] as const satisfies readonly Role[];
/** Everyone whose work needs the chart's demographics: all staff but the system administrator. */
const CHART_READERS = [
  ...CLINICAL,
  'intake_coordinator',
  'billing',
  'front_desk',
] as const satisfies readonly Role[];

export const PERMISSIONS = {
  'session.self': { roles: [...STAFF, 'patient'], scope: 'none' },
  'site.list': { roles: STAFF, scope: 'none' },
  'patient.census': { roles: CHART_READERS, scope: 'site' },
  'patient.read': { roles: CHART_READERS, scope: 'patient' },
  'patient.create': {
    roles: ['program_director', 'clinician', 'intake_coordinator', 'front_desk'],
    scope: 'site',
  },
  'patient.update': { roles: [...CLINICAL, 'intake_coordinator', 'front_desk'], scope: 'patient' },
  'patient.break_glass': { roles: CLINICAL, scope: 'patient-any-site' },
  'portal.invite': {
    roles: ['program_director', 'clinician', 'intake_coordinator', 'front_desk'],
    scope: 'patient',
  },
  // Revenue cycle. The payer directory is the organization's, not patient data; a patient's coverage is
  // what intake and the front desk verify and billing bills from — clinicians do not need it.
  'payer.read': {
    roles: ['admin', 'program_director', 'billing', 'intake_coordinator', 'front_desk'],
    scope: 'none',
  },
  'payer.write': { roles: ['admin', 'billing'], scope: 'none' },
  'coverage.read': {
    roles: ['program_director', 'billing', 'intake_coordinator', 'front_desk'],
    scope: 'patient',
  },
  'coverage.write': { roles: ['billing', 'intake_coordinator', 'front_desk'], scope: 'patient' },
  // Units left on an authorization matter wherever a service is scheduled or billed, so the care team reads
  // them; billing, intake and the director (who runs utilization review) record what the payer granted.
  'authorization.read': {
    roles: ['program_director', 'clinician', 'billing', 'intake_coordinator', 'front_desk'],
    scope: 'patient',
  },
  'authorization.write': { roles: ['program_director', 'billing', 'intake_coordinator'], scope: 'patient' },
  // Charges carry codes, dates, units and amounts, never narrative: billing works the queue, the director
  // reads it; the billing provider (NPI, tax id) is set by billing or the administrator.
  'charge.read': { roles: ['program_director', 'billing'], scope: 'site' },
  'charge.write': { roles: ['billing'], scope: 'site' },
  'billing.setup.read': { roles: ['admin', 'program_director', 'billing'], scope: 'site' },
  'billing.setup.write': { roles: ['admin', 'billing'], scope: 'site' },
  // Medicare IOP certification: the physician (prescriber) signs; the care team and billing read it.
  'certification.read': {
    roles: ['program_director', 'clinician', 'nurse', 'prescriber', 'billing'],
    scope: 'patient',
  },
  'certification.write': { roles: ['prescriber'], scope: 'patient' },
  'claim.read': { roles: ['program_director', 'billing'], scope: 'site' },
  'claim.write': { roles: ['billing'], scope: 'site' },
  'fee.read': { roles: ['admin', 'program_director', 'billing'], scope: 'none' },
  'fee.write': { roles: ['admin', 'billing'], scope: 'none' },
  // Clinical episode. Intake coordinators take referrals and screen; clinical staff assess, admit,
  // plan and discharge; billing and front desk read what their work needs; the administrator sees no chart.
  'referral.read': { roles: [...CLINICAL, 'intake_coordinator'], scope: 'patient' },
  'referral.write': { roles: [...CLINICAL, 'intake_coordinator'], scope: 'patient' },
  'assessment.read': { roles: [...CLINICAL, 'intake_coordinator', 'billing'], scope: 'patient' },
  /** The ASAM dimension narratives and the placement note: clinical text, not what billing codes from. */
  'assessment.narrative.read': { roles: [...CLINICAL, 'intake_coordinator'], scope: 'patient' },
  'assessment.write': { roles: CLINICAL, scope: 'patient' },
  'episode.read': { roles: CHART_READERS, scope: 'patient' },
  /** An episode's diagnoses (ICD-10-CM codes): clinical staff, intake, and billing for the claim. */
  'diagnosis.read': { roles: [...CLINICAL, 'intake_coordinator', 'billing'], scope: 'patient' },
  'episode.census': { roles: CHART_READERS, scope: 'site' },
  /** The site's programs and staff: no patient data, for pickers and intake thresholds. */
  'site.programs': { roles: CHART_READERS, scope: 'site' },
  'episode.write': { roles: CLINICAL, scope: 'patient' },
  'plan.read': { roles: [...CLINICAL, 'billing'], scope: 'patient' },
  'plan.write': { roles: CLINICAL, scope: 'patient' },
  'plan.sign': { roles: ['program_director', 'clinician', 'prescriber'], scope: 'patient' },
  /** The signed-in clinician's own overdue plan reviews; the handler limits rows to the caller's sites. */
  'plan.overdue': { roles: CLINICAL, scope: 'none' },
  /** The discharge's date, TEDS reason and levels (billing closes the claim); the front desk has no need. */
  'discharge.read': { roles: [...CLINICAL, 'intake_coordinator', 'billing'], scope: 'patient' },
  /** The discharge summary, the referral and the aftercare plan: clinical narrative. */
  'discharge.narrative.read': { roles: [...CLINICAL, 'intake_coordinator'], scope: 'patient' },
  'discharge.write': { roles: CLINICAL, scope: 'patient' },
  // Program operations. Directors set programs and tracks up; directors and clinicians schedule;
  // clinical staff take attendance and enrol; everyone who reads charts sees the calendar, rosters and dose.
  'program.setup': { roles: ['program_director'], scope: 'site' },
  'schedule.write': { roles: ['program_director', 'clinician'], scope: 'site' },
  'operations.read': { roles: CHART_READERS, scope: 'site' },
  'attendance.write': { roles: CLINICAL, scope: 'site' },
  'enrolment.read': { roles: CHART_READERS, scope: 'patient' },
  'enrolment.write': { roles: CLINICAL, scope: 'patient' },
  'dose.read': { roles: CHART_READERS, scope: 'patient' },
  // Measurement-based care. Directors set which instruments each program gives when; clinical staff
  // see what is due, enter answers, see trends and acknowledge urgent tasks; the patient answers in the portal.
  'measurement.schedule.read': { roles: CHART_READERS, scope: 'site' },
  'measurement.schedule.write': { roles: ['program_director'], scope: 'site' },
  'measurement.due': { roles: CLINICAL, scope: 'site' },
  'measurement.read': { roles: CLINICAL, scope: 'patient' },
  'measurement.write': { roles: CLINICAL, scope: 'patient' },
  'measurement.outcomes': { roles: ['program_director'], scope: 'site' },
  'task.acknowledge': { roles: CLINICAL, scope: 'patient' },
  /** The signed-in clinician's own open urgent tasks; the handler limits rows to the caller and their sites. */
  'task.mine': { roles: CLINICAL, scope: 'none' },
  // Clinical documentation. Clinical staff read chart notes; each writes the note types of their
  // discipline (NOTE_TYPE_AUTHORS, checked by the handler); supervisors co-sign; billing sees only signed notes'
  // codes and minutes. Group notes show every member's part, so only group writers open them. Psychotherapy
  // notes are readable only by their author and the users the author grants (checked by the handler).
  // Portal patients read their own signed notes, never psychotherapy notes (HIPAA 164.524(a)(1)(i)).
  'note.read': { roles: CLINICAL, scope: 'patient' },
  'note.write': { roles: CLINICAL, scope: 'patient' },
  'note.cosign': { roles: ['program_director', 'clinician', 'prescriber'], scope: 'patient' },
  'note.codes': { roles: ['program_director', 'billing'], scope: 'patient' },
  'note.export': { roles: ['program_director', 'clinician'], scope: 'patient' },
  /** The signed-in clinician's own note queue; the handler limits rows to the caller's notes and sites. */
  'note.queue': { roles: CLINICAL, scope: 'none' },
  'group_note.write': { roles: ['program_director', 'clinician'], scope: 'site' },
  'group_note.cosign': { roles: ['program_director', 'clinician', 'prescriber'], scope: 'site' },
  'psychotherapy_note.write': { roles: ['program_director', 'clinician', 'prescriber'], scope: 'patient' },
  'psychotherapy_note.read': { roles: ['program_director', 'clinician', 'prescriber'], scope: 'patient' },
  'portal.self': { roles: ['patient'], scope: 'none' },
  'audit.read': { roles: ['admin'], scope: 'none' },
  'audit.verify': { roles: ['admin'], scope: 'none' },
  /**
   * The break-glass review queue: the administrator for every site, program directors for their own sites
   * (the handler limits the rows). It shows who opened which record (by MRN), why and what they did — not
   * the chart.
   */
  'break_glass.review': { roles: ['admin', 'program_director'], scope: 'none' },
} as const satisfies Record<string, { roles: readonly Role[]; scope: Scope }>;

/**
 * Parts of a record that only some of the record's readers may see (minimum necessary, HIPAA 164.502(b) and
 * 164.514(d)): the route's permission opens the record; each group names the permission that opens those
 * fields, and `withReadableFields` leaves the group's fields out for a role without it. Front desk works from
 * demographics, the schedule and check-in; billing from codes, dates, minutes and diagnosis codes — neither
 * from clinical narrative.
 */
export const FIELD_GROUPS = {
  'episode.diagnoses': { permission: 'diagnosis.read', fields: ['diagnoses'] },
  'assessment.narrative': {
    permission: 'assessment.narrative.read',
    fields: ['notes', 'placementNote'],
  },
  'discharge.narrative': {
    permission: 'discharge.narrative.read',
    fields: ['summary', 'referralTo', 'aftercare'],
  },
} as const satisfies Record<string, { permission: Permission; fields: readonly string[] }>;
export type FieldGroup = keyof typeof FIELD_GROUPS;

type GroupFields<G extends FieldGroup> = (typeof FIELD_GROUPS)[G]['fields'][number];

/** The record as this role may read it: the group's fields are left out when the role lacks its permission. */
export function withReadableFields<G extends FieldGroup, T extends Record<string, unknown>>(
  role: string,
  group: G,
  record: T,
): Omit<T, GroupFields<G>> & Partial<Pick<T, GroupFields<G> & keyof T>> {
  const { permission, fields } = FIELD_GROUPS[group];
  if (roleMay(role, permission)) return record;
  const shaped: Record<string, unknown> = { ...record };
  for (const field of fields) delete shaped[field];
  return shaped as unknown as Omit<T, GroupFields<G>> & Partial<Pick<T, GroupFields<G> & keyof T>>;
}

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

/**
 * Every permission of `role`, in the table's order: GET /api/auth/me answers it so the web app shows what
 * this table allows (menus, buttons) without a copy of it. Scope still applies: a permission here is the
 * role's, and the guard decides each site and patient on each request.
 */
export function permissionsOf(role: string): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => roleMay(role, permission));
}
