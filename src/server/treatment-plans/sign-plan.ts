import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { Signatures } from './plan-json';
import type { PlanRow } from './treatment-plans.store';
import { savePlanVersion } from './writable-plan';

/**
 * The clinician's or the patient's typed-name signature on this revision of the plan, with the time; each
 * signs a revision once (409 already_signed). The patient signs on the staff screen or in the portal.
 */
export async function signPlan(
  tx: Tx,
  input: {
    plan: PlanRow;
    version: number;
    signer: 'clinician' | 'patient';
    typedName: string;
    userId: string;
    via: 'staff' | 'portal';
    now: Date;
  },
) {
  const { plan, signer, typedName, now } = input;
  const already = signer === 'clinician' ? plan.clinicianSignedAt : plan.patientSignedAt;
  if (already) {
    throw AppError.conflict(`The ${signer} has already signed this revision of the plan.`, 'already_signed');
  }
  const changes: Partial<Signatures> =
    signer === 'clinician'
      ? { clinicianSignedName: typedName, clinicianSignedAt: now, clinicianSignedBy: input.userId }
      : { patientSignedName: typedName, patientSignedAt: now, patientSignedVia: input.via };
  return savePlanVersion(tx, plan, input.version, changes, now);
}
