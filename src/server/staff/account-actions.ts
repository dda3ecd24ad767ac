import type { Tx } from '../platform/db/database';
import type { ActingOnStaff } from './acting-on-staff';
import { assertNotSelf } from './change-staff-member';
import {
  deleteRecoveryCodes,
  endAllSessions,
  revokeOpenStaffInvitations,
  type StaffRow,
  updateStaff,
} from './staff.store';

/** Deactivates an account: its sessions end now, its links stop working, and it cannot sign in. */
export async function deactivateStaffMember(tx: Tx, staff: StaffRow, { actor, now, audit }: ActingOnStaff) {
  assertNotSelf(actor, staff.id, 'deactivate');
  await updateStaff(tx, staff.id, { active: false }, now);
  const sessionsEnded = await endAllSessions(tx, staff.id, now);
  const revoked = await revokeOpenStaffInvitations(tx, staff.id, now);
  await audit('staff.deactivate', 'user', staff.id, { sessionsEnded, revokedInvitationIds: revoked });
}

export async function reactivateStaffMember(tx: Tx, staff: StaffRow, { now, audit }: ActingOnStaff) {
  await updateStaff(tx, staff.id, { active: true, failedLogins: 0, mfaFailures: 0, lockedUntil: null }, now);
  await audit('staff.reactivate', 'user', staff.id);
}

/** Lifts a lock from too many wrong passwords or codes before it runs out. */
export async function unlockStaffMember(tx: Tx, staff: StaffRow, { now, audit }: ActingOnStaff) {
  await updateStaff(tx, staff.id, { failedLogins: 0, mfaFailures: 0, lockedUntil: null }, now);
  await audit('staff.unlock', 'user', staff.id, { lockedUntil: staff.lockedUntil?.toISOString() ?? null });
}

/**
 * A lost phone: the authenticator and recovery codes are removed and every session ends, so the next sign-in
 * (with the password) enrols a new authenticator. The written reason is kept in the audit row.
 */
export async function resetAuthenticator(
  tx: Tx,
  staff: StaffRow,
  reason: string,
  { actor, now, audit }: ActingOnStaff,
) {
  assertNotSelf(actor, staff.id, 'reset the authenticator of');
  await updateStaff(
    tx,
    staff.id,
    { mfaSecret: null, mfaEnabled: false, totpLastStep: null, mfaFailures: 0 },
    now,
  );
  await deleteRecoveryCodes(tx, staff.id);
  const sessionsEnded = await endAllSessions(tx, staff.id, now);
  await audit('staff.reset_authenticator', 'user', staff.id, { reason, sessionsEnded });
}
