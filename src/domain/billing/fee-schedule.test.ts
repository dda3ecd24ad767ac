import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Authorization } from './authorization';
import { authorizationFor, type Fee, feeFor, oneLinePerCode } from './fee-schedule';

const d = Temporal.PlainDate.from;
const fees: Fee[] = [
  { code: 'H0015', payerId: null, amountCents: 40000, effectiveFrom: d('2025-01-01') },
  { code: 'H0015', payerId: null, amountCents: 42000, effectiveFrom: d('2026-01-01') },
  { code: 'H0015', payerId: 'lakeshore', amountCents: 45000, effectiveFrom: d('2026-02-01') },
];

describe('the fee for a service', () => {
  it.each([
    { date: '2024-12-31', payerId: null, cents: undefined },
    { date: '2025-06-30', payerId: null, cents: 40000 },
    { date: '2026-01-01', payerId: null, cents: 42000 },
    { date: '2026-01-31', payerId: 'lakeshore', cents: 42000 },
    { date: '2026-02-01', payerId: 'lakeshore', cents: 45000 },
    { date: '2026-02-01', payerId: 'other', cents: 42000 },
  ])('$date for $payerId → $cents', ({ date, payerId, cents }) => {
    expect(feeFor(fees, { code: 'H0015', payerId, date: d(date) })?.amountCents).toBe(cents);
  });
  it('has no fee for a code not in the schedule', () => {
    expect(feeFor(fees, { code: '90853', payerId: null, date: d('2026-03-01') })).toBeUndefined();
  });
});

describe('one line per code and date', () => {
  it('adds the units of two group sessions in a day and keeps both services', () => {
    const line = (code: string, id: string, date = '2026-01-05') => ({
      date: d(date),
      code,
      units: 1,
      serviceIds: [id],
    });
    expect(
      oneLinePerCode([
        line('90853', 'a'),
        line('90834', 'b'),
        line('90853', 'c'),
        line('90853', 'e', '2026-01-06'),
      ]),
    ).toEqual([
      { date: d('2026-01-05'), code: '90853', units: 2, serviceIds: ['a', 'c'] },
      { date: d('2026-01-05'), code: '90834', units: 1, serviceIds: ['b'] },
      { date: d('2026-01-06'), code: '90853', units: 1, serviceIds: ['e'] },
    ]);
  });
});

describe('the authorization a line draws on', () => {
  const auth = (
    id: string,
    from: string,
    through: string,
    units: number,
  ): Authorization & { id: string } => ({
    id,
    status: 'approved',
    from: d(from),
    through: d(through),
    unitsApproved: units,
    serviceCodes: ['H0015'],
  });
  const auths = [auth('second', '2026-01-12', '2026-01-18', 5), auth('first', '2026-01-05', '2026-01-11', 1)];
  it.each([
    { date: '2026-01-05', used: {}, id: 'first' },
    { date: '2026-01-05', used: { first: 1 }, id: undefined },
    { date: '2026-01-11', used: {}, id: 'first' },
    { date: '2026-01-12', used: {}, id: 'second' },
    { date: '2026-01-19', used: {}, id: undefined },
  ])('$date with $used used → $id', ({ date, used, id }) => {
    const line = { date: d(date), code: 'H0015', units: 1 };
    expect(authorizationFor(auths, line, new Map(Object.entries(used)))?.id).toBe(id);
  });
});
