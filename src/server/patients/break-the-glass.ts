import { createBreakGlassGrant } from '../platform/access/access.store';
import type { ActingOnPatient } from '../platform/acting-on-patient';
import type { Tx } from '../platform/db/database';

/**
 * Emergency access to a patient outside the caller's sites: a stated reason, a grant for a limited time
 * (one hour by default, platform/config.ts), flagged for the review queue.
 */
export async function breakTheGlass(
  tx: Tx,
  input: ActingOnPatient & {
    reason: string;
    seconds: number;
  },
) {
  const { patient, actor, reason, now } = input;
  const grant = await createBreakGlassGrant(tx, {
    organizationId: actor.organizationId,
    siteId: patient.siteId,
    patientId: patient.id,
    userId: actor.userId,
    reason,
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.seconds * 1000),
  });
  await input.audit('patient.break_glass', 'break_glass_grant', grant.id, {
    reason,
    expiresAt: grant.expiresAt.toISOString(),
    reviewRequired: true,
  });
  return grant;
}
