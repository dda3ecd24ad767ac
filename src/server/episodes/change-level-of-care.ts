import { type StepDirection, stepDirection } from '../../domain/episodes/discharge';
import { findLevel, type LevelCode } from '../../domain/placement/levels-of-care';
import { getAssessment } from '../assessments';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { changeEpisode } from './change-episode';
import { insertLevelChange } from './episodes.store';
import type { episodes } from './episodes.table';

type EpisodeRecord = typeof episodes.$inferSelect;

/** Writes the audit row in the caller's transaction (a route's `audit`, or a background job's own writer). */
export type LevelChangeAudit = AuditWrite;

export type LevelChange = {
  fromLevel: string;
  toLevel: string;
  direction: StepDirection;
  effectiveOn: string;
};

/** A level of the episode's ASAM edition, or a 422 on `path`. */
export function checkLevelOfEdition(path: string, edition: number, level: string) {
  if (!findLevel(edition === 4 ? 4 : 3, level)) {
    throw AppError.validation([{ path, message: `${level} is not a level of the ASAM edition ${edition}.` }]);
  }
}

/** The assessment a change cites must be one of the patient's (422). */
export async function checkAssessmentOf(tx: Tx, patientId: string, assessmentId: string | null | undefined) {
  if (assessmentId && !(await getAssessment(tx, patientId, assessmentId))) {
    throw AppError.validation([{ path: 'assessmentId', message: 'Not an assessment of this patient.' }]);
  }
}

/**
 * Whether the episode may move to `toLevel` from `effectiveOn`, and in which direction (ASAM: a move to a
 * more intensive level is a step up, to a less intensive one a step down). A discharged episode is closed
 * (409); the level must be one of the episode's edition, differ from the current one, and not date from
 * before the admission (422).
 */
export function levelChangeDirection(
  episode: Pick<EpisodeRecord, 'status' | 'edition' | 'level' | 'admittedOn'>,
  toLevel: string,
  effectiveOn: string,
): StepDirection {
  if (episode.status === 'discharged') {
    throw AppError.conflict('A discharged episode cannot change level.', 'episode_discharged');
  }
  checkLevelOfEdition('toLevel', episode.edition, toLevel);
  if (toLevel === episode.level) {
    throw AppError.validation([{ path: 'toLevel', message: `The episode is already at ${episode.level}.` }]);
  }
  // ISO calendar days compare as strings.
  if (episode.admittedOn && effectiveOn < episode.admittedOn) {
    throw AppError.validation([
      { path: 'effectiveOn', message: 'A level change cannot come before the admission.' },
    ]);
  }
  return stepDirection(episode.level as LevelCode, toLevel as LevelCode);
}

/**
 * Changes the episode's level of care: checks the move, changes the episode only at the version read
 * (compare-and-set; 409 version_conflict when someone changed it first), writes the level_of_care_changes row
 * with its step direction and the 'episode.level_change' audit row, all in the caller's transaction.
 */
export async function changeLevelOfCare(
  tx: Tx,
  input: {
    episode: EpisodeRecord;
    toLevel: string;
    effectiveOn: string;
    reason: string;
    assessmentId?: string | null;
    changedBy: string;
    now: Date;
    /** The version the change was asked against (a route's If-Match); the episode's own by default. */
    version?: number;
    audit?: LevelChangeAudit;
  },
): Promise<LevelChange> {
  const { episode, toLevel, effectiveOn } = input;
  const direction = levelChangeDirection(episode, toLevel, effectiveOn);
  await checkAssessmentOf(tx, episode.patientId, input.assessmentId);
  const version = input.version ?? episode.version;
  await changeEpisode(tx, episode, version, { level: toLevel }, input.now);
  await insertLevelChange(tx, {
    organizationId: episode.organizationId,
    siteId: episode.siteId,
    episodeId: episode.id,
    fromLevel: episode.level,
    toLevel,
    direction,
    effectiveOn,
    reason: input.reason,
    assessmentId: input.assessmentId ?? null,
    changedBy: input.changedBy,
    createdAt: input.now,
  });
  await input.audit?.('episode.level_change', 'episode', episode.id, {
    from: episode.level,
    to: toLevel,
    direction,
  });
  return { fromLevel: episode.level, toLevel, direction, effectiveOn };
}
