import { randomToken, sha256 } from '../platform/auth/secrets';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { ActingOnStaff } from './acting-on-staff';
import {
  emailInUse,
  findStaff,
  hasAcceptedInvitation,
  insertStaffInvitation,
  insertStaffUser,
  replaceSiteMemberships,
  revokeOpenStaffInvitations,
} from './staff.store';
import { assertStaffFields, type StaffFields } from './staff-fields';

const INVITATION_DAYS = 7;
/** Not an argon2 hash: no password verifies against it, so an invited account cannot sign in before it chooses one. */
export const NO_PASSWORD_YET = '!invited';

/**
 * A one-time link for the staff member to choose a password, valid 7 days; a newer link replaces any unused
 * one. Answers the token; only its hash is kept.
 */
export async function issueStaffInvitation(tx: Tx, userId: string, { actor, now, audit }: ActingOnStaff) {
  const token = randomToken();
  const revoked = await revokeOpenStaffInvitations(tx, userId, now);
  const invitation = await insertStaffInvitation(tx, {
    organizationId: actor.organizationId,
    userId,
    tokenHash: sha256(token),
    createdBy: actor.userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  });
  await audit('staff.invite', 'user', userId, { invitationId: invitation.id, revokedInvitationIds: revoked });
  return { token, expiresAt: invitation.expiresAt };
}

/** Adds a staff member (no password yet, no authenticator) and their first invitation link. */
export async function inviteStaffMember(
  tx: Tx,
  request: StaffFields & { email: string },
  acting: ActingOnStaff,
) {
  const { actor, now, audit } = acting;
  const { email, siteIds, ...fields } = request;
  const taken = (await emailInUse(tx, email))
    ? [{ path: 'email', message: 'An account with this email already exists.' }]
    : [];
  await assertStaffFields(tx, actor.organizationId, null, request, taken);
  const { id } = await insertStaffUser(tx, {
    ...fields,
    email: email.trim(),
    organizationId: actor.organizationId,
    passwordHash: NO_PASSWORD_YET,
    createdAt: now,
    updatedAt: now,
    passwordChangedAt: now,
  });
  await replaceSiteMemberships(tx, id, siteIds);
  await audit('staff.create', 'user', id, {
    role: request.role,
    siteIds,
    supervisorUserId: request.supervisorUserId,
    licensed: request.licensed,
  });
  const invitation = await issueStaffInvitation(tx, id, acting);
  return { id, ...invitation };
}

/** A fresh link for someone who has not chosen a password yet (the first was lost or ran out). */
export async function reissueStaffInvitation(tx: Tx, userId: string, acting: ActingOnStaff) {
  const staff = await findStaff(tx, acting.actor.organizationId, userId);
  if (!staff) throw AppError.notFound('The staff member');
  if (!staff.active) throw AppError.conflict('Reactivate the account first.', 'staff_deactivated');
  if (staff.passwordSet || (await hasAcceptedInvitation(tx, userId))) {
    throw AppError.conflict(
      'This staff member has chosen a password already; reset their authenticator or let them change the password.',
      'invitation_already_accepted',
    );
  }
  return issueStaffInvitation(tx, userId, acting);
}
