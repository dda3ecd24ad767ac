import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { bandFor, DEFAULT_HOUR_BANDS, hourBandTable } from './hour-bands';

describe('bandFor defaults (ASAM 3rd edition weekly hours)', () => {
  it.each([
    { kind: 'outpatient', population: 'adult', band: { atLeastHours: 0, lessThanHours: 9 } },
    { kind: 'outpatient', population: 'adolescent', band: { atLeastHours: 0, lessThanHours: 6 } },
    { kind: 'iop', population: 'adult', band: { atLeastHours: 9, lessThanHours: 20 } },
    { kind: 'iop', population: 'adolescent', band: { atLeastHours: 6, lessThanHours: 20 } },
    { kind: 'php', population: 'adult', band: { atLeastHours: 20, lessThanHours: null } },
    { kind: 'php', population: 'adolescent', band: { atLeastHours: 20, lessThanHours: null } },
  ] as const)('$kind $population', ({ kind, population, band }) => {
    expect(bandFor(kind, population)).toEqual(band);
  });

  it('adjacent default bands meet without gap or overlap', () => {
    for (const population of ['adult', 'adolescent'] as const) {
      const { outpatient, iop, php } = DEFAULT_HOUR_BANDS;
      expect(outpatient[population].lessThanHours).toBe(iop[population].atLeastHours);
      expect(iop[population].lessThanHours).toBe(php[population].atLeastHours);
    }
  });
});

describe('bandFor with configured overrides', () => {
  const overrides = { iop: { adult: { atLeastHours: 9, lessThanHours: 16 } } };

  it('uses the override where given and the default elsewhere', () => {
    expect(bandFor('iop', 'adult', overrides)).toEqual({ atLeastHours: 9, lessThanHours: 16 });
    expect(bandFor('iop', 'adolescent', overrides)).toEqual({ atLeastHours: 6, lessThanHours: 20 });
    expect(hourBandTable(overrides)).toEqual({
      ...DEFAULT_HOUR_BANDS,
      iop: {
        adult: { atLeastHours: 9, lessThanHours: 16 },
        adolescent: { atLeastHours: 6, lessThanHours: 20 },
      },
    });
  });

  it('leaves the defaults untouched', () => {
    hourBandTable(overrides);
    expect(DEFAULT_HOUR_BANDS.iop.adult).toEqual({ atLeastHours: 9, lessThanHours: 20 });
  });

  it.each([
    { band: { atLeastHours: -1, lessThanHours: 20 }, paths: ['overrides.iop.adult.atLeastHours'] },
    { band: { atLeastHours: 9, lessThanHours: 9 }, paths: ['overrides.iop.adult.lessThanHours'] },
    { band: { atLeastHours: Number.NaN, lessThanHours: null }, paths: ['overrides.iop.adult.atLeastHours'] },
  ])('refuses $band', ({ band, paths }) => {
    try {
      bandFor('iop', 'adult', { iop: { adult: band } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).fields.map((f) => f.path)).toEqual(paths);
    }
  });
});
