import type { NewDischarge, RecoverySupport } from './discharges-api';

/** One appointment row of the form; `key` keeps React's rows apart while the clinician adds and removes. */
export interface AppointmentRow {
  key: number;
  on: string;
  time: string;
  with: string;
  purpose: string;
}

/** The discharge form as typed: every input a string (or the chosen supports), shaped for the API on submit. */
export interface DischargeValues {
  dischargedOn: string;
  reasonCode: string;
  levelAtDischarge: string;
  summary: string;
  referralTo: string;
  nextLevel: string;
  nextProvider: { name: string; levelOfCare: string; phone: string; address: string };
  appointments: AppointmentRow[];
  recoverySupports: RecoverySupport[];
  crisisPlan: { crisisLine: string; warningSigns: string; copingSteps: string; contacts: string };
  medicationContinuity: { medications: string; prescriber: string; supplyUntil: string; note: string };
}

// 988 is the national Suicide & Crisis Lifeline (National Suicide Hotline Designation Act of 2020, Pub. L. 116-172).
const DEFAULT_CRISIS_LINE = '988 Suicide & Crisis Lifeline (call or text 988)';

export function initialDischargeValues(levelAtDischarge: string, today: string): DischargeValues {
  return {
    dischargedOn: today,
    reasonCode: '',
    levelAtDischarge,
    summary: '',
    referralTo: '',
    nextLevel: '',
    nextProvider: { name: '', levelOfCare: '', phone: '', address: '' },
    appointments: [],
    recoverySupports: [],
    crisisPlan: { crisisLine: DEFAULT_CRISIS_LINE, warningSigns: '', copingSteps: '', contacts: '' },
    medicationContinuity: { medications: '', prescriber: '', supplyUntil: '', note: '' },
  };
}

export function blankAppointment(rows: readonly AppointmentRow[]): AppointmentRow {
  const key = rows.length === 0 ? 0 : Math.max(...rows.map((row) => row.key)) + 1;
  return { key, on: '', time: '', with: '', purpose: '' };
}

/** What the form can tell before asking the server (form paths); the server checks again and has the last word. */
export function dischargeProblems(values: DischargeValues): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!values.reasonCode) problems.reasonCode = 'Choose the reason for discharge';
  if (!values.summary.trim()) problems.summary = 'Write a short discharge summary';
  if (!values.nextProvider.name.trim()) problems['nextProvider.name'] = 'Name the next provider';
  if (!values.crisisPlan.crisisLine.trim())
    problems['crisisPlan.crisisLine'] = 'Give the 24-hour crisis line';
  return problems;
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body: blanks become null, appointments without a day or a "with" are left out. */
export function toNewDischarge(values: DischargeValues): NewDischarge {
  const { nextProvider, crisisPlan, medicationContinuity } = values;
  return {
    dischargedOn: values.dischargedOn,
    reason: values.reasonCode ? Number(values.reasonCode) : null,
    levelAtDischarge: values.levelAtDischarge,
    summary: values.summary.trim(),
    referralTo: blankToNull(values.referralTo),
    nextLevel: blankToNull(values.nextLevel),
    aftercare: {
      nextProvider: {
        name: nextProvider.name.trim(),
        levelOfCare: blankToNull(nextProvider.levelOfCare),
        phone: blankToNull(nextProvider.phone),
        address: blankToNull(nextProvider.address),
      },
      appointments: values.appointments
        .filter((row) => row.on && row.with.trim())
        .map((row) => ({
          on: row.on,
          time: row.time || null,
          with: row.with.trim(),
          purpose: blankToNull(row.purpose),
        })),
      recoverySupports: values.recoverySupports,
      crisisPlan: {
        crisisLine: crisisPlan.crisisLine.trim(),
        warningSigns: blankToNull(crisisPlan.warningSigns),
        copingSteps: blankToNull(crisisPlan.copingSteps),
        contacts: blankToNull(crisisPlan.contacts),
      },
      medicationContinuity: {
        medications: blankToNull(medicationContinuity.medications),
        prescriber: blankToNull(medicationContinuity.prescriber),
        supplyUntil: medicationContinuity.supplyUntil || null,
        note: blankToNull(medicationContinuity.note),
      },
    },
  };
}
