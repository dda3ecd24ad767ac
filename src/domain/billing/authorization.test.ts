import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type Authorization, authorizationAlerts, authorizationCovers } from './authorization';

const d = Temporal.PlainDate.from;
const AUTH: Authorization = {
  status: 'approved',
  from: d('2026-01-05'),
  through: d('2026-01-11'),
  unitsApproved: 5,
  serviceCodes: ['H0015'],
};

describe('an authorization covers a service', () => {
  it.each([
    {
      case: 'first day (inclusive)',
      date: '2026-01-05',
      used: 0,
      want: { covers: true, unitsRemainingAfter: 4 },
    },
    {
      case: 'last day (inclusive)',
      date: '2026-01-11',
      used: 0,
      want: { covers: true, unitsRemainingAfter: 4 },
    },
    {
      case: 'day before',
      date: '2026-01-04',
      used: 0,
      want: { covers: false, gap: 'before_start', unitsRemaining: 5 },
    },
    {
      case: 'day after',
      date: '2026-01-12',
      used: 0,
      want: { covers: false, gap: 'after_end', unitsRemaining: 5 },
    },
    { case: '1 unit left', date: '2026-01-08', used: 4, want: { covers: true, unitsRemainingAfter: 0 } },
    {
      case: '0 units left',
      date: '2026-01-08',
      used: 5,
      want: { covers: false, gap: 'units_exhausted', unitsRemaining: 0 },
    },
    {
      case: 'over-used',
      date: '2026-01-08',
      used: 7,
      want: { covers: false, gap: 'units_exhausted', unitsRemaining: 0 },
    },
  ])('$case', ({ date, used, want }) => {
    expect(authorizationCovers(AUTH, { date: d(date), code: 'H0015', units: 1 }, used)).toEqual(want);
  });

  it('a code the payer did not authorize', () => {
    expect(authorizationCovers(AUTH, { date: d('2026-01-06'), code: '90853', units: 1 }, 0)).toMatchObject({
      covers: false,
      gap: 'code_not_authorized',
    });
  });

  it.each(['requested', 'denied', 'expired'] as const)('a %s authorization covers nothing', (status) => {
    expect(
      authorizationCovers({ ...AUTH, status }, { date: d('2026-01-06'), code: 'H0015', units: 1 }, 0),
    ).toMatchObject({
      covers: false,
      gap: 'not_approved',
    });
  });

  it('a partially approved authorization covers its approved units', () => {
    expect(
      authorizationCovers(
        { ...AUTH, status: 'partially_approved' },
        { date: d('2026-01-06'), code: 'H0015', units: 1 },
        0,
      ),
    ).toMatchObject({ covers: true });
  });
});

describe('alerts before expiry and exhaustion', () => {
  it.each([
    { today: '2026-01-07', used: 0, alerts: [] },
    { today: '2026-01-08', used: 0, alerts: ['expires_soon'] },
    { today: '2026-01-11', used: 0, alerts: ['expires_soon'] },
    { today: '2026-01-12', used: 0, alerts: [] },
    { today: '2026-01-06', used: 2, alerts: [] },
    { today: '2026-01-06', used: 3, alerts: ['units_low'] },
    { today: '2026-01-09', used: 5, alerts: ['expires_soon', 'units_low'] },
  ])('on $today with $used used → $alerts', ({ today, used, alerts }) => {
    expect(authorizationAlerts(AUTH, d(today), used)).toEqual(alerts);
  });
});
