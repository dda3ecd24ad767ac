import type { StaffFields, StaffMember } from './staff-api';

/** The staff form as typed: text inputs hold '' where the server takes null. */
export interface StaffFormValues {
  email: string;
  displayName: string;
  role: StaffMember['role'] | '';
  credentials: string;
  licensed: boolean;
  siteIds: string[];
  supervisorUserId: string;
}

export const emptyStaffForm: StaffFormValues = {
  email: '',
  displayName: '',
  role: '',
  credentials: '',
  licensed: false,
  siteIds: [],
  supervisorUserId: '',
};

export function staffFormFrom(member: StaffMember): StaffFormValues {
  return {
    email: member.email,
    displayName: member.displayName,
    role: member.role,
    credentials: member.credentials ?? '',
    licensed: member.licensed,
    siteIds: member.sites.map((site) => site.id),
    supervisorUserId: member.supervisor?.id ?? '',
  };
}

/** What the server takes; an unchosen role is sent as '' so the server names it under its input. */
export function staffRequest(values: StaffFormValues): StaffFields {
  return {
    displayName: values.displayName.trim(),
    role: values.role as StaffMember['role'],
    credentials: values.credentials.trim() || null,
    licensed: values.licensed,
    siteIds: values.siteIds,
    supervisorUserId: values.supervisorUserId || null,
  };
}

/**
 * Who may supervise: active, licensed, someone else, at one of the chosen sites. The server checks the same
 * (and loops); this keeps the picker to names it would accept.
 */
export function supervisorChoices(
  staff: readonly StaffMember[],
  self: string | null,
  siteIds: readonly string[],
): StaffMember[] {
  return staff.filter(
    (s) => s.active && s.licensed && s.id !== self && s.sites.some((site) => siteIds.includes(site.id)),
  );
}

/** A refused site id (`siteIds.2`) shows under the sites checkboxes. */
export const siteErrorRenames: Record<string, string> = Object.fromEntries(
  Array.from({ length: 50 }, (_, i) => [`siteIds.${i}`, 'siteIds']),
);
