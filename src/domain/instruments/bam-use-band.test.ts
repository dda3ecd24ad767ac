import { describe, expect, it } from 'vitest';
import { bamAlwaysAskedAtZero } from './bam-test-answers';
import { scoreInstrument } from './score-instrument';

/** BAM has no validated total: its band comes from the Use sub-scale (items 4 + 5 + 6), 0 versus 1 or more. */
describe('scoreInstrument: BAM Use band edges', () => {
  const none = bamAlwaysAskedAtZero;
  const drugDays = { item7a: 0, item7b: 0, item7c: 0, item7d: 0, item7e: 0, item7f: 0, item7g: 0 };

  it.each([
    ['no use at all', none, 0, 'no-use'],
    ['one day of drug use', { ...none, item6: 1, ...drugDays }, 1, 'use-reported'],
    ['one day of drinking, no heavy days', { ...none, item4: 1, item5: 0 }, 1, 'use-reported'],
    [
      'the most use the form can record',
      { ...none, item4: 4, item5: 4, item6: 4, ...drugDays },
      12,
      'use-reported',
    ],
  ] as const)('%s → Use %i, %s', (_name, answers, use, bandId) => {
    const score = scoreInstrument('bam', answers);
    expect(score.subscales?.use).toBe(use);
    expect(score.band.id).toBe(bandId);
  });
});
