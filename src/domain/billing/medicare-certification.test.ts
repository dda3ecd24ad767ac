import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { certificationOn } from './medicare-certification';

const d = Temporal.PlainDate.from;

describe('Medicare IOP certification: recertified at least every 60 days', () => {
  const signed = [d('2026-03-01')];
  it.each([
    { service: '2026-02-28', certified: false, reason: 'never_certified' },
    { service: '2026-03-01', certified: true },
    { service: '2026-04-30', certified: true }, // day 60
    { service: '2026-05-01', certified: false, reason: 'lapsed' }, // day 61
  ])('service on $service → certified $certified', ({ service, certified, reason }) => {
    const standing = certificationOn(signed, d(service));
    expect(standing.certified).toBe(certified);
    if (!standing.certified) expect(standing.reason).toBe(reason);
  });

  it('a recertification starts a new 60 days, whatever order the dates come in', () => {
    const standing = certificationOn([d('2026-04-20'), d('2026-03-01')], d('2026-06-19'));
    expect(standing).toEqual({ certified: true, certifiedOn: d('2026-04-20'), recertifyBy: d('2026-06-19') });
  });

  it('a certification signed after the service does not cover it', () => {
    expect(certificationOn([d('2026-03-10')], d('2026-03-09'))).toEqual({
      certified: false,
      reason: 'never_certified',
    });
  });
});
