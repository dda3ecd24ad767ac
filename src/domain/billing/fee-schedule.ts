import { Temporal } from 'temporal-polyfill';
import { type Authorization, authorizationCovers } from './authorization';
import type { ChargeLine } from './charges-for-day';

/** A fee: the organization's standard charge for a code (`payerId` null) or what it bills one payer. */
export type Fee = {
  readonly code: string;
  readonly payerId: string | null;
  readonly amountCents: number;
  readonly effectiveFrom: Temporal.PlainDate;
};

/**
 * The fee for one unit of `code` on `date`: the payer's own row when there is one in effect, else the
 * organization's standard charge; of several, the latest that took effect on or before the date.
 */
export function feeFor(
  fees: readonly Fee[],
  service: { code: string; payerId: string | null; date: Temporal.PlainDate },
): Fee | undefined {
  const inEffect = fees
    .filter((f) => f.code === service.code && Temporal.PlainDate.compare(f.effectiveFrom, service.date) <= 0)
    .sort((a, b) => Temporal.PlainDate.compare(b.effectiveFrom, a.effectiveFrom));
  return (
    (service.payerId ? inEffect.find((f) => f.payerId === service.payerId) : undefined) ??
    inEffect.find((f) => f.payerId === null)
  );
}

/**
 * Lines of one code on one date become one line with the units added (two group sessions in a day are 90853
 * × 2 on the claim, not two lines the payer reads as a duplicate).
 */
export function oneLinePerCode(lines: readonly ChargeLine[]): ChargeLine[] {
  const merged = new Map<string, ChargeLine>();
  for (const line of lines) {
    const key = `${line.date}|${line.code}`;
    const seen = merged.get(key);
    merged.set(
      key,
      seen
        ? { ...seen, units: seen.units + line.units, serviceIds: [...seen.serviceIds, ...line.serviceIds] }
        : line,
    );
  }
  return [...merged.values()];
}

/** The first authorization (by start date) that covers the line with the units it has left. */
export function authorizationFor<T extends Authorization & { readonly id: string }>(
  authorizations: readonly T[],
  line: Pick<ChargeLine, 'date' | 'code' | 'units'>,
  unitsUsed: ReadonlyMap<string, number>,
): T | undefined {
  return [...authorizations]
    .sort((a, b) => Temporal.PlainDate.compare(a.from, b.from))
    .find((a) => authorizationCovers(a, line, unitsUsed.get(a.id) ?? 0).covers);
}
