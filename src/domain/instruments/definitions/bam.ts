import type { AnswerOption, InstrumentDefinition, InstrumentItem } from '../instrument-definition';
import { item, rangeBands, scaleFromZero, scoredAnswers } from './answer-scales';

/**
 * Day-count items are answered in the categories of the VA categorical BAM and scored 0–4, so every
 * sub-scale item has the same weight (Use 0–12, Risk 0–24, Protective 0–24). A screen that asks for an exact
 * number of days converts it with `bamDaysCategory`.
 */
const DAYS: readonly AnswerOption[] = scaleFromZero(
  '0 days',
  '1–3 days',
  '4–8 days',
  '9–15 days',
  '16–30 days',
);

const NOT_AT_ALL_TO_EXTREMELY: readonly AnswerOption[] = scaleFromZero(
  'Not at all',
  'Slightly',
  'Moderately',
  'Considerably',
  'Extremely',
);

/** The BAM category (0–4) for an exact count of days in the past 30. */
export function bamDaysCategory(days: number): number {
  if (days <= 0) return 0;
  if (days <= 3) return 1;
  if (days <= 8) return 2;
  if (days <= 15) return 3;
  return 4;
}

const DRUGS: readonly [string, string][] = [
  ['A', 'Marijuana (cannabis, pot, weed)'],
  [
    'B',
    'Sedatives/tranquilizers (e.g., "benzos", Valium, Xanax, Ativan, Ambien, "barbs", phenobarbital, downers)',
  ],
  ['C', 'Cocaine/crack'],
  [
    'D',
    'Other stimulants (e.g., amphetamine, methamphetamine, Dexedrine, Ritalin, Adderall, "speed", "crystal meth", "ice")',
  ],
  [
    'E',
    'Opiates (e.g., heroin, morphine, Dilaudid, Demerol, OxyContin, oxycodone, hydrocodone, Vicodin, Percocet)',
  ],
  ['F', 'Inhalants (e.g., glues, adhesives, nail polish remover, paint thinner)'],
  [
    'G',
    'Other drugs (e.g., steroids, non-prescription sleep/diet pills, Benadryl, ephedra, other over-the-counter or unknown medications)',
  ],
];

const DRUG_ITEMS: readonly InstrumentItem[] = DRUGS.map(([part, drug]) => ({
  id: `item7${part.toLowerCase()}`,
  number: 7,
  part,
  text: `In the past 30 days, how many days did you use: ${drug}?`,
  options: DAYS,
  scored: false,
  askedWhen: { itemId: 'item6', atLeast: 1 },
}));

/**
 * Brief Addiction Monitor (Cacciola et al. 2013; VA VISN 4 MIRECC / Philadelphia CESATE manual), 17 items
 * about the past 30 days. Published scoring: Use = 4 + 5 + 6; Risk = 1 + 2 + 3 + 8 + 11 + 15; Protective =
 * 9 + 10 + 12 + 13 + 14 + 16. Items 7A–7G elaborate item 6 and item 17 (satisfaction with recovery progress)
 * is read on its own: neither is in any sub-scale. No single total is validated, so the total is left out;
 * the band only says whether any use was reported (Use ≥ 1), the cut-off clinicians read on the Use score.
 */
export const BAM: InstrumentDefinition = {
  id: 'bam',
  name: 'Brief Addiction Monitor',
  shortName: 'BAM',
  version: '1',
  source:
    'Cacciola JS, Alterman AI, DePhilippis D, et al. Development and initial evaluation of the Brief Addiction Monitor (BAM). J Subst Abuse Treat 2013;44:256–263.',
  terms: 'Developed by the US Department of Veterans Affairs; a US government work, free to use.',
  instructions:
    'The following questions ask about several areas of your life such as your health, alcohol and drug use, thinking about the last 30 days.',
  administeredBy: 'patient',
  items: [
    item(
      1,
      'In the past 30 days, would you say your physical health has been:',
      scaleFromZero('Excellent', 'Very good', 'Good', 'Fair', 'Poor'),
    ),
    item(
      2,
      'In the past 30 days, how many nights did you have trouble falling asleep or staying asleep?',
      DAYS,
    ),
    item(
      3,
      'In the past 30 days, how many days have you felt depressed, anxious, angry or very upset throughout most of the day?',
      DAYS,
    ),
    item(4, 'In the past 30 days, how many days did you drink ANY alcohol?', DAYS),
    {
      id: 'item5',
      number: 5,
      text: 'In the past 30 days, how many days did you have at least 5 drinks (if you are a man) or at least 4 drinks (if you are a woman)? [One drink is considered one shot of hard liquor (1.5 oz.) or 12-ounce can/bottle of beer or 5 ounce glass of wine.]',
      options: DAYS,
      askedWhen: { itemId: 'item4', atLeast: 1 },
    },
    item(
      6,
      'In the past 30 days, how many days did you use any illegal/street drugs or abuse any prescription medications?',
      DAYS,
    ),
    ...DRUG_ITEMS,
    item(
      8,
      'In the past 30 days, how much were you bothered by cravings or urges to drink alcohol or use drugs?',
      NOT_AT_ALL_TO_EXTREMELY,
    ),
    item(
      9,
      'How confident are you in your ability to be completely abstinent (clean) from alcohol and drugs in the next 30 days?',
      NOT_AT_ALL_TO_EXTREMELY,
    ),
    item(
      10,
      'In the past 30 days, how many days did you attend self-help meetings like AA or NA to support your recovery?',
      DAYS,
    ),
    item(
      11,
      'In the past 30 days, how many days were you in any situations or with any people that might put you at an increased risk for using alcohol or drugs (i.e., around risky "people, places or things")?',
      DAYS,
    ),
    item(12, 'Does your religion or spirituality help support your recovery?', NOT_AT_ALL_TO_EXTREMELY),
    item(
      13,
      'In the past 30 days, how many days did you spend much of the time at work, school, or doing volunteer work?',
      DAYS,
    ),
    {
      id: 'item14',
      number: 14,
      text: 'Do you have enough income (from legal sources) to pay for necessities such as housing, transportation, food and clothing for yourself and your dependents?',
      // Protective item: "Yes" carries the full 4 points of protection.
      options: scoredAnswers([
        [0, 'No'],
        [4, 'Yes'],
      ]),
    },
    item(
      15,
      'In the past 30 days, how much have you been bothered by arguments or problems getting along with any family members or friends?',
      NOT_AT_ALL_TO_EXTREMELY,
    ),
    item(
      16,
      'In the past 30 days, how many days were you in contact or spent time with any family members or friends who are supportive of your recovery?',
      DAYS,
    ),
    item(
      17,
      'How satisfied are you with your progress toward achieving your recovery goals?',
      NOT_AT_ALL_TO_EXTREMELY,
      { scored: false },
    ),
  ],
  total: 'none',
  subscales: [
    { id: 'use', label: 'Use', itemIds: ['item4', 'item5', 'item6'] },
    { id: 'risk', label: 'Risk factors', itemIds: ['item1', 'item2', 'item3', 'item8', 'item11', 'item15'] },
    {
      id: 'protective',
      label: 'Protective factors',
      itemIds: ['item9', 'item10', 'item12', 'item13', 'item14', 'item16'],
    },
  ],
  bands: rangeBands(
    [
      ['no-use', 'No use reported', 0, 0],
      ['use-reported', 'Use reported', 1, 12],
    ],
    { subscaleId: 'use' },
  ),
  riskRules: [],
};
