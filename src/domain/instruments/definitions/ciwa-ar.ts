import type { InstrumentDefinition, InstrumentItem } from '../instrument-definition';
import { anchoredScale, rangeBands, scaleFromZero } from './answer-scales';

const HALLUCINATION_STEPS = {
  4: 'moderately severe hallucinations',
  5: 'severe hallucinations',
  6: 'extremely severe hallucinations',
  7: 'continuous hallucinations',
};

function rated(number: number, text: string, anchors: Readonly<Record<number, string>>): InstrumentItem {
  return { id: `item${number}`, number, text, options: anchoredScale(7, anchors) };
}

/**
 * CIWA-Ar (Sullivan et al. 1989): nine signs rated 0–7 and orientation 0–4, total 0–67. The published form
 * labels only some points; the others are valid in-between ratings. Bands (Sullivan et al. 1989, Br J Addict 84:1353): below 10
 * absent or minimal, 10–15 moderate, above 15 severe. Above the program's threshold (default: above 15, the
 * "no IOP without withdrawal management" line of the intake rule-outs, intake-rule-outs.ts) the score raises `withdrawal-threshold`.
 */
export const CIWA_AR: InstrumentDefinition = {
  id: 'ciwa-ar',
  name: 'Clinical Institute Withdrawal Assessment for Alcohol, revised',
  shortName: 'CIWA-Ar',
  version: '1',
  source:
    'Sullivan JT, Sykora K, Schneiderman J, Naranjo CA, Sellers EM. Assessment of alcohol withdrawal: the revised Clinical Institute Withdrawal Assessment for Alcohol scale (CIWA-Ar). Br J Addict 1989;84:1353–1357.',
  terms: 'Not copyrighted; may be reproduced freely (as stated on the published form).',
  instructions: 'Rate each sign or symptom from what the patient reports and what you observe.',
  administeredBy: 'clinician',
  items: [
    rated(1, 'Nausea and vomiting — ask "Do you feel sick to your stomach? Have you vomited?" Observation.', {
      0: 'no nausea and no vomiting',
      1: 'mild nausea with no vomiting',
      4: 'intermittent nausea with dry heaves',
      7: 'constant nausea, frequent dry heaves and vomiting',
    }),
    rated(2, 'Tremor — arms extended and fingers spread apart. Observation.', {
      0: 'no tremor',
      1: 'not visible, but can be felt fingertip to fingertip',
      4: "moderate, with patient's arms extended",
      7: 'severe, even with arms not extended',
    }),
    rated(3, 'Paroxysmal sweats. Observation.', {
      0: 'no sweat visible',
      1: 'barely perceptible sweating, palms moist',
      4: 'beads of sweat obvious on forehead',
      7: 'drenching sweats',
    }),
    rated(4, 'Anxiety — ask "Do you feel nervous?" Observation.', {
      0: 'no anxiety, at ease',
      1: 'mildly anxious',
      4: 'moderately anxious, or guarded, so anxiety is inferred',
      7: 'equivalent to acute panic states as seen in severe delirium or acute schizophrenic reactions',
    }),
    rated(5, 'Agitation. Observation.', {
      0: 'normal activity',
      1: 'somewhat more than normal activity',
      4: 'moderately fidgety and restless',
      7: 'paces back and forth during most of the interview, or constantly thrashes about',
    }),
    rated(
      6,
      'Tactile disturbances — ask "Have you any itching, pins and needles sensations, any burning, any numbness, or do you feel bugs crawling on or under your skin?" Observation.',
      {
        0: 'none',
        1: 'very mild itching, pins and needles, burning or numbness',
        2: 'mild itching, pins and needles, burning or numbness',
        3: 'moderate itching, pins and needles, burning or numbness',
        ...HALLUCINATION_STEPS,
      },
    ),
    rated(
      7,
      'Auditory disturbances — ask "Are you more aware of sounds around you? Are they harsh? Do they frighten you? Are you hearing anything that is disturbing to you? Are you hearing things you know are not there?" Observation.',
      {
        0: 'not present',
        1: 'very mild harshness or ability to frighten',
        2: 'mild harshness or ability to frighten',
        3: 'moderate harshness or ability to frighten',
        ...HALLUCINATION_STEPS,
      },
    ),
    rated(
      8,
      'Visual disturbances — ask "Does the light appear to be too bright? Is its color different? Does it hurt your eyes? Are you seeing anything that is disturbing to you? Are you seeing things you know are not there?" Observation.',
      {
        0: 'not present',
        1: 'very mild sensitivity',
        2: 'mild sensitivity',
        3: 'moderate sensitivity',
        ...HALLUCINATION_STEPS,
      },
    ),
    rated(
      9,
      'Headache, fullness in head — ask "Does your head feel different? Does it feel like there is a band around your head?" Do not rate for dizziness or lightheadedness; otherwise, rate severity.',
      {
        0: 'not present',
        1: 'very mild',
        2: 'mild',
        3: 'moderate',
        4: 'moderately severe',
        5: 'severe',
        6: 'very severe',
        7: 'extremely severe',
      },
    ),
    {
      id: 'item10',
      number: 10,
      text: 'Orientation and clouding of sensorium — ask "What day is this? Where are you? Who am I?"',
      options: scaleFromZero(
        '0 – oriented and can do serial additions',
        '1 – cannot do serial additions or is uncertain about date',
        '2 – disoriented for date by no more than 2 calendar days',
        '3 – disoriented for date by more than 2 calendar days',
        '4 – disoriented for place and/or person',
      ),
    },
  ],
  total: 'sum',
  bands: rangeBands([
    ['minimal', 'Absent or minimal withdrawal', 0, 9],
    ['moderate', 'Moderate withdrawal', 10, 15],
    ['severe', 'Severe withdrawal', 16, 67],
  ]),
  riskRules: [{ flag: 'withdrawal-threshold', when: 'total-above-configured', defaultAbove: 15 }],
};
