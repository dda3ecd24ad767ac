import type { z } from '@hono/zod-openapi';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { checkCareTeam } from './care-team';
import { changeEpisode } from './change-episode';
import type { UpdateEpisodeRequest } from './episodes.schema';

/** Changes the episode's primary clinician or care team, at the version read (409 when stale). */
export async function updateCareTeam(
  tx: Tx,
  input: {
    patient: { id: string; siteId: string };
    organizationId: string;
    episodeId: string;
    version: number;
    changes: z.infer<typeof UpdateEpisodeRequest>;
    now: Date;
    audit: AuditWrite;
  },
) {
  const { patient, changes } = input;
  await checkCareTeam(tx, { organizationId: input.organizationId, siteId: patient.siteId }, changes);
  await changeEpisode(tx, { id: input.episodeId, patientId: patient.id }, input.version, changes, input.now);
  await input.audit('episode.update', 'episode', input.episodeId, { fields: Object.keys(changes).sort() });
}
