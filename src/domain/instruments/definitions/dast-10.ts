import type { InstrumentDefinition, InstrumentItem } from '../instrument-definition';
import { rangeBands, YES_NO } from './answer-scales';

const TEXTS = [
  'Have you used drugs other than those required for medical reasons?',
  'Do you abuse more than one drug at a time?',
  'Are you always able to stop using drugs when you want to?',
  'Have you had "blackouts" or "flashbacks" as a result of drug use?',
  'Do you ever feel bad or guilty about your drug use?',
  'Does your spouse (or parents) ever complain about your involvement with drugs?',
  'Have you neglected your family because of your use of drugs?',
  'Have you engaged in illegal activities in order to obtain drugs?',
  'Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs?',
  'Have you had medical problems as a result of your drug use (e.g., memory loss, hepatitis, convulsions, bleeding, etc.)?',
];

/**
 * DAST-10 (Skinner 1982). Answers are stored as given (yes = 1, no = 0); item 3 is reverse scored, so "No,
 * I am not always able to stop" scores 1. Bands: Skinner 1982 (Addict Behav 7:363) as used by
 * NIDA's screening guide: 0 none, 1–2 low, 3–5 moderate, 6–8 substantial, 9–10 severe.
 */
export const DAST_10: InstrumentDefinition = {
  id: 'dast-10',
  name: 'Drug Abuse Screening Test-10',
  shortName: 'DAST-10',
  version: '1',
  source: 'Skinner HA. The Drug Abuse Screening Test. Addict Behav 1982;7:363–371.',
  // Not public domain: © 1982 Harvey A. Skinner and CAMH, Toronto. The published notice allows
  // reproduction for non-commercial use (clinical, research, training) with credit to the author.
  terms:
    '© 1982 Harvey A. Skinner, PhD, and the Centre for Addiction and Mental Health, Toronto. May be reproduced for non-commercial clinical, research and training use with credit to the author.',
  loincTotal: '82667-7', // LOINC (loinc.org): confirm against the current release before a FHIR export.
  instructions:
    'These questions refer to the past 12 months and to drug use other than alcoholic beverages: prescribed or over-the-counter drugs used in excess of the directions, and any non-medical use of drugs.',
  administeredBy: 'patient',
  items: TEXTS.map(
    (text, index): InstrumentItem => ({
      id: `item${index + 1}`,
      number: index + 1,
      text,
      options: YES_NO,
      ...(index + 1 === 3 ? { reverse: true } : {}),
    }),
  ),
  total: 'sum',
  bands: rangeBands([
    ['none', 'No problems reported', 0, 0],
    ['low', 'Low level', 1, 2],
    ['moderate', 'Moderate level', 3, 5],
    ['substantial', 'Substantial level', 6, 8],
    ['severe', 'Severe level', 9, 10],
  ]),
  riskRules: [],
};
