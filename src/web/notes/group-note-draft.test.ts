import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/api-error';
import {
  blockingError,
  memberProblems,
  partBody,
  partDraft,
  sharedBody,
  sharedDraft,
} from './group-note-draft';

describe('the group note draft sent to the server', () => {
  it('a draft saved before any intervention is picked leaves interventions out (the server wants one if given)', () => {
    const body = sharedBody(
      sharedDraft({
        topic: 'Coping with cravings',
        curriculumItem: null,
        interventions: [],
        durationMinutes: 120,
      }),
    );
    expect(body).toEqual({
      topic: 'Coping with cravings',
      curriculumItem: null,
      interventions: undefined,
      narrative: null,
      durationMinutes: 120,
    });
  });

  it('keeps picked interventions, trims text, and leaves out an emptied topic or duration', () => {
    const draft = {
      ...sharedDraft({}),
      topic: '  ',
      interventions: ['cbt'],
      narrative: ' Pairs practised. ',
    };
    expect(sharedBody(draft)).toEqual({
      topic: undefined,
      curriculumItem: null,
      interventions: ['cbt'],
      narrative: 'Pairs practised.',
      durationMinutes: undefined,
    });
  });

  it('a new member part starts with risk "none" and sends no empty text', () => {
    const draft = partDraft({});
    expect(draft.riskLevel).toBe('none');
    expect(partBody(draft)).toEqual({
      participation: undefined,
      presentation: undefined,
      objectives: [],
      risk: { level: 'none', notes: null },
      planNextSession: undefined,
    });
  });

  it('a saved part comes back as it was, without the objective text the server keeps', () => {
    const saved = {
      participation: 'Named two triggers.',
      presentation: 'Alert.',
      objectives: [{ objectiveId: 'p1.g1.o1', progress: 'met', description: 'Names three triggers' }],
      risk: { level: 'low', notes: 'Safety plan reviewed.' },
      planNextSession: 'Bring the log.',
    };
    expect(partBody(partDraft(saved))).toEqual({
      ...saved,
      objectives: [{ objectiveId: 'p1.g1.o1', progress: 'met' }],
    });
  });
});

describe('what a refused signing marks on the screen', () => {
  const similar = new ApiError(422, 'member_parts_too_similar', 'Some member parts are identical.', [
    { path: 'members.1.part', message: 'Amara Okafor: reads the same as Jordan Rivera’s part.' },
    { path: 'members.10.part', message: 'Someone else.' },
    { path: 'members.1.part.participation', message: 'Must not be empty.' },
  ]);

  it("names each member's problems by their place in the note (member 1 is not member 10)", () => {
    expect(memberProblems(similar, 1)).toEqual([
      { field: '', message: 'Amara Okafor: reads the same as Jordan Rivera’s part.' },
      { field: 'participation', message: 'Must not be empty.' },
    ]);
    expect(memberProblems(similar, 0)).toEqual([]);
  });

  it.each([
    ['identical parts', similar, true],
    [
      'a member named in another part',
      new ApiError(422, 'other_member_named', 'x', [{ path: 'members.0.part', message: 'y' }]),
      true,
    ],
    [
      'a wrong code',
      new ApiError(422, 'reauthentication_failed', 'x', [{ path: 'totpCode', message: 'Wrong' }]),
      false,
    ],
    [
      'a malformed code',
      new ApiError(422, 'validation_failed', 'x', [{ path: 'totpCode', message: '6 digits' }]),
      false,
    ],
    ['a lost race', new ApiError(409, 'version_conflict', 'x'), false],
  ])('%s blocks signing on the note itself: %s', (_, error, blocks) => {
    expect(blockingError(error) !== null).toBe(blocks);
  });
});
