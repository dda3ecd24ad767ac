import { describe, expect, it } from 'vitest';
import {
  defaultPrimaryClinician,
  directionHint,
  isClinicalStaff,
  levelChangeProblems,
  levelChangeTitle,
  toLevelChange,
  toNewDiagnosis,
} from './episode-values';

const member = (id: string, role: string) => ({
  id,
  role,
  displayName: id,
  credentials: null,
  licensed: true,
});

describe('levelChangeTitle', () => {
  it.each([
    [{ fromLevel: null, toLevel: '2.1', direction: 'admission' as const }, 'Admitted at 2.1'],
    [{ fromLevel: '2.1', toLevel: '1', direction: 'step-down' as const }, 'Step down: 2.1 → 1'],
    [{ fromLevel: '1', toLevel: '2.1', direction: 'step-up' as const }, 'Step up: 1 → 2.1'],
    [{ fromLevel: '2.1', toLevel: '2.1', direction: 'lateral' as const }, 'Change: 2.1 → 2.1'],
  ])('%j → %s', (change, title) => {
    expect(levelChangeTitle(change)).toBe(title);
  });
});

describe('directionHint', () => {
  it.each([
    ['2.1', '1', 'A step down'],
    ['2.1', '2.5', 'A step up'],
    ['2.1', '', undefined],
    ['2.1', 'not a level', undefined],
  ])('%s → %s: %s', (from, to, hint) => {
    expect(directionHint(from, to)).toBe(hint);
  });
});

describe('defaultPrimaryClinician', () => {
  const clinicians = [member('u1', 'clinician'), member('u2', 'nurse')];
  it.each([
    ['u2', 'u2'],
    ['someone-else', ''],
    [undefined, ''],
  ])('signed in as %s → %j', (myId, primary) => {
    expect(defaultPrimaryClinician(clinicians, myId)).toBe(primary);
  });
});

describe('isClinicalStaff', () => {
  it.each([
    ['program_director', true],
    ['clinician', true],
    ['nurse', true],
    ['prescriber', true],
    ['intake_coordinator', false],
    ['front_desk', false],
    ['billing', false],
  ])('%s → %s', (role, clinical) => {
    expect(isClinicalStaff({ role })).toBe(clinical);
  });
});

describe('level change', () => {
  it('asks for the level and a reason', () => {
    expect(
      levelChangeProblems({ toLevel: '', effectiveOn: '2026-06-15', reason: ' ', assessmentId: '' }),
    ).toEqual({
      toLevel: 'Choose the new level',
      reason: 'Say why the level changes',
    });
  });

  it('sends a trimmed reason and no blank assessment', () => {
    expect(
      toLevelChange({ toLevel: '1', effectiveOn: '2026-06-15', reason: ' Goals met ', assessmentId: '' }),
    ).toEqual({
      toLevel: '1',
      effectiveOn: '2026-06-15',
      reason: 'Goals met',
      assessmentId: null,
    });
  });
});

describe('toNewDiagnosis', () => {
  it('writes the code in capitals and trims', () => {
    expect(toNewDiagnosis({ code: ' f11.20 ', description: ' OUD ', kind: 'sud', primary: true })).toEqual({
      code: 'F11.20',
      description: 'OUD',
      kind: 'sud',
      primary: true,
    });
  });
});
