import type { z } from '@hono/zod-openapi';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import type { AddDiagnosisRequest } from './episodes.schema';
import { type EpisodeRow, insertDiagnosis } from './episodes.store';

/** Adds a diagnosis to the episode (a new primary one replaces the old primary). */
export async function addDiagnosis(
  tx: Tx,
  input: {
    episode: EpisodeRow;
    diagnosis: z.infer<typeof AddDiagnosisRequest>;
    createdBy: string;
    now: Date;
    audit: AuditWrite;
  },
) {
  const { episode, diagnosis } = input;
  const id = await insertDiagnosis(tx, {
    organizationId: episode.organizationId,
    siteId: episode.siteId,
    episodeId: episode.id,
    code: diagnosis.code,
    description: diagnosis.description,
    kind: diagnosis.kind,
    isPrimary: diagnosis.primary,
    createdBy: input.createdBy,
    createdAt: input.now,
  });
  await input.audit('diagnosis.create', 'episode_diagnosis', id, {
    episodeId: episode.id,
    code: diagnosis.code,
  });
}
