import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Roster } from './programs-api';
import { patientProgramKeys, programKeys } from './programs-keys';
import { afterRosterSaved } from './programs-mutations';

// Regression: a roster save used to invalidate ['episode-dose'], a key no query used, so the chart's Dose tab
// (usePatientDose, keyed by patientProgramKeys.doseWeeks) kept the week's hours from before the save.

const member = (patientId: string) => ({
  patientId,
  givenName: 'A',
  familyName: 'B',
  enrolled: true,
  attendance: {
    status: 'present' as const,
    minutes: 180,
    arrivedAt: null,
    leftAt: null,
    absenceReason: null,
  },
});

const roster = {
  session: { id: 'session-1', programId: 'program-1' },
  members: [member('jordan'), member('casey')],
  attendees: 2,
  belowMinimumGroupSize: true,
  version: 2,
} as unknown as Roster;

describe('saving a roster', () => {
  it('makes every member’s dose weeks, topics and the program’s at-risk list stale, and no one else’s', () => {
    const queryClient = new QueryClient();
    const weeks = ['2026-11-30', '2026-11-23'];
    const seeded = [
      patientProgramKeys.doseWeeks('jordan', weeks),
      patientProgramKeys.doseWeeks('casey', weeks),
      patientProgramKeys.topics('jordan'),
      programKeys.atRiskWeek('program-1', '2026-11-30'),
      patientProgramKeys.doseWeeks('someone-else', weeks),
    ];
    for (const key of seeded) queryClient.setQueryData(key, { before: true });

    afterRosterSaved(queryClient, roster);

    const stale = seeded.map((key) => queryClient.getQueryState(key)?.isInvalidated);
    expect(stale).toEqual([true, true, true, true, false]);
    expect(queryClient.getQueryData(programKeys.roster('session-1'))).toBe(roster);
  });
});
