import { Temporal } from 'temporal-polyfill';
import { type FieldError, InputError } from '../input-error';

/**
 * A coverage's period: from its first day to its last, both inclusive; no last day means open-ended.
 * Two coverages of the same rank (primary, secondary …) may not overlap: on any date a claim has exactly one
 * primary payer to go to first (coordination of benefits).
 */
export type CoveragePeriod = {
  readonly id?: string;
  readonly rank: string;
  readonly from: Temporal.PlainDate;
  readonly through: Temporal.PlainDate | null;
};

const MAX = Temporal.PlainDate.from('9999-12-31');

function overlaps(a: CoveragePeriod, b: CoveragePeriod): boolean {
  return (
    Temporal.PlainDate.compare(a.from, b.through ?? MAX) <= 0 &&
    Temporal.PlainDate.compare(b.from, a.through ?? MAX) <= 0
  );
}

/** @throws InputError when the period ends before it starts or overlaps another of the same rank. */
export function assertCoveragePeriod(candidate: CoveragePeriod, others: readonly CoveragePeriod[]): void {
  const fields: FieldError[] = [];
  if (candidate.through && Temporal.PlainDate.compare(candidate.through, candidate.from) < 0) {
    fields.push({ path: 'effectiveThrough', message: 'must be on or after the first day' });
  }
  const clash = others.find(
    (o) => o.id !== candidate.id && o.rank === candidate.rank && overlaps(o, candidate),
  );
  if (clash) {
    fields.push({
      path: 'effectiveFrom',
      message: `overlaps another ${candidate.rank} coverage (${clash.from}${clash.through ? ` to ${clash.through}` : ' onward'})`,
    });
  }
  if (fields.length > 0) throw new InputError(fields, 'coverage_overlap');
}

/** The coverage of `rank` in force on `date`, if any. */
export function coverageOn<T extends CoveragePeriod>(
  coverages: readonly T[],
  date: Temporal.PlainDate,
  rank = 'primary',
): T | undefined {
  return coverages.find(
    (c) =>
      c.rank === rank &&
      Temporal.PlainDate.compare(date, c.from) >= 0 &&
      Temporal.PlainDate.compare(date, c.through ?? MAX) <= 0,
  );
}
