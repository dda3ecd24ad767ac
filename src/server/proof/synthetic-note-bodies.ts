import type { NoteType } from '../../domain/documentation/note-types';

/** The synthetic notes' bodies: each note type's fields, written from short phrase lists, risk now and then. */
const INTERVENTIONS = [
  'cbt',
  'motivational_interviewing',
  'relapse_prevention',
  'twelve_step_facilitation',
  'matrix_model',
  'psychoeducation',
  'trauma_counseling',
] as const;
const FOCUS = [
  'Cravings after a weekend visit with old friends; planning the next one.',
  'Sleep and evening routine; the link between poor sleep and cravings.',
  'Conflict with a partner about money; a plan for the conversation.',
  'Return to work next month: disclosure, schedule, and a lunch-hour plan.',
  'Grief around the anniversary of a loss; coping without using.',
  'Reviewing a lapse last week: what happened before, during and after.',
];
const RESPONSE = [
  'Engaged throughout; named two triggers and one coping step for each.',
  'Guarded at first, then open; agreed to try the plan this week.',
  'Tearful when discussing the loss; used grounding in session to good effect.',
  'Reported fewer cravings; completed the homework log for five of seven days.',
];
const PLAN = [
  'Continue weekly groups; individual session in three weeks; practise urge surfing daily.',
  'Keep the craving log; call sponsor before weekend events; review at the next session.',
  'Safety plan reviewed and unchanged; continue the current level of care.',
];
const RISK_NOTES = 'Passive thoughts without plan or intent; safety plan reviewed; crisis line given.';

export function pickFrom<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)]!;
}

function risk(random: () => number) {
  return random() < 0.08 ? { level: 'low', notes: RISK_NOTES } : { level: 'none' };
}

/** A complete body of each type (what signing requires), in the same fields the note forms send. */
export function noteBody(type: NoteType, random: () => number): Record<string, unknown> {
  const focus = pickFrom(random, FOCUS);
  const plan = pickFrom(random, PLAN);
  switch (type) {
    case 'individual_therapy':
      return {
        focus,
        interventions: [pickFrom(random, INTERVENTIONS), pickFrom(random, INTERVENTIONS)].filter(
          (x, i, all) => all.indexOf(x) === i,
        ),
        response: pickFrom(random, RESPONSE),
        risk: risk(random),
        plan,
      };
    case 'family_session':
      return {
        participants: pickFrom(random, ['Spouse', 'Mother and sister', 'Adult son', 'Partner']),
        patientPresent: true,
        focus: 'How the family can support recovery at home; agreeing on house rules and check-ins.',
        interventions: ['family_therapy'],
        response: 'Family engaged; agreed to a weekly check-in on Sunday evenings.',
        risk: risk(random),
        plan,
      };
    case 'intake_biopsychosocial':
      return {
        presentingProblem:
          'Escalating alcohol use over two years with two failed attempts to cut down alone.',
        substanceUseHistory: 'Alcohol daily, 6–8 drinks; cannabis weekends; no injection use.',
        mentalHealthHistory: 'Depressive episodes since early twenties; no hospitalizations.',
        medicalHistory: 'Hypertension, treated; no seizures or withdrawal complications reported.',
        socialHistory: 'Lives with partner; employed full time; no legal issues; supportive sibling.',
        strengths: 'Motivated by family; stable housing and work; past period of sobriety.',
        risk: risk(random),
        diagnosticImpression: 'Alcohol use disorder, moderate; depressive symptoms to monitor.',
        recommendations: 'Adult IOP, 9 hours a week; PHQ-9, GAD-7 and BAM per schedule; prescriber review.',
      };
    case 'nursing':
      return {
        vitals: {
          systolic: 110 + Math.floor(random() * 35),
          diastolic: 68 + Math.floor(random() * 22),
          pulse: 60 + Math.floor(random() * 35),
          spo2: 95 + Math.floor(random() * 5),
        },
        withdrawalSymptoms: random() < 0.2 ? 'Mild tremor and sweating in the mornings.' : null,
        medicationsAdministered: null,
        assessment: 'Stable; no acute withdrawal; tolerating medications.',
        plan: 'Recheck vitals in two weeks; report any withdrawal symptoms to the prescriber.',
      };
    case 'medical_psychiatric':
      return {
        chiefComplaint: 'Follow-up of mood and cravings.',
        intervalHistory: 'Sleep improving; cravings down to a few times a week; no side effects.',
        mentalStatusExam: 'Alert, oriented, euthymic, linear thought process, no SI/HI.',
        medications: [
          {
            name: pickFrom(random, ['Naltrexone', 'Acamprosate', 'Sertraline']),
            dose: '50 mg',
            frequency: 'daily',
            change: pickFrom(random, ['start', 'continue', 'continue', 'adjust'] as const),
          },
        ],
        risk: risk(random),
        assessment: 'Improving on current regimen.',
        plan: 'Continue; review in eight weeks.',
      };
    case 'case_management':
      return {
        needs: pickFrom(random, [
          'Transport to groups',
          'Housing application follow-up',
          'Employer return-to-work form',
        ]),
        actions: 'Called the agency and completed the form with the patient.',
        referrals: random() < 0.5 ? 'Community recovery centre peer support group.' : null,
        followUp: 'Check the outcome at the next visit.',
      };
    case 'discharge_summary':
      return {
        reasonForAdmission: 'Alcohol use disorder with depressive symptoms, stepped down from daily use.',
        courseOfTreatment: 'Attended adult IOP groups and individual therapy; PHQ-9 and BAM improved.',
        conditionAtDischarge: 'Stable, abstinent for the last month, engaged with supports.',
        aftercarePlan: 'Weekly outpatient therapy, mutual-help meetings, prescriber follow-up.',
        recommendations: 'Continue medication; return to IOP if use resumes.',
      };
    case 'group_therapy':
      return {
        participation: 'Shared a recent high-risk situation and practised a refusal with the facilitator.',
        presentation: pickFrom(random, [
          'Alert and engaged.',
          'Quiet at first, then engaged.',
          'Tired; engaged.',
        ]),
        risk: risk(random),
        planNextSession: 'Bring the weekend plan to the next group.',
      };
  }
}
