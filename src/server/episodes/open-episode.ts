import type { z } from '@hono/zod-openapi';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { findSiteProgram, listReferrals } from '../referrals';
import { siteToday } from '../sites';
import { checkCareTeam } from './care-team';
import { checkAssessmentOf, checkLevelOfEdition } from './change-level-of-care';
import type { CreateEpisodeRequest } from './episodes.schema';
import { findOpenEpisode, insertEpisode, insertLevelChange } from './episodes.store';

const openEpisodeConflict = (id: string | null) =>
  AppError.conflict(
    'The patient already has an open episode in this program; discharge it before a new admission.',
    'episode_already_open',
    { episodeId: id },
  );

/**
 * Opens an episode of care: the patient in one of their site's programs at a level of the edition, with the
 * admission as the first level-of-care row. One open episode per patient and program (409).
 */
export async function openEpisode(
  tx: Tx,
  input: {
    patient: { id: string; siteId: string };
    actor: { organizationId: string; userId: string };
    request: z.infer<typeof CreateEpisodeRequest>;
    now: Date;
    audit: AuditWrite;
  },
): Promise<string> {
  const { patient, actor, request: body, now } = input;
  checkLevelOfEdition('level', body.edition, body.level);
  const program = await findSiteProgram(tx, patient.siteId, body.programId);
  if (!program) {
    throw AppError.validation([{ path: 'programId', message: "Not a program of the patient's site." }]);
  }
  if (body.referralId && (await listReferrals(tx, patient.id, body.referralId)).length === 0) {
    throw AppError.validation([{ path: 'referralId', message: 'Not a referral of this patient.' }]);
  }
  await checkAssessmentOf(tx, patient.id, body.assessmentId);
  await checkCareTeam(tx, { organizationId: actor.organizationId, siteId: patient.siteId }, body);
  const open = await findOpenEpisode(tx, patient.id, body.programId);
  if (open) throw openEpisodeConflict(open.id);
  const today = (await siteToday(tx, patient.siteId, now)).toString();
  const admittedOn = body.status === 'admitted' ? (body.admittedOn ?? today) : null;
  const id = await insertEpisode(tx, {
    organizationId: actor.organizationId,
    siteId: patient.siteId,
    patientId: patient.id,
    programId: body.programId,
    status: body.status,
    edition: body.edition,
    level: body.level,
    referralId: body.referralId ?? null,
    admittedOn,
    primaryClinicianId: body.primaryClinicianId ?? null,
    careTeam: body.careTeam,
    createdAt: now,
    updatedAt: now,
  });
  // A concurrent admission won the unique index: the transaction is spoilt, so answer without a lookup.
  if (!id) throw openEpisodeConflict(null);
  await insertLevelChange(tx, {
    organizationId: actor.organizationId,
    siteId: patient.siteId,
    episodeId: id,
    fromLevel: null,
    toLevel: body.level,
    direction: 'admission',
    effectiveOn: admittedOn ?? today,
    reason: 'Initial level of care',
    assessmentId: body.assessmentId ?? null,
    changedBy: actor.userId,
    createdAt: now,
  });
  await input.audit('episode.create', 'episode', id, { status: body.status, level: body.level });
  return id;
}
