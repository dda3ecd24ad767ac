import { describe, expect, it } from 'vitest';
import {
  emptyDocument,
  planEditorTitle,
  responsibleStaffChoices,
  staffOptions,
  toPlanChange,
} from './treatment-plan-values';
import type { TreatmentPlan } from './treatment-plans-api';

const member = (id: string, role: string) => ({ id, displayName: `Name ${id}`, role });

describe('staffOptions', () => {
  it('lists the signed-in user first, then the clinical staff, never the user twice', () => {
    const staff = [member('u1', 'clinician'), member('u2', 'front_desk'), member('u3', 'nurse')];
    expect(staffOptions({ id: 'u1', displayName: 'Casey' }, staff)).toEqual([
      { value: 'u1', label: 'Casey (you)' },
      { value: 'u3', label: 'Name u3' },
    ]);
  });

  it('lists only the staff while the user is unknown', () => {
    expect(staffOptions(undefined, [member('u3', 'prescriber')])).toEqual([
      { value: 'u3', label: 'Name u3' },
    ]);
  });
});

describe('responsibleStaffChoices', () => {
  const options = [{ value: 'u1', label: 'Casey (you)' }];
  it.each([
    ['u1', ['u1']],
    ['gone', ['gone', 'u1']],
  ])('chosen %s → %j', (chosen, values) => {
    expect(responsibleStaffChoices(options, chosen).map((o) => o.value)).toEqual(values);
  });
});

describe('toPlanChange', () => {
  it.each([
    ['', {}],
    ['2026-07-01', { reviewDate: '2026-07-01' }],
  ])('review date %j', (reviewDate, extra) => {
    const document = emptyDocument('u1');
    expect(toPlanChange({ reviewDate, document })).toEqual({ document, ...extra });
  });
});

describe('emptyDocument', () => {
  it('starts one problem → goal → objective → intervention, the intervention with the given staff', () => {
    const intervention = emptyDocument('u1').problems[0]?.goals[0]?.objectives[0]?.interventions[0];
    expect(intervention).toEqual({ modality: 'cbt', frequency: '', responsibleStaffId: 'u1' });
  });
});

describe('planEditorTitle', () => {
  const plan = { revision: 1, status: 'draft' } as TreatmentPlan;
  it.each([
    ['create' as const, null, 'New treatment plan'],
    [
      'revise' as const,
      { ...plan, status: 'signed' as const },
      'New version of the treatment plan (version 2)',
    ],
    ['edit' as const, plan, 'Treatment plan, version 1 (draft)'],
    [
      'edit' as const,
      { ...plan, status: 'clinician_signed' as const },
      'Treatment plan, version 1 (awaiting signatures)',
    ],
  ])('%s → %s', (mode, current, title) => {
    expect(planEditorTitle(mode, current)).toBe(title);
  });
});
