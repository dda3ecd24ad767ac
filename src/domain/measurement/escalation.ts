import type { InstrumentId, InstrumentScore, RiskFlag, ScoreOptions } from '../instruments';

export type UrgentTaskType = 'suicide_risk_high' | 'suicide_risk_review' | 'withdrawal_threshold';

/** Most urgent first: one result raises at most one task, of its most urgent kind. */
const BY_URGENCY: readonly [RiskFlag, UrgentTaskType][] = [
  ['suicide-risk-high', 'suicide_risk_high'],
  ['suicide-risk-review', 'suicide_risk_review'],
  ['withdrawal-threshold', 'withdrawal_threshold'],
];

/**
 * The urgent task a scored result raises for the patient's primary clinician, or null.
 * PHQ-9 item 9 above 0 and any C-SSRS ideation below high risk ask for a same-day review; C-SSRS high risk
 * asks for immediate action; CIWA-Ar or COWS above the program's threshold asks for a withdrawal review.
 */
export function urgentTaskFor(score: Pick<InstrumentScore, 'riskFlags'>): UrgentTaskType | null {
  return BY_URGENCY.find(([flag]) => score.riskFlags.includes(flag))?.[1] ?? null;
}

/** A task of these kinds means the patient should see the 24-hour crisis line right away. */
export function showsCrisisLine(task: UrgentTaskType | null): boolean {
  return task === 'suicide_risk_high' || task === 'suicide_risk_review';
}

export type ProgramThresholds = { ciwaArAbove: number; cowsAtLeast: number };

/**
 * Scoring options from the program's intake thresholds, so scheduled withdrawal scales escalate at the same
 * scores that rule a patient out at intake: CIWA-Ar above `ciwaArAbove`; COWS at or above `cowsAtLeast`.
 */
export function scoreOptionsForProgram(
  instrumentId: InstrumentId,
  thresholds: ProgramThresholds,
): ScoreOptions {
  if (instrumentId === 'ciwa-ar') return { withdrawalFlagAbove: thresholds.ciwaArAbove };
  if (instrumentId === 'cows') return { withdrawalFlagAbove: thresholds.cowsAtLeast - 1 };
  return {};
}
