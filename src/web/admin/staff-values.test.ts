import { describe, expect, it } from 'vitest';
import type { StaffMember } from './staff-api';
import { emptyStaffForm, staffRequest, supervisorChoices } from './staff-values';

const member = (id: string, over: Partial<StaffMember> = {}): StaffMember => ({
  id,
  email: `${id}@x.org`,
  displayName: id,
  role: 'clinician',
  credentials: null,
  licensed: true,
  active: true,
  status: 'active',
  lockedUntil: null,
  authenticatorEnrolled: true,
  sites: [{ id: 'north', name: 'North' }],
  supervisor: null,
  version: 1,
  ...over,
});

describe('staff form values', () => {
  it('sends blanks as null and trims the name', () => {
    expect(staffRequest({ ...emptyStaffForm, displayName: ' Ada ', role: 'nurse', siteIds: ['n'] })).toEqual({
      displayName: 'Ada',
      role: 'nurse',
      credentials: null,
      licensed: false,
      siteIds: ['n'],
      supervisorUserId: null,
    });
  });

  it.each([
    ['licensed, active, same site', member('a'), true],
    ['unlicensed', member('b', { licensed: false }), false],
    ['deactivated', member('c', { active: false }), false],
    ['another site only', member('d', { sites: [{ id: 'south', name: 'South' }] }), false],
    ['oneself', member('self'), false],
  ])('offers a supervisor who is %s: %s', (_, candidate, offered) => {
    expect(supervisorChoices([candidate], 'self', ['north']).length > 0).toBe(offered);
  });
});
