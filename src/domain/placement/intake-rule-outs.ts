import { type FieldError, throwIfInvalid } from '../input-error';
import type { AsamEdition, LevelCode } from './levels-of-care';

export const CSSRS_RISKS = ['none', 'low', 'moderate', 'high'] as const;
export type CssrsRisk = (typeof CSSRS_RISKS)[number];

/** What intake knows before the ASAM assessment. A screen not done yet is left out and rules nothing out. */
export interface IntakeScreen {
  /** CIWA-Ar total, 0–67. */
  ciwaArTotal?: number | null;
  /** COWS total, 0–48. */
  cowsTotal?: number | null;
  /** Risk level from the C-SSRS screener. */
  cssrsRisk?: CssrsRisk | null;
  /** A history of withdrawal seizures, delirium tremens or other complicated withdrawal. */
  withdrawalComplicationRisk?: boolean;
  /** A home that works against recovery (use in the home, violence, no safe place to live). */
  recoveryEnvironmentUnsafe?: boolean;
  /** An acute medical condition that needs hospital care. */
  medicallyUnstable?: boolean;
  /** Psychosis, mania or danger to others that needs psychiatric hospitalization. */
  acutePsychiatricSymptoms?: boolean;
}

/** Configuration: CIWA-Ar refers when the total is above `ciwaArAbove`; COWS when at or above `cowsAtLeast`. */
export interface RuleOutThresholds {
  ciwaArAbove: number;
  cowsAtLeast: number;
}

// CIWA-Ar above 15 is severe withdrawal (Sullivan et al. 1989, Br J Addict 84:1353): no IOP without withdrawal
// management; COWS 13–24 is moderate (Wesson & Ling 2003, J Psychoactive Drugs 35:253).
export const DEFAULT_RULE_OUT_THRESHOLDS: RuleOutThresholds = { ciwaArAbove: 15, cowsAtLeast: 13 };

export type RuleOutCode =
  | 'alcohol_withdrawal_needs_management'
  | 'opioid_withdrawal_needs_management'
  | 'withdrawal_complication_risk'
  | 'suicide_risk_high'
  | 'acute_psychiatric_symptoms'
  | 'medically_unstable'
  | 'recovery_environment_unsafe';

export interface Referral {
  level: LevelCode;
  label: string;
}

export interface RuleOutReason {
  code: RuleOutCode;
  message: string;
  referTo: Referral;
}

export interface RuleOutResult {
  outcome: 'proceed-to-assessment' | 'refer-higher-level';
  /** Every reason that applies, in a fixed order (withdrawal, psychiatric, medical, environment). */
  reasons: RuleOutReason[];
}

type ReferralKind = 'medical_withdrawal' | 'acute_psychiatric' | 'acute_medical' | 'residential';

const REFERRALS: Readonly<Record<AsamEdition, Record<ReferralKind, Referral>>> = {
  3: {
    medical_withdrawal: { level: '3.7-WM', label: 'Medically monitored inpatient withdrawal management' },
    acute_psychiatric: { level: '4', label: 'Acute psychiatric hospitalization' },
    acute_medical: { level: '4', label: 'Medically managed hospital care' },
    residential: { level: '3.1', label: 'Residential care, or sober living alongside a lower level' },
  },
  4: {
    medical_withdrawal: {
      level: '3.7',
      label: 'Medically managed residential care with withdrawal management',
    },
    acute_psychiatric: { level: '4', label: 'Acute psychiatric hospitalization' },
    acute_medical: { level: '4', label: 'Medically managed hospital care' },
    residential: { level: '3.1', label: 'Residential care, or sober living alongside a lower level' },
  },
};

function totalFieldErrors(path: string, value: unknown, max: number): FieldError[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    return [{ path, message: `The total is a whole number from 0 to ${max}.` }];
  }
  return [];
}

function screenFieldErrors(screen: IntakeScreen, thresholds: RuleOutThresholds): FieldError[] {
  const fields = [
    ...totalFieldErrors('ciwaArTotal', screen.ciwaArTotal, 67),
    ...totalFieldErrors('cowsTotal', screen.cowsTotal, 48),
  ];
  if (
    screen.cssrsRisk !== undefined &&
    screen.cssrsRisk !== null &&
    !CSSRS_RISKS.includes(screen.cssrsRisk)
  ) {
    fields.push({ path: 'cssrsRisk', message: `The C-SSRS risk is one of ${CSSRS_RISKS.join(', ')}.` });
  }
  const flags = [
    'withdrawalComplicationRisk',
    'recoveryEnvironmentUnsafe',
    'medicallyUnstable',
    'acutePsychiatricSymptoms',
  ] as const;
  for (const flag of flags) {
    const value = screen[flag];
    if (value !== undefined && typeof value !== 'boolean')
      fields.push({ path: flag, message: 'Answer yes or no.' });
  }
  for (const key of ['ciwaArAbove', 'cowsAtLeast'] as const) {
    if (!Number.isFinite(thresholds[key])) {
      fields.push({ path: `thresholds.${key}`, message: 'A threshold is a number.' });
    }
  }
  return fields;
}

/**
 * IOP rule-outs before the ASAM assessment (SAMHSA TIP 47, Substance Abuse: Clinical Issues in Intensive
 * Outpatient Treatment, 2006): no need for medically managed withdrawal,
 * no risk of withdrawal complications, no need for acute psychiatric or medical hospitalization, and a home
 * that does not work against recovery. Every reason that applies is listed, each with where to refer.
 */
export function ruleOutForIop(
  screen: IntakeScreen,
  thresholds: Partial<RuleOutThresholds> = {},
  edition: AsamEdition = 3,
): RuleOutResult {
  const limits: RuleOutThresholds = { ...DEFAULT_RULE_OUT_THRESHOLDS, ...thresholds };
  throwIfInvalid(screenFieldErrors(screen, limits));
  const referrals = REFERRALS[edition];
  const reasons: RuleOutReason[] = [];

  const { ciwaArTotal, cowsTotal } = screen;
  if (typeof ciwaArTotal === 'number' && ciwaArTotal > limits.ciwaArAbove) {
    reasons.push({
      code: 'alcohol_withdrawal_needs_management',
      message: `CIWA-Ar ${ciwaArTotal} is above ${limits.ciwaArAbove}: alcohol withdrawal needs management before IOP.`,
      referTo: referrals.medical_withdrawal,
    });
  }
  if (typeof cowsTotal === 'number' && cowsTotal >= limits.cowsAtLeast) {
    reasons.push({
      code: 'opioid_withdrawal_needs_management',
      message: `COWS ${cowsTotal} is ${limits.cowsAtLeast} or more: opioid withdrawal needs management before IOP.`,
      referTo: referrals.medical_withdrawal,
    });
  }
  if (screen.withdrawalComplicationRisk === true) {
    reasons.push({
      code: 'withdrawal_complication_risk',
      message:
        'A history of complicated withdrawal (seizures, delirium tremens) needs monitored withdrawal care.',
      referTo: referrals.medical_withdrawal,
    });
  }
  if (screen.cssrsRisk === 'high') {
    reasons.push({
      code: 'suicide_risk_high',
      message: 'The C-SSRS screener shows high suicide risk: act now and assess for hospitalization.',
      referTo: referrals.acute_psychiatric,
    });
  }
  if (screen.acutePsychiatricSymptoms === true) {
    reasons.push({
      code: 'acute_psychiatric_symptoms',
      message: 'Acute psychiatric symptoms need hospital care before IOP.',
      referTo: referrals.acute_psychiatric,
    });
  }
  if (screen.medicallyUnstable === true) {
    reasons.push({
      code: 'medically_unstable',
      message: 'An unstable medical condition needs hospital care before IOP.',
      referTo: referrals.acute_medical,
    });
  }
  if (screen.recoveryEnvironmentUnsafe === true) {
    reasons.push({
      code: 'recovery_environment_unsafe',
      message: 'The home works against recovery: consider residential care or sober living.',
      referTo: referrals.residential,
    });
  }

  return { outcome: reasons.length > 0 ? 'refer-higher-level' : 'proceed-to-assessment', reasons };
}
