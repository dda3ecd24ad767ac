import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { assertCoveragePeriod, type CoveragePeriod, coverageOn } from './coverage-periods';

const d = Temporal.PlainDate.from;
const period = (rank: string, from: string, through: string | null, id?: string): CoveragePeriod => ({
  ...(id ? { id } : {}),
  rank,
  from: d(from),
  through: through ? d(through) : null,
});
const EXISTING = [
  period('primary', '2026-01-01', '2026-06-30', 'a'),
  period('secondary', '2026-01-01', null, 'b'),
];

describe('coverage periods (inclusive) do not overlap within a rank', () => {
  it.each([
    { case: 'starts the day after the last', candidate: period('primary', '2026-07-01', null), ok: true },
    { case: 'starts on the last day', candidate: period('primary', '2026-06-30', null), ok: false },
    {
      case: 'ends the day before the first',
      candidate: period('primary', '2025-01-01', '2025-12-31'),
      ok: true,
    },
    { case: 'ends on the first day', candidate: period('primary', '2025-01-01', '2026-01-01'), ok: false },
    {
      case: 'open-ended secondary clashes with any later secondary',
      candidate: period('secondary', '2030-01-01', null),
      ok: false,
    },
    { case: 'another rank never clashes', candidate: period('tertiary', '2026-01-01', null), ok: true },
    {
      case: 'editing itself is not a clash',
      candidate: period('primary', '2026-02-01', '2026-06-30', 'a'),
      ok: true,
    },
  ])('$case → ok $ok', ({ candidate, ok }) => {
    const run = () => assertCoveragePeriod(candidate, EXISTING);
    if (ok) expect(run).not.toThrow();
    else
      expect(run).toThrow(
        expect.objectContaining({ fields: [expect.objectContaining({ path: 'effectiveFrom' })] }),
      );
  });

  it('a period that ends before it starts', () => {
    expect(() => assertCoveragePeriod(period('tertiary', '2026-03-02', '2026-03-01'), [])).toThrow(
      expect.objectContaining({
        fields: [{ path: 'effectiveThrough', message: 'must be on or after the first day' }],
      }),
    );
  });

  it.each([
    { date: '2025-12-31', id: undefined },
    { date: '2026-01-01', id: 'a' },
    { date: '2026-06-30', id: 'a' },
    { date: '2026-07-01', id: undefined },
  ])('primary on $date → $id', ({ date, id }) => {
    expect(coverageOn(EXISTING, d(date))?.id).toBe(id);
  });
});
