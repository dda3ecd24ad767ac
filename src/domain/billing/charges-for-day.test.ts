import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type BillableDay, chargesForDay, type DayService } from './charges-for-day';

const date = Temporal.PlainDate.from('2026-03-02');
const svc = (serviceId: string, code: string, documented = true, minutes = 60): DayService => ({
  serviceId,
  code,
  minutes,
  documented,
});
const day = (over: Partial<BillableDay> = {}): BillableDay => ({
  date,
  attendedMinutes: 180,
  rostersLocked: true,
  services: [svc('g1', '90853', true, 180)],
  ...over,
});

describe('per diem (H0015 / S9480): a qualifying day is at least 3 hours attended', () => {
  it.each([
    { minutes: 179, codes: [], reason: 'day_under_3_hours' },
    { minutes: 180, codes: ['H0015'], reason: undefined },
    { minutes: 240, codes: ['H0015'], reason: undefined },
  ])('$minutes min → $codes', ({ minutes, codes, reason }) => {
    const charges = chargesForDay(day({ attendedMinutes: minutes }), {
      kind: 'per_diem',
      hcpcs: 'H0015',
      revenueCode: '0906',
    });
    expect(charges.lines.map((l) => l.code)).toEqual(codes);
    expect(charges.noCharge.map((n) => n.reason)).toEqual(reason ? [reason] : []);
  });

  it('carries the revenue code on an institutional claim and one unit', () => {
    const [line] = chargesForDay(day(), { kind: 'per_diem', hcpcs: 'S9480', revenueCode: '0905' }).lines;
    expect(line).toMatchObject({ code: 'S9480', revenueCode: '0905', units: 1, serviceIds: ['g1'] });
  });

  it('an unlocked roster makes no per diem however many hours', () => {
    const charges = chargesForDay(day({ rostersLocked: false, attendedMinutes: 300 }), {
      kind: 'per_diem',
      hcpcs: 'H0015',
    });
    expect(charges.lines).toEqual([]);
    expect(charges.noCharge).toEqual([{ reason: 'roster_not_locked' }]);
  });
});

describe('Medicare IOP: revenue code + HCPCS on every line; paid by 3 vs 4 or more services a day', () => {
  const medicare = { kind: 'medicare_iop', revenueCode: '0906' } as const;
  it.each([
    { count: 2, lines: 0, tier: undefined, reason: 'fewer_than_3_services' },
    { count: 3, lines: 3, tier: 'three_services', reason: undefined },
    { count: 4, lines: 4, tier: 'four_or_more_services', reason: undefined },
    { count: 5, lines: 5, tier: 'four_or_more_services', reason: undefined },
  ])('$count services → $tier', ({ count, lines, tier, reason }) => {
    const services = Array.from({ length: count }, (_, i) => svc(`s${i}`, i === 0 ? '90853' : 'H0005'));
    const charges = chargesForDay(day({ services }), medicare);
    expect(charges.lines).toHaveLength(lines);
    expect(charges.medicareTier).toBe(tier);
    expect(charges.noCharge.map((n) => n.reason)).toEqual(reason ? [reason] : []);
    for (const line of charges.lines) expect(line.revenueCode).toBe('0906');
  });

  it('an unsigned service does not count toward the day', () => {
    const services = [svc('a', '90853'), svc('b', 'H0005'), svc('c', '90834', false), svc('d', 'H0005')];
    const charges = chargesForDay(day({ services }), medicare);
    expect(charges.medicareTier).toBe('three_services');
    expect(charges.noCharge).toEqual([{ serviceId: 'c', reason: 'undocumented' }]);
  });
});

describe('itemized (837P)', () => {
  it('no documentation, no charge', () => {
    const charges = chargesForDay(day({ services: [svc('a', '90853'), svc('b', '90834', false)] }), {
      kind: 'itemized',
    });
    expect(charges.lines.map((l) => l.code)).toEqual(['90853']);
    expect(charges.noCharge).toEqual([{ serviceId: 'b', reason: 'undocumented' }]);
  });

  it.each([
    { codes: ['80305', '80305'], kept: '80305' },
    { codes: ['80305', '80307', '80306'], kept: '80307' },
    { codes: ['80306'], kept: '80306' },
  ])('drug screens $codes on one date → one $kept', ({ codes, kept }) => {
    const services = codes.map((code, i) => svc(`t${i}`, code));
    const charges = chargesForDay(day({ services }), { kind: 'itemized' });
    expect(charges.lines.map((l) => l.code)).toEqual([kept]);
    expect(charges.noCharge).toHaveLength(codes.length - 1);
    expect(charges.noCharge.every((n) => n.reason === 'drug_test_already_billed_that_day')).toBe(true);
  });
});
