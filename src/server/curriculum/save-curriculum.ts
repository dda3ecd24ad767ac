import type { z } from '@hono/zod-openapi';
import { topicKey } from '../../domain/curriculum/topic-key';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { readPatientRecord, versionedUpdate } from '../platform/http/route-wrappers';
import { findTrack, takeCurriculumVersion } from '../tracks';
import type { SaveCurriculum } from './curriculum.schema';
import { listCurriculum, replaceCurriculum } from './curriculum.store';

type Topics = z.infer<typeof SaveCurriculum>['topics'];

/** Every title must have letters or digits and appear once (by its key), every id once. */
function checkTopics(topics: Topics) {
  const keys = topics.map((t) => topicKey(t.title));
  const fields = topics.flatMap((t, i) => [
    ...(keys[i] === '' ? [{ path: `topics.${i}.title`, message: 'Must have letters or digits.' }] : []),
    ...(keys[i] !== '' && keys.indexOf(keys[i]!) !== i
      ? [{ path: `topics.${i}.title`, message: 'Appears twice in the curriculum.' }]
      : []),
    ...(t.id && topics.findIndex((x) => x.id === t.id) !== i
      ? [{ path: `topics.${i}.id`, message: 'Appears twice.' }]
      : []),
  ]);
  if (fields.length > 0) throw AppError.validation(fields);
}

/**
 * Saves a track's curriculum whole, at the version the client read: topics named by id are kept (renamed and
 * moved), new titles added, the rest archived. Answers the saved curriculum.
 */
export async function saveCurriculum(
  tx: Tx,
  at: { siteId: string; trackId: string; version: number; now: Date },
  topics: Topics,
) {
  checkTopics(topics);
  const track = await readPatientRecord(findTrack(tx, at.siteId, at.trackId), 'The track');
  const current = await listCurriculum(tx, at.trackId);
  const known = new Set(current.map((t) => t.id));
  const stranger = topics.findIndex((t) => t.id && !known.has(t.id));
  if (stranger >= 0) {
    throw AppError.validation([
      { path: `topics.${stranger}.id`, message: "Not a topic of this track's curriculum." },
    ]);
  }
  await versionedUpdate(takeCurriculumVersion(tx, at.trackId, at.version), {
    version: track.curriculumVersion,
  });
  await replaceCurriculum(tx, track, topics, at.now);
  return { version: at.version + 1, topics: await listCurriculum(tx, at.trackId) };
}
