import { describe, expect, it } from 'vitest';
import { getInstrument, INSTRUMENT_IDS, isInstrumentId, listInstruments } from './instrument-catalog';
import type { InstrumentDefinition } from './instrument-definition';

/** Lowest and highest possible total from the items' own options. */
function totalRange(instrument: InstrumentDefinition): { min: number; max: number } {
  const scored = instrument.items.filter((item) => item.scored !== false);
  const values = (item: (typeof scored)[number]) => item.options.map((o) => o.value);
  return {
    min: scored.reduce((sum, item) => sum + Math.min(...values(item)), 0),
    max: scored.reduce((sum, item) => sum + Math.max(...values(item)), 0),
  };
}

describe('instrument catalog', () => {
  it('lists the ten public-domain instruments OpenIOP scores', () => {
    expect(listInstruments().map((i) => i.id)).toEqual([
      'phq-9',
      'gad-7',
      'audit',
      'audit-c',
      'dast-10',
      'bam',
      'pcl-5',
      'c-ssrs-screener',
      'ciwa-ar',
      'cows',
    ]);
    expect(isInstrumentId('phq-9')).toBe(true);
    expect(isInstrumentId('toString')).toBe(false);
  });

  it.each([
    ['phq-9', 9, 0, 27, '44261-6'],
    ['gad-7', 7, 0, 21, '70274-6'],
    ['audit', 10, 0, 40, '75624-7'],
    ['audit-c', 3, 0, 12, '75626-2'],
    ['dast-10', 10, 0, 10, '82667-7'],
    ['pcl-5', 20, 0, 80, undefined],
    ['ciwa-ar', 10, 0, 67, undefined],
    ['cows', 11, 0, 48, undefined],
  ] as const)('%s has %i items, totals %i–%i, LOINC %s', (id, itemCount, min, max, loinc) => {
    const instrument = getInstrument(id);
    expect(instrument.items).toHaveLength(itemCount);
    expect(totalRange(instrument)).toEqual({ min, max });
    expect(instrument.loincTotal).toBe(loinc);
  });

  it('has the 17 BAM items (7 with parts A–G) and the 6 C-SSRS screener questions', () => {
    expect(new Set(getInstrument('bam').items.map((i) => i.number)).size).toBe(17);
    expect(
      getInstrument('bam')
        .items.filter((i) => i.number === 7)
        .map((i) => i.part),
    ).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(new Set(getInstrument('c-ssrs-screener').items.map((i) => i.number)).size).toBe(6);
  });

  it('has nine CIWA-Ar signs rated 0–7 and orientation 0–4', () => {
    const ranges = getInstrument('ciwa-ar').items.map((i) => i.options.map((o) => o.value).join(''));
    expect(ranges).toEqual([...Array(9).fill('01234567'), '01234']);
  });

  it('has the published COWS points per sign', () => {
    expect(getInstrument('cows').items.map((i) => i.options.map((o) => o.value))).toEqual([
      [0, 1, 2, 4],
      [0, 1, 2, 3, 4],
      [0, 1, 3, 5],
      [0, 1, 2, 5],
      [0, 1, 2, 4],
      [0, 1, 2, 4],
      [0, 1, 2, 3, 5],
      [0, 1, 2, 4],
      [0, 1, 2, 4],
      [0, 1, 2, 4],
      [0, 3, 5],
    ]);
  });

  it('reverse scores only DAST-10 item 3', () => {
    const reversed = listInstruments().flatMap((i) =>
      i.items.filter((item) => item.reverse).map((item) => `${i.id} ${item.id}`),
    );
    expect(reversed).toEqual(['dast-10 item3']);
  });

  describe.each(INSTRUMENT_IDS.map((id) => [id, getInstrument(id)] as const))(
    '%s definition',
    (_, instrument) => {
      const itemIds = instrument.items.map((i) => i.id);

      it('has unique item ids and unique option values with labels', () => {
        expect(new Set(itemIds).size).toBe(itemIds.length);
        for (const item of instrument.items) {
          expect(item.text.length).toBeGreaterThan(0);
          expect(new Set(item.options.map((o) => o.value)).size).toBe(item.options.length);
          for (const option of item.options) expect(option.label.length).toBeGreaterThan(0);
        }
      });

      it('refers only to its own items, and skip logic only to earlier ones', () => {
        for (const subscale of instrument.subscales ?? []) {
          for (const id of subscale.itemIds) expect(itemIds).toContain(id);
        }
        instrument.items.forEach((item, index) => {
          if (item.askedWhen) expect(itemIds.slice(0, index)).toContain(item.askedWhen.itemId);
        });
        for (const rule of instrument.riskRules) {
          if (rule.when === 'item-above') expect(itemIds).toContain(rule.itemId);
        }
        if (instrument.bands.kind === 'triage') {
          for (const level of instrument.bands.levels) {
            for (const id of level.whenAllYes.flat()) expect(itemIds).toContain(id);
          }
        }
      });

      it('has range bands that tile the whole score range without gaps or overlaps', () => {
        const rule = instrument.bands;
        if (rule.kind !== 'range') return;
        const range =
          rule.basis === 'total' ? totalRange(instrument) : subscaleRange(instrument, rule.basis.subscaleId);
        expect(rule.bands[0]?.min).toBe(range.min);
        expect(rule.bands.at(-1)?.max).toBe(range.max);
        rule.bands.forEach((band, index) => {
          expect(band.min).toBeLessThanOrEqual(band.max);
          const next = rule.bands[index + 1];
          if (next) expect(next.min).toBe(band.max + 1);
        });
      });
    },
  );
});

function subscaleRange(instrument: InstrumentDefinition, subscaleId: string) {
  const subscale = instrument.subscales?.find((s) => s.id === subscaleId);
  const items = instrument.items.filter((item) => subscale?.itemIds.includes(item.id));
  return {
    min: items.reduce((sum, item) => sum + Math.min(...item.options.map((o) => o.value)), 0),
    max: items.reduce((sum, item) => sum + Math.max(...item.options.map((o) => o.value)), 0),
  };
}
