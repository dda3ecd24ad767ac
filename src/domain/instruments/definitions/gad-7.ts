import type { InstrumentDefinition } from '../instrument-definition';
import { FREQUENCY_TWO_WEEKS, numberedItems, rangeBands } from './answer-scales';

/** GAD-7 (Spitzer, Kroenke, Williams & Löwe 2006). Bands as published (Arch Intern Med 166:1092):
 * 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe. */
export const GAD_7: InstrumentDefinition = {
  id: 'gad-7',
  name: 'Generalized Anxiety Disorder-7',
  shortName: 'GAD-7',
  version: '1',
  source: 'Spitzer RL, Kroenke K, Williams JB, Löwe B. Arch Intern Med 2006;166:1092–1097.',
  terms:
    'Developed by Drs. Spitzer, Williams, Kroenke and colleagues with a grant from Pfizer; no permission required to reproduce, translate, display or distribute.',
  loincTotal: '70274-6',
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  administeredBy: 'patient',
  items: numberedItems(
    [
      'Feeling nervous, anxious, or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid, as if something awful might happen',
    ],
    FREQUENCY_TWO_WEEKS,
  ),
  total: 'sum',
  bands: rangeBands([
    ['minimal', 'Minimal', 0, 4],
    ['mild', 'Mild', 5, 9],
    ['moderate', 'Moderate', 10, 14],
    ['severe', 'Severe', 15, 21],
  ]),
  riskRules: [],
};
