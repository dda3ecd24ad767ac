import type { ActingOnPatient } from '../platform/acting-on-patient';
import { randomToken, sha256 } from '../platform/auth/secrets';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { findPortalAccount, insertInvitation, revokeOpenInvitations } from './portal.store';

const INVITATION_DAYS = 7;

/**
 * A one-time portal link for a patient without an account, valid 7 days. One live link per patient: a new
 * one replaces any handed out before (a lost or misdirected link). Answers the token; only its hash is kept.
 */
export async function inviteToPortal(tx: Tx, input: ActingOnPatient) {
  const { patient, actor, now } = input;
  if (await findPortalAccount(tx, patient.id)) {
    throw AppError.conflict('This patient already has a portal account.', 'portal_account_exists');
  }
  const token = randomToken();
  const revoked = await revokeOpenInvitations(tx, patient.id, actor.userId, now);
  const invitation = await insertInvitation(tx, {
    organizationId: actor.organizationId,
    siteId: patient.siteId,
    patientId: patient.id,
    tokenHash: sha256(token),
    createdBy: actor.userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  });
  await input.audit('portal.invite', 'portal_invitation', invitation.id, { revokedInvitationIds: revoked });
  return { token, expiresAt: invitation.expiresAt };
}
