import { describe, expect, it } from 'vitest';
import { percentOfPoverty, povertyGuideline, type SlidingScale, slidingFee } from './sliding-scale';

describe('poverty guideline for a household', () => {
  // The published 2026 table (91 FR 1797): 1 → $15,960, 4 → $33,000, 8 → $55,720; add $5,680 past 8.
  it.each([
    { year: 2026, area: 'contiguous', size: 1, dollars: 15_960 },
    { year: 2026, area: 'contiguous', size: 4, dollars: 33_000 },
    { year: 2026, area: 'contiguous', size: 8, dollars: 55_720 },
    { year: 2026, area: 'contiguous', size: 9, dollars: 61_400 },
    { year: 2026, area: 'alaska', size: 4, dollars: 41_250 },
    { year: 2026, area: 'hawaii', size: 8, dollars: 64_070 },
    { year: 2025, area: 'contiguous', size: 4, dollars: 32_150 },
  ] as const)('$year $area, $size persons → $$dollars', ({ year, area, size, dollars }) => {
    expect(povertyGuideline(year, area, size)).toBe(dollars);
  });

  it('refuses a year with no table', () => {
    expect(() => povertyGuideline(2019, 'contiguous', 1)).toThrow(/guidelineYear/);
  });
});

const SCALE: SlidingScale = {
  guidelineYear: 2026,
  area: 'contiguous',
  bands: [
    { id: 'A', upToPercent: 100, pays: { kind: 'flat', cents: 1_000 } },
    { id: 'B', upToPercent: 150, pays: { kind: 'share', percent: 25 } },
    { id: 'C', upToPercent: 200, pays: { kind: 'share', percent: 50 } },
    { id: 'full', upToPercent: null, pays: { kind: 'share', percent: 100 } },
  ],
};

describe('sliding fee at each band edge (household of 4, 2026: 100 % = $33,000)', () => {
  it.each([
    { income: 0, band: 'A', percent: 0, pays: 1_000 },
    { income: 33_000_00, band: 'A', percent: 100, pays: 1_000 },
    { income: 33_000_01, band: 'B', percent: 100, pays: 5_000 },
    { income: 33_033_00, band: 'B', percent: 100.1, pays: 5_000 },
    { income: 49_500_00, band: 'B', percent: 150, pays: 5_000 },
    { income: 49_533_00, band: 'C', percent: 150.1, pays: 10_000 },
    { income: 66_000_00, band: 'C', percent: 200, pays: 10_000 },
    { income: 66_033_00, band: 'full', percent: 200.1, pays: 20_000 },
  ])(
    'income $income¢ → band $band ($percent %), pays $pays¢ of 20000¢',
    ({ income, band, percent, pays }) => {
      const fee = slidingFee(SCALE, { size: 4, annualIncomeCents: income }, 20_000);
      expect(fee).toEqual({ bandId: band, percentOfPoverty: percent, patientPaysCents: pays });
    },
  );

  it('a flat amount never exceeds the full fee', () => {
    expect(slidingFee(SCALE, { size: 1, annualIncomeCents: 0 }, 600).patientPaysCents).toBe(600);
  });

  it('names every bad field at once', () => {
    expect(() => slidingFee(SCALE, { size: 0, annualIncomeCents: -1 }, 1.5)).toThrow(
      expect.objectContaining({
        fields: [
          { path: 'household.size', message: expect.any(String) },
          { path: 'household.annualIncomeCents', message: expect.any(String) },
          { path: 'fullFeeCents', message: expect.any(String) },
        ],
      }),
    );
  });

  it('refuses a schedule whose last band has a ceiling', () => {
    const capped = { ...SCALE, bands: SCALE.bands.slice(0, 3) };
    expect(() => slidingFee(capped, { size: 1, annualIncomeCents: 0 }, 100)).toThrow(/bands/);
  });

  it('percent of poverty rounds down, so 100.09 % is still 100 %', () => {
    expect(percentOfPoverty(2026, 'contiguous', { size: 4, annualIncomeCents: 33_029_70 })).toBe(100);
  });
});
