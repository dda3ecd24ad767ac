import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { isFiledInTime, lastFilingDay } from './timely-filing';

const d = Temporal.PlainDate.from;

describe('timely filing', () => {
  it.each([
    { service: '2026-01-15', limit: { months: 12 }, last: '2027-01-15' },
    { service: '2024-02-29', limit: { months: 12 }, last: '2025-02-28' },
    { service: '2026-01-15', limit: { days: 90 }, last: '2026-04-15' },
    { service: '2026-12-31', limit: { days: 365 }, last: '2027-12-31' },
  ])('$service with $limit → last day $last', ({ service, limit, last }) => {
    expect(lastFilingDay(d(service), limit).toString()).toBe(last);
  });

  it.each([
    { filed: '2026-04-15', inTime: true },
    { filed: '2026-04-16', inTime: false },
  ])('90 days from 2026-01-15, filed $filed → in time $inTime', ({ filed, inTime }) => {
    expect(isFiledInTime(d('2026-01-15'), d(filed), { days: 90 })).toBe(inTime);
  });
});
