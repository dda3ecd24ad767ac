import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import {
  type Authorization,
  assertAuthorization,
  authorizationAlerts,
  authorizationCovers,
  type RecordedAuthorization,
} from './authorization';

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

describe('an authorization before it is saved', () => {
  const base: RecordedAuthorization = {
    id: 'a1',
    episodeId: 'e1',
    authorizationNumber: 'PA-100',
    status: 'approved',
    from: d('2026-01-05'),
    through: d('2026-01-11'),
    unitsApproved: 5,
    serviceCodes: ['H0015'],
  };
  const problems = (
    candidate: Partial<RecordedAuthorization>,
    others: RecordedAuthorization[] = [],
    used = 0,
  ) => {
    try {
      assertAuthorization({ ...base, id: 'new', ...candidate }, others, used);
      return [];
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return err.fields.map((f) => f.path);
    }
  };

  it.each([
    { case: 'a clean approval', candidate: {}, others: [], used: 0, fields: [] },
    {
      case: 'last day before the first',
      candidate: { through: d('2026-01-04') },
      others: [],
      used: 0,
      fields: ['through'],
    },
    {
      case: 'one-day authorization',
      candidate: { through: d('2026-01-05') },
      others: [],
      used: 0,
      fields: [],
    },
    {
      case: 'approved without a number',
      candidate: { authorizationNumber: null },
      others: [],
      used: 0,
      fields: ['authorizationNumber'],
    },
    {
      case: 'approved with 0 units',
      candidate: { unitsApproved: 0 },
      others: [],
      used: 0,
      fields: ['unitsApproved'],
    },
    {
      case: 'requested: no number, no units',
      candidate: { status: 'requested', authorizationNumber: null, unitsApproved: 0 },
      others: [],
      used: 0,
      fields: [],
    },
    {
      case: 'denied with units',
      candidate: { status: 'denied', unitsApproved: 3 },
      others: [],
      used: 0,
      fields: ['unitsApproved'],
    },
    {
      case: 'cut below the units used',
      candidate: { unitsApproved: 3 },
      others: [],
      used: 4,
      fields: ['unitsApproved'],
    },
    {
      case: 'cut to exactly the units used',
      candidate: { unitsApproved: 4 },
      others: [],
      used: 4,
      fields: [],
    },
    // Dates are inclusive: ending on the 11th and starting on the 11th share a day.
    {
      case: 'starts on the last day of another',
      candidate: { from: d('2026-01-11'), through: d('2026-01-18') },
      others: [base],
      used: 0,
      fields: ['from'],
    },
    {
      case: 'starts the day after another',
      candidate: { from: d('2026-01-12'), through: d('2026-01-18') },
      others: [base],
      used: 0,
      fields: [],
    },
    {
      case: 'same days, another service',
      candidate: { serviceCodes: ['90853'] },
      others: [base],
      used: 0,
      fields: [],
    },
    {
      case: 'same days, another episode',
      candidate: { episodeId: 'e2' },
      others: [base],
      used: 0,
      fields: [],
    },
    {
      case: 'over a denied one',
      candidate: {},
      others: [{ ...base, status: 'denied', unitsApproved: 0 }],
      used: 0,
      fields: [],
    },
    {
      case: 'a change of itself',
      candidate: { id: 'a1', unitsApproved: 7 },
      others: [base],
      used: 0,
      fields: [],
    },
  ] as const)('$case → $fields', ({ candidate, others, used, fields }) => {
    expect(problems(candidate as Partial<RecordedAuthorization>, [...others], used)).toEqual(fields);
  });
});
