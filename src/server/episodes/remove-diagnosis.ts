import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { deleteDiagnosis, findEpisode } from './episodes.store';

/** Removes a diagnosis entered in error; 404 when the episode or the diagnosis is not the patient's. */
export async function removeDiagnosis(
  tx: Tx,
  input: { patientId: string; episodeId: string; diagnosisId: string; audit: AuditWrite },
) {
  const { episodeId, diagnosisId } = input;
  const episode = await findEpisode(tx, input.patientId, episodeId);
  if (!episode || !(await deleteDiagnosis(tx, episodeId, diagnosisId)))
    throw AppError.notFound('The diagnosis');
  await input.audit('diagnosis.delete', 'episode_diagnosis', diagnosisId, { episodeId });
}
