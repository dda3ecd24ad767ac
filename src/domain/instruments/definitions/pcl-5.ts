import type { AnswerOption, InstrumentDefinition } from '../instrument-definition';
import { itemRange, numberedItems, scaleFromZero } from './answer-scales';

const HOW_MUCH_BOTHERED: readonly AnswerOption[] = scaleFromZero(
  'Not at all',
  'A little bit',
  'Moderately',
  'Quite a bit',
  'Extremely',
);

/**
 * PCL-5 (Weathers et al. 2013, National Center for PTSD). Total 0–80; the National Center for PTSD gives
 * 31–33 as the range for a provisional PTSD cut-off, so programs pick one (default 33; Bovin et al. 2016, Psychol Assess 28:1379). The
 * sub-scales are the DSM-5 symptom clusters B (1–5), C (6–7), D (8–14) and E (15–20) of the published scoring.
 */
export const PCL_5: InstrumentDefinition = {
  id: 'pcl-5',
  name: 'PTSD Checklist for DSM-5',
  shortName: 'PCL-5',
  version: '1',
  source:
    'Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 (PCL-5). National Center for PTSD, 2013.',
  terms: 'US Department of Veterans Affairs, National Center for PTSD; public domain.',
  instructions:
    'Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then indicate how much you have been bothered by that problem in the past month.',
  administeredBy: 'patient',
  items: numberedItems(
    [
      'Repeated, disturbing, and unwanted memories of the stressful experience?',
      'Repeated, disturbing dreams of the stressful experience?',
      'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
      'Feeling very upset when something reminded you of the stressful experience?',
      'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
      'Avoiding memories, thoughts, or feelings related to the stressful experience?',
      'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
      'Trouble remembering important parts of the stressful experience?',
      'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
      'Blaming yourself or someone else for the stressful experience or what happened after it?',
      'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
      'Loss of interest in activities that you used to enjoy?',
      'Feeling distant or cut off from other people?',
      'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
      'Irritable behavior, angry outbursts, or acting aggressively?',
      'Taking too many risks or doing things that could cause you harm?',
      'Being "superalert" or watchful or on guard?',
      'Feeling jumpy or easily startled?',
      'Having difficulty concentrating?',
      'Trouble falling or staying asleep?',
    ],
    HOW_MUCH_BOTHERED,
  ),
  total: 'sum',
  subscales: [
    { id: 'intrusion', label: 'Intrusion (B)', itemIds: itemRange(1, 5) },
    { id: 'avoidance', label: 'Avoidance (C)', itemIds: ['item6', 'item7'] },
    {
      id: 'cognition-mood',
      label: 'Negative alterations in cognition and mood (D)',
      itemIds: itemRange(8, 14),
    },
    {
      id: 'arousal-reactivity',
      label: 'Alterations in arousal and reactivity (E)',
      itemIds: itemRange(15, 20),
    },
  ],
  bands: {
    kind: 'cutoff',
    cutoff: { by: 'config', default: 33, min: 31, max: 33 },
    negative: { id: 'below-cutoff', label: 'Below provisional PTSD cut-off' },
    positive: { id: 'provisional-ptsd', label: 'Provisional PTSD (confirm by clinical interview)' },
  },
  riskRules: [],
};
