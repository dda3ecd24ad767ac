import { rotateCurriculum } from '../../domain/curriculum/rotate-curriculum';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { listCurriculum } from './curriculum.store';

/**
 * The topic of each new session: one chosen topic for all, or the track's curriculum in rotation (from the
 * chosen topic, else the first). Null when the request names no curriculum topic.
 */
export async function topicsForSessions(
  tx: Tx,
  trackId: string,
  body: { curriculumTopicId?: string | null; rotateCurriculum?: boolean },
  count: number,
) {
  if (!body.curriculumTopicId && !body.rotateCurriculum) return null;
  const curriculum = await listCurriculum(tx, trackId);
  if (body.rotateCurriculum && curriculum.length === 0) {
    throw AppError.validation([
      { path: 'rotateCurriculum', message: 'The track has no curriculum yet: add its topics first.' },
    ]);
  }
  let startAt = 0;
  if (body.curriculumTopicId) {
    startAt = curriculum.findIndex((t) => t.id === body.curriculumTopicId);
    if (startAt < 0) {
      throw AppError.validation([
        { path: 'curriculumTopicId', message: "Must be a topic of the track's curriculum." },
      ]);
    }
    if (!body.rotateCurriculum) return Array.from({ length: count }, () => curriculum[startAt]!);
  }
  return rotateCurriculum(curriculum, count, startAt);
}
