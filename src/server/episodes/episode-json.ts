import type { z } from '@hono/zod-openapi';
import { allowedMoves, type EpisodeStatus } from '../../domain/episodes/episode-status';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { Episode } from './episodes.schema';
import {
  type DiagnosisRow,
  type EpisodeRow,
  findEpisode,
  type LevelChangeRow,
  listEpisodeDetails,
  listEpisodeRows,
} from './episodes.store';

export type EpisodeJson = z.infer<typeof Episode>;

/** An episode as the API answers it, with its own rows of the level histories and diagnoses given. */
export function episodeJson(
  e: EpisodeRow,
  changes: LevelChangeRow[],
  diagnoses: DiagnosisRow[],
): EpisodeJson {
  const status = e.status as EpisodeStatus;
  return {
    id: e.id,
    patientId: e.patientId,
    siteId: e.siteId,
    programId: e.programId,
    programName: e.programName,
    status,
    allowedMoves: allowedMoves(status),
    edition: e.edition,
    level: e.level,
    admittedOn: e.admittedOn,
    dischargedOn: e.dischargedOn,
    referralId: e.referralId,
    primaryClinicianId: e.primaryClinicianId,
    careTeam: e.careTeam,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    levelHistory: changes
      .filter((h) => h.episodeId === e.id)
      .map((h) => ({
        id: h.id,
        fromLevel: h.fromLevel,
        toLevel: h.toLevel,
        direction: h.direction as EpisodeJson['levelHistory'][number]['direction'],
        effectiveOn: h.effectiveOn,
        reason: h.reason,
        assessmentId: h.assessmentId,
        changedBy: h.changedBy,
        createdAt: h.createdAt.toISOString(),
      })),
    diagnoses: diagnoses
      .filter((d) => d.episodeId === e.id)
      .map((d) => ({
        id: d.id,
        code: d.code,
        description: d.description,
        kind: d.kind,
        primary: d.isPrimary,
        createdAt: d.createdAt.toISOString(),
      })),
  };
}

/** One episode with its level history and diagnoses, or 404. */
export async function loadEpisode(tx: Tx, patientId: string, episodeId: string): Promise<EpisodeJson> {
  const row = await findEpisode(tx, patientId, episodeId);
  if (!row) throw AppError.notFound('The episode');
  const { changes, diagnoses } = await listEpisodeDetails(tx, [row.id]);
  return episodeJson(row, changes, diagnoses);
}

/** The patient's episodes, newest first, each with its history and diagnoses (three queries). */
export async function listEpisodes(tx: Tx, patientId: string): Promise<EpisodeJson[]> {
  const rows = await listEpisodeRows(tx, patientId);
  const { changes, diagnoses } = await listEpisodeDetails(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => episodeJson(r, changes, diagnoses));
}
