import { InputError } from '../input-error';

/**
 * The topic of each of `sessionCount` sessions when a schedule rotates through an ordered curriculum: the
 * first session takes the topic at `startAt` (0-based), each next session the following topic, and after the
 * last topic the rotation starts again at the first — rolling admission lets members join at any point.
 *
 * @throws InputError when the curriculum is empty or `startAt` is not one of its positions.
 */
export function rotateCurriculum<T>(topics: readonly T[], sessionCount: number, startAt = 0): T[] {
  const fields = [];
  if (topics.length === 0) fields.push({ path: 'topics', message: 'must have at least one topic' });
  if (!Number.isInteger(sessionCount) || sessionCount < 0) {
    fields.push({ path: 'sessionCount', message: 'must be a whole number, 0 or more' });
  }
  if (!Number.isInteger(startAt) || startAt < 0 || (topics.length > 0 && startAt >= topics.length)) {
    fields.push({ path: 'startAt', message: 'must be the position of a topic in the curriculum' });
  }
  if (fields.length > 0) throw new InputError(fields);
  return Array.from({ length: sessionCount }, (_, i) => topics[(startAt + i) % topics.length]!);
}
