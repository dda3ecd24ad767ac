import type { AnswerOption, InstrumentDefinition, InstrumentItem } from '../instrument-definition';
import { item, rangeBands, scaleFromZero, scoredAnswers } from './answer-scales';

const SOURCE =
  'Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders Identification Test, Guidelines for Use in Primary Care, 2nd ed. WHO 2001.';
const TERMS = 'World Health Organization; may be used freely without permission (WHO AUDIT manual).';

const HOW_OFTEN_IN_LAST_YEAR: readonly AnswerOption[] = scaleFromZero(
  'Never',
  'Less than monthly',
  'Monthly',
  'Weekly',
  'Daily or almost daily',
);

/** Items 9 and 10 score 0, 2 or 4: there is no 1 or 3 on the published form. */
const NO_NOT_IN_LAST_YEAR_YES: readonly AnswerOption[] = scoredAnswers([
  [0, 'No'],
  [2, 'Yes, but not in the last year'],
  [4, 'Yes, during the last year'],
]);

/** AUDIT items 1–3 are also the whole AUDIT-C. */
const CONSUMPTION_ITEMS: readonly InstrumentItem[] = [
  {
    id: 'item1',
    number: 1,
    text: 'How often do you have a drink containing alcohol?',
    options: scaleFromZero(
      'Never',
      'Monthly or less',
      '2 to 4 times a month',
      '2 to 3 times a week',
      '4 or more times a week',
    ),
  },
  item(
    2,
    'How many drinks containing alcohol do you have on a typical day when you are drinking?',
    scaleFromZero('1 or 2', '3 or 4', '5 or 6', '7, 8, or 9', '10 or more'),
  ),
  item(3, 'How often do you have six or more drinks on one occasion?', HOW_OFTEN_IN_LAST_YEAR),
];

function lastYear(number: number, text: string): InstrumentItem {
  return { id: `item${number}`, number, text, options: HOW_OFTEN_IN_LAST_YEAR };
}

/** AUDIT (WHO). Zones I–IV of the WHO manual (Babor et al. 2001,
 * WHO/MSD/MSB/01.6a): 0–7, 8–15, 16–19, 20–40. */
export const AUDIT: InstrumentDefinition = {
  id: 'audit',
  name: 'Alcohol Use Disorders Identification Test',
  shortName: 'AUDIT',
  version: '1',
  source: SOURCE,
  terms: TERMS,
  loincTotal: '75624-7', // LOINC (loinc.org): confirm against the current release before a FHIR export.
  instructions:
    'These questions are about your use of alcoholic beverages during the past year. One drink is one standard drink.',
  administeredBy: 'patient',
  items: [
    ...CONSUMPTION_ITEMS,
    lastYear(
      4,
      'How often during the last year have you found that you were not able to stop drinking once you had started?',
    ),
    lastYear(
      5,
      'How often during the last year have you failed to do what was normally expected from you because of drinking?',
    ),
    lastYear(
      6,
      'How often during the last year have you needed a first drink in the morning to get yourself going after a heavy drinking session?',
    ),
    lastYear(7, 'How often during the last year have you had a feeling of guilt or remorse after drinking?'),
    lastYear(
      8,
      'How often during the last year have you been unable to remember what happened the night before because you had been drinking?',
    ),
    item(9, 'Have you or someone else been injured as a result of your drinking?', NO_NOT_IN_LAST_YEAR_YES),
    item(
      10,
      'Has a relative or friend or a doctor or another health worker been concerned about your drinking or suggested you cut down?',
      NO_NOT_IN_LAST_YEAR_YES,
    ),
  ],
  total: 'sum',
  bands: rangeBands([
    ['low', 'Low risk', 0, 7],
    ['hazardous', 'Hazardous use', 8, 15],
    ['harmful', 'Harmful use', 16, 19],
    ['possible-dependence', 'Possible dependence', 20, 40],
  ]),
  riskRules: [],
};

/**
 * AUDIT-C (Bush et al. 1998): AUDIT items 1–3. Positive at ≥ 4 for men and ≥ 3 for women (Bradley et al. 2007, Alcohol Clin Exp Res 31:1208).
 * Sex not recorded as male or female → the lower cut-off, so an unknown sex never hides a positive screen
 * (our choice; the result carries the cut-off used).
 */
export const AUDIT_C: InstrumentDefinition = {
  id: 'audit-c',
  name: 'AUDIT-Consumption',
  shortName: 'AUDIT-C',
  version: '1',
  source:
    'Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. Arch Intern Med 1998;158:1789–1795 (items from the WHO AUDIT).',
  terms: TERMS,
  loincTotal: '75626-2', // LOINC code used by the HL7 US Core example for AUDIT-C.
  instructions: 'These questions are about your use of alcoholic beverages during the past year.',
  administeredBy: 'patient',
  items: CONSUMPTION_ITEMS,
  total: 'sum',
  bands: {
    kind: 'cutoff',
    cutoff: { by: 'sex', male: 4, female: 3, unknown: 3 },
    negative: { id: 'negative', label: 'Negative screen' },
    positive: { id: 'positive', label: 'Positive screen' },
  },
  riskRules: [],
};
