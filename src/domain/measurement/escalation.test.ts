import { describe, expect, it } from 'vitest';
import { getInstrument, type InstrumentId, scoreInstrument } from '../instruments';
import { scoreOptionsForProgram, showsCrisisLine, urgentTaskFor } from './escalation';

const phq9 = (item9: number) => ({
  item1: 1,
  item2: 1,
  item3: 0,
  item4: 0,
  item5: 0,
  item6: 0,
  item7: 0,
  item8: 0,
  item9,
});
function withdrawalAnswers(instrumentId: 'ciwa-ar' | 'cows', total: number): Record<string, number> {
  // Every item of both scales has a 0 answer: take the largest answer that still fits, item by item.
  const answers: Record<string, number> = {};
  let left = total;
  for (const item of getInstrument(instrumentId).items) {
    const fit = item.options.map((o) => o.value).filter((v) => v <= left);
    const v = Math.max(...fit);
    answers[item.id] = v;
    left -= v;
  }
  if (left !== 0) throw new Error(`cannot reach ${total}`);
  return answers;
}

const NORTH = { ciwaArAbove: 15, cowsAtLeast: 13 };

describe('urgentTaskFor', () => {
  const cases: [string, InstrumentId, Record<string, number>, typeof NORTH, string | null][] = [
    ['PHQ-9 item 9 = 0', 'phq-9', phq9(0), NORTH, null],
    ['PHQ-9 item 9 = 1', 'phq-9', phq9(1), NORTH, 'suicide_risk_review'],
    ['PHQ-9 item 9 = 3', 'phq-9', phq9(3), NORTH, 'suicide_risk_review'],
    ['C-SSRS all no', 'c-ssrs-screener', { item1: 0, item2: 0, item6: 0 }, NORTH, null],
    [
      'C-SSRS wish to be dead only',
      'c-ssrs-screener',
      { item1: 1, item2: 0, item6: 0 },
      NORTH,
      'suicide_risk_review',
    ],
    [
      'C-SSRS intent (item 4)',
      'c-ssrs-screener',
      { item1: 1, item2: 1, item3: 1, item4: 1, item5: 0, item6: 0 },
      NORTH,
      'suicide_risk_high',
    ],
    ['CIWA-Ar 15 with threshold above 15', 'ciwa-ar', withdrawalAnswers('ciwa-ar', 15), NORTH, null],
    [
      'CIWA-Ar 16 with threshold above 15',
      'ciwa-ar',
      withdrawalAnswers('ciwa-ar', 16),
      NORTH,
      'withdrawal_threshold',
    ],
    [
      'CIWA-Ar 11 with a program threshold above 10',
      'ciwa-ar',
      withdrawalAnswers('ciwa-ar', 11),
      { ...NORTH, ciwaArAbove: 10 },
      'withdrawal_threshold',
    ],
    ['COWS 12 with threshold at 13', 'cows', withdrawalAnswers('cows', 12), NORTH, null],
    ['COWS 13 with threshold at 13', 'cows', withdrawalAnswers('cows', 13), NORTH, 'withdrawal_threshold'],
    [
      'COWS 8 with a program threshold at 8',
      'cows',
      withdrawalAnswers('cows', 8),
      { ...NORTH, cowsAtLeast: 8 },
      'withdrawal_threshold',
    ],
  ];

  it.each(cases)('%s', (_name, instrumentId, answers, thresholds, task) => {
    const score = scoreInstrument(instrumentId, answers, scoreOptionsForProgram(instrumentId, thresholds));
    expect(urgentTaskFor(score)).toBe(task);
  });

  it('raises one task of the most urgent kind when several flags are up', () => {
    expect(
      urgentTaskFor({ riskFlags: ['withdrawal-threshold', 'suicide-risk-review', 'suicide-risk-high'] }),
    ).toBe('suicide_risk_high');
  });

  it('shows the crisis line for suicide risk, not for withdrawal', () => {
    expect(showsCrisisLine('suicide_risk_review')).toBe(true);
    expect(showsCrisisLine('suicide_risk_high')).toBe(true);
    expect(showsCrisisLine('withdrawal_threshold')).toBe(false);
    expect(showsCrisisLine(null)).toBe(false);
  });
});
