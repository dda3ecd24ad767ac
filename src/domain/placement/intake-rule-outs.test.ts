import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { DEFAULT_RULE_OUT_THRESHOLDS, type IntakeScreen, ruleOutForIop } from './intake-rule-outs';

function fieldPaths(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).fields.map((field) => field.path);
  }
  throw new Error('expected an InputError');
}

const codes = (screen: IntakeScreen, thresholds = {}) =>
  ruleOutForIop(screen, thresholds).reasons.map((r) => r.code);

describe('ruleOutForIop', () => {
  it('proceeds to assessment when nothing rules IOP out', () => {
    expect(ruleOutForIop({})).toEqual({ outcome: 'proceed-to-assessment', reasons: [] });
    expect(
      ruleOutForIop({
        ciwaArTotal: 8,
        cowsTotal: 5,
        cssrsRisk: 'low',
        withdrawalComplicationRisk: false,
        recoveryEnvironmentUnsafe: false,
        medicallyUnstable: false,
        acutePsychiatricSymptoms: false,
      }).outcome,
    ).toBe('proceed-to-assessment');
  });

  it('defaults to CIWA-Ar above 15 and COWS 13 or more', () => {
    expect(DEFAULT_RULE_OUT_THRESHOLDS).toEqual({ ciwaArAbove: 15, cowsAtLeast: 13 });
  });

  it.each([
    [0, false],
    [10, false],
    [15, false],
    [16, true],
    [67, true],
  ])('CIWA-Ar %i refers: %s', (ciwaArTotal, refers) => {
    const result = ruleOutForIop({ ciwaArTotal });
    expect(result.outcome).toBe(refers ? 'refer-higher-level' : 'proceed-to-assessment');
    if (refers) {
      expect(result.reasons).toEqual([
        {
          code: 'alcohol_withdrawal_needs_management',
          message: expect.stringContaining(`CIWA-Ar ${ciwaArTotal}`),
          referTo: { level: '3.7-WM', label: expect.stringMatching(/withdrawal management/i) },
        },
      ]);
    }
  });

  it.each([
    [0, false],
    [5, false],
    [12, false],
    [13, true],
    [24, true],
    [48, true],
  ])('COWS %i refers: %s', (cowsTotal, refers) => {
    const result = ruleOutForIop({ cowsTotal });
    expect(result.outcome).toBe(refers ? 'refer-higher-level' : 'proceed-to-assessment');
    if (refers) {
      expect(result.reasons).toEqual([
        {
          code: 'opioid_withdrawal_needs_management',
          message: expect.stringContaining(`COWS ${cowsTotal}`),
          referTo: { level: '3.7-WM', label: expect.any(String) },
        },
      ]);
    }
  });

  it.each([
    ['none', false],
    ['low', false],
    ['moderate', false],
    ['high', true],
  ] as const)('C-SSRS %s refers: %s', (cssrsRisk, refers) => {
    const result = ruleOutForIop({ cssrsRisk });
    expect(result.reasons).toEqual(
      refers
        ? [
            {
              code: 'suicide_risk_high',
              message: expect.any(String),
              referTo: { level: '4', label: 'Acute psychiatric hospitalization' },
            },
          ]
        : [],
    );
  });

  it.each([
    ['withdrawalComplicationRisk', 'withdrawal_complication_risk', '3.7-WM'],
    ['acutePsychiatricSymptoms', 'acute_psychiatric_symptoms', '4'],
    ['medicallyUnstable', 'medically_unstable', '4'],
    ['recoveryEnvironmentUnsafe', 'recovery_environment_unsafe', '3.1'],
  ] as const)('%s refers (%s → %s)', (flag, code, level) => {
    const result = ruleOutForIop({ [flag]: true });
    expect(result.outcome).toBe('refer-higher-level');
    expect(result.reasons).toEqual([
      { code, message: expect.any(String), referTo: { level, label: expect.any(String) } },
    ]);
  });

  it('names sober living for an unsafe home', () => {
    expect(ruleOutForIop({ recoveryEnvironmentUnsafe: true }).reasons[0]?.referTo.label).toMatch(
      /sober living/,
    );
  });

  it('lists every reason that applies, in a fixed order', () => {
    expect(
      codes({
        recoveryEnvironmentUnsafe: true,
        medicallyUnstable: true,
        acutePsychiatricSymptoms: true,
        cssrsRisk: 'high',
        withdrawalComplicationRisk: true,
        cowsTotal: 13,
        ciwaArTotal: 16,
      }),
    ).toEqual([
      'alcohol_withdrawal_needs_management',
      'opioid_withdrawal_needs_management',
      'withdrawal_complication_risk',
      'suicide_risk_high',
      'acute_psychiatric_symptoms',
      'medically_unstable',
      'recovery_environment_unsafe',
    ]);
  });

  it.each([
    [{ ciwaArTotal: 20, cssrsRisk: 'high' }, ['alcohol_withdrawal_needs_management', 'suicide_risk_high']],
    [
      { cowsTotal: 15, recoveryEnvironmentUnsafe: true },
      ['opioid_withdrawal_needs_management', 'recovery_environment_unsafe'],
    ],
    [
      { ciwaArTotal: 15, cowsTotal: 12, cssrsRisk: 'moderate', recoveryEnvironmentUnsafe: true },
      ['recovery_environment_unsafe'],
    ],
  ] as [IntakeScreen, string[]][])('%o → %o', (screen, expected) => {
    expect(codes(screen)).toEqual(expected);
  });

  describe('configured thresholds', () => {
    it.each([
      [{ ciwaArTotal: 10 }, { ciwaArAbove: 10 }, []],
      [{ ciwaArTotal: 11 }, { ciwaArAbove: 10 }, ['alcohol_withdrawal_needs_management']],
      [{ ciwaArTotal: 16 }, { ciwaArAbove: 20 }, []],
      [{ cowsTotal: 7 }, { cowsAtLeast: 8 }, []],
      [{ cowsTotal: 8 }, { cowsAtLeast: 8 }, ['opioid_withdrawal_needs_management']],
      [{ cowsTotal: 13 }, { cowsAtLeast: 25 }, []],
      // Overriding one threshold keeps the other's default.
      [{ ciwaArTotal: 16, cowsTotal: 13 }, { cowsAtLeast: 25 }, ['alcohol_withdrawal_needs_management']],
    ] as [IntakeScreen, object, string[]][])('%o with %o → %o', (screen, thresholds, expected) => {
      expect(codes(screen, thresholds)).toEqual(expected);
    });
  });

  it('refers to 4th edition levels when asked', () => {
    const result = ruleOutForIop(
      { ciwaArTotal: 30, cssrsRisk: 'high', recoveryEnvironmentUnsafe: true },
      {},
      4,
    );
    expect(result.reasons.map((reason) => reason.referTo.level)).toEqual(['3.7', '4', '3.1']);
  });

  describe('bad input', () => {
    it.each([
      [{ ciwaArTotal: -1 }, ['ciwaArTotal']],
      [{ ciwaArTotal: 68 }, ['ciwaArTotal']],
      [{ ciwaArTotal: 15.5 }, ['ciwaArTotal']],
      [{ cowsTotal: 49 }, ['cowsTotal']],
      [{ cowsTotal: '13' }, ['cowsTotal']],
      [{ cssrsRisk: 'severe' }, ['cssrsRisk']],
      [{ medicallyUnstable: 'yes' }, ['medicallyUnstable']],
      [{ ciwaArTotal: 99, cowsTotal: -3, cssrsRisk: 'x' }, ['ciwaArTotal', 'cowsTotal', 'cssrsRisk']],
    ])('%o → fields %o', (screen, paths) => {
      expect(fieldPaths(() => ruleOutForIop(screen as IntakeScreen))).toEqual(paths);
    });

    it('rejects a threshold that is not a number', () => {
      expect(fieldPaths(() => ruleOutForIop({}, { ciwaArAbove: Number.NaN }))).toEqual([
        'thresholds.ciwaArAbove',
      ]);
    });

    it('treats null as not screened', () => {
      expect(ruleOutForIop({ ciwaArTotal: null, cowsTotal: null, cssrsRisk: null }).outcome).toBe(
        'proceed-to-assessment',
      );
    });
  });
});
