import type { InstrumentDefinition } from '../instrument-definition';
import { item, YES_NO } from './answer-scales';

/**
 * C-SSRS screener, "recent" version with triage (Posner et al., Columbia Lighthouse Project). Items 1–5 ask
 * about the past month, item 6 about the lifetime, with a follow-up: within the past 3 months? Items 3–5 are
 * asked only after a yes to item 2, the follow-up only after a yes to item 6.
 *
 * Published triage, most severe first: yes to 4 or 5, or behavior (6) within 3 months → high risk; yes to 3,
 * or behavior (6) longer ago → moderate; yes to 1 or 2 only → low. The screener has no total score.
 */
export const C_SSRS_SCREENER: InstrumentDefinition = {
  id: 'c-ssrs-screener',
  name: 'Columbia-Suicide Severity Rating Scale, Screener',
  shortName: 'C-SSRS screener',
  version: '1',
  source:
    'Posner K, Brown GK, Stanley B, et al. Am J Psychiatry 2011;168:1266–1277; C-SSRS Screen Version (recent), Columbia Lighthouse Project.',
  // Verify before release: Columbia publishes its own terms; use is free in clinical settings, but the
  // Lighthouse Project asks software makers to contact it.
  terms:
    '© The Research Foundation for Mental Hygiene, Inc. Free for clinical use; see the Columbia Lighthouse Project for terms.',
  instructions:
    'Ask questions 1 and 2. If both are no, go to question 6. If question 2 is yes, ask questions 3, 4, 5 and 6.',
  administeredBy: 'clinician',
  items: [
    item(
      1,
      'In the past month, have you wished you were dead or wished you could go to sleep and not wake up?',
      YES_NO,
    ),
    item(2, 'In the past month, have you actually had any thoughts of killing yourself?', YES_NO),
    {
      id: 'item3',
      number: 3,
      text: 'In the past month, have you been thinking about how you might do this?',
      options: YES_NO,
      askedWhen: { itemId: 'item2', atLeast: 1 },
    },
    {
      id: 'item4',
      number: 4,
      text: 'In the past month, have you had these thoughts and had some intention of acting on them?',
      options: YES_NO,
      askedWhen: { itemId: 'item2', atLeast: 1 },
    },
    {
      id: 'item5',
      number: 5,
      text: 'In the past month, have you started to work out or worked out the details of how to kill yourself? Do you intend to carry out this plan?',
      options: YES_NO,
      askedWhen: { itemId: 'item2', atLeast: 1 },
    },
    item(
      6,
      'Have you ever done anything, started to do anything, or prepared to do anything to end your life?',
      YES_NO,
    ),
    {
      id: 'item6Recent',
      number: 6,
      part: 'b',
      text: 'Was this within the past 3 months?',
      options: YES_NO,
      scored: false,
      askedWhen: { itemId: 'item6', atLeast: 1 },
    },
  ],
  total: 'none',
  bands: {
    kind: 'triage',
    levels: [
      { id: 'high', label: 'High risk', whenAllYes: [['item4'], ['item5'], ['item6', 'item6Recent']] },
      { id: 'moderate', label: 'Moderate risk', whenAllYes: [['item3'], ['item6']] },
      { id: 'low', label: 'Low risk', whenAllYes: [['item1'], ['item2']] },
    ],
    otherwise: { id: 'none', label: 'No ideation or behavior reported' },
  },
  riskRules: [
    { flag: 'suicide-risk-high', when: 'band-in', bandIds: ['high'] },
    // Our choice, matching PHQ-9 item 9: any ideation below high risk still gets a same-day review.
    { flag: 'suicide-risk-review', when: 'band-in', bandIds: ['moderate', 'low'] },
  ],
};
