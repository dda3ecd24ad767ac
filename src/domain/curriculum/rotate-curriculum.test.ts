import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { rotateCurriculum } from './rotate-curriculum';

const topics = ['Triggers', 'Cravings', 'Refusal skills', 'Lapse vs relapse'];

describe('rotateCurriculum', () => {
  it.each([
    { count: 0, startAt: 0, expected: [] },
    { count: 3, startAt: 0, expected: ['Triggers', 'Cravings', 'Refusal skills'] },
    { count: 4, startAt: 0, expected: topics },
    { count: 5, startAt: 0, expected: [...topics, 'Triggers'] },
    { count: 3, startAt: 3, expected: ['Lapse vs relapse', 'Triggers', 'Cravings'] },
    { count: 9, startAt: 2, expected: [...topics.slice(2), ...topics, ...topics.slice(0, 3)] },
  ])('$count sessions from position $startAt', ({ count, startAt, expected }) => {
    expect(rotateCurriculum(topics, count, startAt)).toEqual(expected);
  });

  it.each([
    { list: [], count: 2, startAt: 0, paths: ['topics'] },
    { list: topics, count: 2, startAt: 4, paths: ['startAt'] },
    { list: topics, count: -1, startAt: -1, paths: ['sessionCount', 'startAt'] },
  ])('refuses $paths', ({ list, count, startAt, paths }) => {
    try {
      rotateCurriculum(list, count, startAt);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).fields.map((f) => f.path)).toEqual(paths);
    }
  });
});
