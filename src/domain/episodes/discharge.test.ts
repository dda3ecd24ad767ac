import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import type { LevelCode } from '../placement/levels-of-care';
import { DISCHARGE_REASONS, dischargeFieldErrors, isDischargeReasonCode, stepDirection } from './discharge';

const day = (iso: string) => Temporal.PlainDate.from(iso);

describe('discharge reasons', () => {
  it('are the TEDS codes 1–7', () => {
    expect(DISCHARGE_REASONS.map((reason) => [reason.code, reason.key])).toEqual([
      [1, 'completed'],
      [2, 'dropped_out'],
      [3, 'terminated_by_facility'],
      [4, 'transferred'],
      [5, 'incarcerated'],
      [6, 'died'],
      [7, 'other'],
    ]);
    for (const reason of DISCHARGE_REASONS) expect(reason.label.length).toBeGreaterThan(0);
  });

  it.each([
    [1, true],
    [7, true],
    [0, false],
    [8, false],
    [1.5, false],
    ['1', false],
  ])('%o is a TEDS code: %s', (value, valid) => {
    expect(isDischargeReasonCode(value)).toBe(valid);
  });
});

describe('dischargeFieldErrors', () => {
  const today = day('2026-03-10');
  const admittedOn = day('2026-02-01');

  it.each([
    [{ reason: 1, dischargedOn: today, admittedOn }, []],
    [{ reason: 7, dischargedOn: admittedOn, admittedOn }, []],
    [{ reason: 2, dischargedOn: day('2026-01-15') }, []],
    [{ dischargedOn: today, admittedOn }, ['reason']],
    [{ reason: null, dischargedOn: today }, ['reason']],
    [{ reason: 8, dischargedOn: today }, ['reason']],
    [{ reason: 1 }, ['dischargedOn']],
    [{ reason: 1, dischargedOn: day('2026-03-11') }, ['dischargedOn']],
    [{ reason: 1, dischargedOn: day('2026-01-31'), admittedOn }, ['dischargedOn']],
    [{}, ['reason', 'dischargedOn']],
  ])('%o → %o', (input, paths) => {
    expect(dischargeFieldErrors(input, today).map((field) => field.path)).toEqual(paths);
  });
});

describe('stepDirection', () => {
  it.each([
    ['2.5', '2.1', 'step-down'],
    ['2.1', '1', 'step-down'],
    ['3.5', '2.5', 'step-down'],
    ['3.7-WM', '2.1', 'step-down'],
    ['1', '2.1', 'step-up'],
    ['2.1', '2.5', 'step-up'],
    ['2.1', '3.7-WM', 'step-up'],
    ['3.7', '3.7-WM', 'step-up'],
    ['2.5', '2-WM', 'step-up'],
    ['0.5', '1', 'step-up'],
    ['2.1', '2.1', 'lateral'],
    ['1', '1.5', 'lateral'],
    ['1.5', '2.7', 'step-up'],
    ['2.7', '2.5', 'step-down'],
    ['4', '4-WM', 'step-up'],
  ] as [LevelCode, LevelCode, string][])('%s → %s is %s', (from, to, direction) => {
    expect(stepDirection(from, to)).toBe(direction);
  });

  it('rejects unknown levels, naming each', () => {
    try {
      stepDirection('IOP' as LevelCode, '2.2' as LevelCode);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).fields.map((field) => field.path)).toEqual(['from', 'to']);
    }
  });
});
