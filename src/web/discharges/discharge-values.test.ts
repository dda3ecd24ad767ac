import { describe, expect, it } from 'vitest';
import {
  blankAppointment,
  dischargeProblems,
  initialDischargeValues,
  toNewDischarge,
} from './discharge-values';

const filled = () => ({
  ...initialDischargeValues('2.1', '2026-06-15'),
  reasonCode: '1',
  summary: '  Completed the program.  ',
  nextProvider: { name: ' Dr. Reyes ', levelOfCare: '', phone: ' (555) 010-4455 ', address: '' },
});

describe('dischargeProblems', () => {
  it('names the four inputs a blank form lacks', () => {
    const blank = { ...initialDischargeValues('2.1', '2026-06-15') };
    blank.crisisPlan = { ...blank.crisisPlan, crisisLine: '  ' };
    expect(Object.keys(dischargeProblems(blank))).toEqual([
      'reasonCode',
      'summary',
      'nextProvider.name',
      'crisisPlan.crisisLine',
    ]);
  });

  it('finds nothing in a filled form (the crisis line starts as 988)', () => {
    expect(dischargeProblems(filled())).toEqual({});
  });
});

describe('toNewDischarge', () => {
  it('trims, turns blanks into null and reads the TEDS code as a number', () => {
    const body = toNewDischarge(filled());
    expect(body).toMatchObject({
      dischargedOn: '2026-06-15',
      reason: 1,
      levelAtDischarge: '2.1',
      summary: 'Completed the program.',
      referralTo: null,
      nextLevel: null,
    });
    expect(body.aftercare.nextProvider).toEqual({
      name: 'Dr. Reyes',
      levelOfCare: null,
      phone: '(555) 010-4455',
      address: null,
    });
    expect(body.aftercare.medicationContinuity).toEqual({
      medications: null,
      prescriber: null,
      supplyUntil: null,
      note: null,
    });
  });

  it('leaves out appointments without a day or a "with", and sends no row key', () => {
    const values = filled();
    values.appointments = [
      { key: 0, on: '2026-06-22', time: '10:30', with: ' Dr. Reyes ', purpose: '' },
      { key: 1, on: '', time: '', with: 'Someone', purpose: '' },
      { key: 2, on: '2026-06-29', time: '', with: '  ', purpose: 'Check-in' },
    ];
    expect(toNewDischarge(values).aftercare.appointments).toEqual([
      { on: '2026-06-22', time: '10:30', with: 'Dr. Reyes', purpose: null },
    ]);
  });
});

describe('blankAppointment', () => {
  it.each([
    [[], 0],
    [[{ key: 0 }, { key: 3 }], 4],
  ])('after keys %j the new row is %i', (keys, next) => {
    const rows = keys.map(({ key }) => ({ key, on: '', time: '', with: '', purpose: '' }));
    expect(blankAppointment(rows).key).toBe(next);
  });
});
