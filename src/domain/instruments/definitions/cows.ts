import type { InstrumentDefinition, InstrumentItem } from '../instrument-definition';
import { rangeBands } from './answer-scales';

function sign(number: number, text: string, options: readonly [number, string][]): InstrumentItem {
  return {
    id: `item${number}`,
    number,
    text,
    options: options.map(([value, label]) => ({ value, label: `${value} – ${label}` })),
  };
}

/**
 * COWS (Wesson & Ling 2003): eleven signs, each with its own published points (pulse 0/1/2/4, restlessness
 * 0/1/3/5, gooseflesh 0/3/5 …), total 0–48. Bands (Wesson & Ling 2003, J Psychoactive Drugs 35:253): 5–12 mild, 13–24 moderate, 25–36
 * moderately severe, above 36 severe; below 5 no active withdrawal. Above the program's threshold (default:
 * above 12, i.e. moderate or worse) the score raises `withdrawal-threshold`.
 */
export const COWS: InstrumentDefinition = {
  id: 'cows',
  name: 'Clinical Opiate Withdrawal Scale',
  shortName: 'COWS',
  version: '1',
  source:
    'Wesson DR, Ling W. The Clinical Opiate Withdrawal Scale (COWS). J Psychoactive Drugs 2003;35:253–259.',
  // Verify before release: no copyright notice is printed on the published form.
  terms: 'Published by Wesson & Ling (2003); reproduced for clinical use in SAMHSA TIP 63.',
  instructions:
    'For each item, choose the rating that best describes the sign or symptom. Rate only its apparent relationship to opiate withdrawal: a pulse raised because the patient was jogging just before does not add to the score.',
  administeredBy: 'clinician',
  items: [
    sign(
      1,
      'Resting pulse rate (beats per minute), measured after the patient is sitting or lying for one minute',
      [
        [0, 'pulse rate 80 or below'],
        [1, 'pulse rate 81–100'],
        [2, 'pulse rate 101–120'],
        [4, 'pulse rate greater than 120'],
      ],
    ),
    sign(2, 'Sweating over the past ½ hour, not accounted for by room temperature or patient activity', [
      [0, 'no report of chills or flushing'],
      [1, 'subjective report of chills or flushing'],
      [2, 'flushed or observable moistness on face'],
      [3, 'beads of sweat on brow or face'],
      [4, 'sweat streaming off face'],
    ]),
    sign(3, 'Restlessness — observation during assessment', [
      [0, 'able to sit still'],
      [1, 'reports difficulty sitting still, but is able to do so'],
      [3, 'frequent shifting or extraneous movements of legs/arms'],
      [5, 'unable to sit still for more than a few seconds'],
    ]),
    sign(4, 'Pupil size', [
      [0, 'pupils pinned or normal size for room light'],
      [1, 'pupils possibly larger than normal for room light'],
      [2, 'pupils moderately dilated'],
      [5, 'pupils so dilated that only the rim of the iris is visible'],
    ]),
    sign(
      5,
      'Bone or joint aches — if the patient was having pain previously, only the additional component attributed to opiate withdrawal is scored',
      [
        [0, 'not present'],
        [1, 'mild diffuse discomfort'],
        [2, 'patient reports severe diffuse aching of joints/muscles'],
        [4, 'patient is rubbing joints or muscles and is unable to sit still because of discomfort'],
      ],
    ),
    sign(6, 'Runny nose or tearing — not accounted for by cold symptoms or allergies', [
      [0, 'not present'],
      [1, 'nasal stuffiness or unusually moist eyes'],
      [2, 'nose running or tearing'],
      [4, 'nose constantly running or tears streaming down cheeks'],
    ]),
    sign(7, 'GI upset over the last ½ hour', [
      [0, 'no GI symptoms'],
      [1, 'stomach cramps'],
      [2, 'nausea or loose stool'],
      [3, 'vomiting or diarrhea'],
      [5, 'multiple episodes of diarrhea or vomiting'],
    ]),
    sign(8, 'Tremor — observation of outstretched hands', [
      [0, 'no tremor'],
      [1, 'tremor can be felt, but not observed'],
      [2, 'slight tremor observable'],
      [4, 'gross tremor or muscle twitching'],
    ]),
    sign(9, 'Yawning — observation during assessment', [
      [0, 'no yawning'],
      [1, 'yawning once or twice during assessment'],
      [2, 'yawning three or more times during assessment'],
      [4, 'yawning several times/minute'],
    ]),
    sign(10, 'Anxiety or irritability', [
      [0, 'none'],
      [1, 'patient reports increasing irritability or anxiousness'],
      [2, 'patient obviously irritable or anxious'],
      [4, 'patient so irritable or anxious that participation in the assessment is difficult'],
    ]),
    sign(11, 'Gooseflesh skin', [
      [0, 'skin is smooth'],
      [3, 'piloerection of skin can be felt or hairs standing up on arms'],
      [5, 'prominent piloerection'],
    ]),
  ],
  total: 'sum',
  bands: rangeBands([
    ['none', 'No active withdrawal', 0, 4],
    ['mild', 'Mild withdrawal', 5, 12],
    ['moderate', 'Moderate withdrawal', 13, 24],
    ['moderately-severe', 'Moderately severe withdrawal', 25, 36],
    ['severe', 'Severe withdrawal', 37, 48],
  ]),
  riskRules: [{ flag: 'withdrawal-threshold', when: 'total-above-configured', defaultAbove: 12 }],
};
