import type { InstrumentDefinition } from '../instrument-definition';
import { FREQUENCY_TWO_WEEKS, numberedItems, rangeBands } from './answer-scales';

/**
 * PHQ-9 (Kroenke, Spitzer & Williams 2001). Bands as published (J Gen Intern Med 16:606):
 * 0–4, 5–9, 10–14, 15–19, 20–27; item 9 is the self-harm item. Item 10 (how difficult the
 * problems made things) is not scored and is left out.
 */
export const PHQ_9: InstrumentDefinition = {
  id: 'phq-9',
  name: 'Patient Health Questionnaire-9',
  shortName: 'PHQ-9',
  version: '1',
  source: 'Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606–613.',
  terms:
    'Developed by Drs. Spitzer, Williams, Kroenke and colleagues with a grant from Pfizer; no permission required to reproduce, translate, display or distribute.',
  loincTotal: '44261-6',
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  administeredBy: 'patient',
  items: numberedItems(
    [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    ],
    FREQUENCY_TWO_WEEKS,
  ),
  total: 'sum',
  bands: rangeBands([
    ['none', 'None–minimal', 0, 4],
    ['mild', 'Mild', 5, 9],
    ['moderate', 'Moderate', 10, 14],
    ['moderately-severe', 'Moderately severe', 15, 19],
    ['severe', 'Severe', 20, 27],
  ]),
  // Our safety rule (as in the PHQ-9 instructions, positive item 9 needs a clinician's follow-up): any answer above "Not at all" on item 9 → same-day suicide risk review.
  riskRules: [{ flag: 'suicide-risk-review', when: 'item-above', itemId: 'item9', above: 0 }],
};
