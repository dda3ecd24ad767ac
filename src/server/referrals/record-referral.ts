import type { z } from '@hono/zod-openapi';
import type { ActingOnPatient } from '../platform/acting-on-patient';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { CreateReferralRequest } from './referrals.schema';
import { findSiteProgram, insertReferral } from './referrals.store';

/** Records a referral into one of the patient's site's programs: source, date, substances and flags. */
export async function recordReferral(
  tx: Tx,
  input: ActingOnPatient & {
    request: z.infer<typeof CreateReferralRequest>;
  },
): Promise<string> {
  const { patient, actor, request: body } = input;
  const program = await findSiteProgram(tx, patient.siteId, body.programId);
  if (!program) {
    throw AppError.validation([{ path: 'programId', message: "Not a program of the patient's site." }]);
  }
  const id = await insertReferral(tx, {
    organizationId: actor.organizationId,
    siteId: patient.siteId,
    patientId: patient.id,
    programId: body.programId,
    source: body.source,
    referrerName: body.referrerName ?? null,
    referredOn: body.referredOn,
    substances: body.substances.map((s) => ({
      substance: s.substance,
      lastUseOn: s.lastUseOn ?? null,
      route: s.route ?? null,
    })),
    medicalFlags: { ...body.medicalFlags, note: body.medicalFlags.note ?? null },
    psychiatricFlags: { ...body.psychiatricFlags, note: body.psychiatricFlags.note ?? null },
    recoveryEnvironmentUnsafe: body.recoveryEnvironmentUnsafe,
    note: body.note ?? null,
    createdBy: actor.userId,
    createdAt: input.now,
  });
  await input.audit('referral.create', 'referral', id);
  return id;
}
