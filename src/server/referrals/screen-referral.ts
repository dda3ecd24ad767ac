import type { z } from '@hono/zod-openapi';
import { InputError, scoreInstrument } from '../../domain/instruments';
import { type CssrsRisk, ruleOutForIop } from '../../domain/placement/intake-rule-outs';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { CreateScreeningRequest } from './referrals.schema';
import { findSiteProgram, insertScreening, listReferrals } from './referrals.store';

/** Scores one instrument's answers; a bad answer is named under the request field (`ciwaAr.item3`). */
function score(field: string, instrumentId: string, answers: Record<string, number>) {
  try {
    return scoreInstrument(instrumentId, answers);
  } catch (err) {
    if (err instanceof InputError) {
      throw AppError.validation(
        err.fields.map((f) => ({
          path: `${field}.${f.path.replace(/^answers\./, '')}`,
          message: f.message,
        })),
      );
    }
    throw err;
  }
}

/**
 * The intake screen of a referral: CIWA-Ar, COWS and C-SSRS answers scored item by item, the referral's flags
 * unless the screen says otherwise, and the IOP rule-out with the program's thresholds (CIWA-Ar above 15 and
 * COWS 13 or more unless the program sets its own).
 */
export async function screenReferral(
  tx: Tx,
  input: {
    patientId: string;
    referralId: string;
    request: z.infer<typeof CreateScreeningRequest>;
    actor: { organizationId: string; userId: string };
    now: Date;
    audit: AuditWrite;
  },
) {
  const { patientId, referralId, request: body } = input;
  const ciwa = body.ciwaAr ? score('ciwaAr', 'ciwa-ar', body.ciwaAr) : null;
  const cows = body.cows ? score('cows', 'cows', body.cows) : null;
  const cssrs = body.cssrs ? score('cssrs', 'c-ssrs-screener', body.cssrs) : null;
  const [referral] = await listReferrals(tx, patientId, referralId);
  if (!referral) throw AppError.notFound('The referral');
  const program = await findSiteProgram(tx, referral.siteId, referral.programId);
  const thresholds = {
    ciwaArAbove: program?.ciwaArAbove ?? 15,
    cowsAtLeast: program?.cowsAtLeast ?? 13,
  };
  const flags = {
    withdrawalComplicationRisk:
      body.withdrawalComplicationRisk ?? referral.medicalFlags.withdrawalComplicationRisk,
    medicallyUnstable: body.medicallyUnstable ?? referral.medicalFlags.medicallyUnstable,
    acutePsychiatricSymptoms:
      body.acutePsychiatricSymptoms ?? referral.psychiatricFlags.acutePsychiatricSymptoms,
    recoveryEnvironmentUnsafe: body.recoveryEnvironmentUnsafe ?? referral.recoveryEnvironmentUnsafe,
  };
  const ruleOut = ruleOutForIop(
    {
      ciwaArTotal: ciwa?.total ?? null,
      cowsTotal: cows?.total ?? null,
      cssrsRisk: (cssrs?.band.id as CssrsRisk | undefined) ?? null,
      ...flags,
    },
    thresholds,
    body.edition,
  );
  const row = await insertScreening(tx, {
    organizationId: input.actor.organizationId,
    siteId: referral.siteId,
    patientId,
    referralId,
    edition: body.edition,
    ciwaArAnswers: body.ciwaAr ?? null,
    ciwaArTotal: ciwa?.total ?? null,
    ciwaArBand: ciwa?.band.id ?? null,
    cowsAnswers: body.cows ?? null,
    cowsTotal: cows?.total ?? null,
    cowsBand: cows?.band.id ?? null,
    cssrsAnswers: body.cssrs ?? null,
    cssrsRisk: cssrs?.band.id ?? null,
    flags,
    thresholds,
    outcome: ruleOut.outcome,
    ruleOut,
    screenedBy: input.actor.userId,
    screenedAt: input.now,
  });
  await input.audit('screening.create', 'intake_screening', row.id, { outcome: ruleOut.outcome });
  return row;
}
