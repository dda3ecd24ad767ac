import { z } from '@hono/zod-openapi';
import { STAFF_ROLES } from '../platform/access/roles';
import { UuidParam } from '../platform/http/common.schema';
import { Password } from '../sign-in';

const text = (max: number) => z.string().trim().min(1, 'Required.').max(max, `At most ${max} characters.`);

export const StaffParams = z.object({ userId: UuidParam('userId') });

export const StaffQuery = z.object({
  siteId: z.uuid({ message: 'Must be a UUID.' }).optional(),
  role: z.enum(STAFF_ROLES).optional(),
  active: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: active accounts only; false: deactivated only'),
});

/** What an administrator sets for a staff member (the email is fixed once the account exists). */
const StaffFields = z.strictObject({
  displayName: text(200).describe('As shown on rosters and signatures ("Casey Clinician, LPC")'),
  role: z.enum(STAFF_ROLES, { message: 'Choose a staff role.' }),
  credentials: z.string().trim().max(50, 'At most 50 characters.').nullable().default(null),
  licensed: z.boolean().describe('May facilitate group therapy and supervise (co-sign)'),
  siteIds: z
    .array(z.uuid({ message: 'Must be a UUID.' }))
    .min(1, 'Choose at least one site.')
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'A site is listed once.'),
  supervisorUserId: z
    .uuid({ message: 'Must be a UUID.' })
    .nullable()
    .default(null)
    .describe("Co-signs this staff member's notes: an active licensed staff member of a shared site"),
});

export const StaffChangeRequest = StaffFields.openapi('StaffChangeRequest');
export const StaffCreateRequest = StaffFields.extend({
  email: z.email('Not a valid email address.').max(254),
}).openapi('StaffCreateRequest');

export const ResetAuthenticatorRequest = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(10, 'Say why in a sentence (at least 10 characters): it is kept in the audit log.')
      .max(500, 'At most 500 characters.'),
  })
  .openapi('ResetAuthenticatorRequest');

export const NoBody = z.strictObject({}).openapi('StaffActionRequest');

export const STAFF_STATUSES = ['invited', 'active', 'locked', 'deactivated'] as const;

export const StaffMember = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(STAFF_ROLES),
    credentials: z.string().nullable(),
    licensed: z.boolean(),
    active: z.boolean(),
    status: z
      .enum(STAFF_STATUSES)
      .describe('invited: no password chosen yet; locked: too many failed sign-ins, until lockedUntil'),
    lockedUntil: z.string().nullable(),
    authenticatorEnrolled: z.boolean(),
    sites: z.array(z.object({ id: z.uuid(), name: z.string() })),
    supervisor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    version: z.number().int(),
  })
  .openapi('StaffAccount');

export const StaffList = z.object({ items: z.array(StaffMember) }).openapi('StaffAccountList');

export const StaffInvitation = z
  .object({ inviteUrl: z.string(), expiresAt: z.string() })
  .openapi('StaffInvitation');

export const CreatedStaffMember = z
  .object({ staff: StaffMember, invitation: StaffInvitation })
  .openapi('CreatedStaffAccount');

export const InvitationTokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not an invitation token.')
    .openapi({ param: { name: 'token', in: 'path' } }),
});

export const OpenStaffInvitation = z
  .object({ displayName: z.string(), email: z.string(), expiresAt: z.string() })
  .openapi('OpenStaffInvitation');

export const AcceptStaffInvitation = z.strictObject({ password: Password }).openapi('AcceptStaffInvitation');
