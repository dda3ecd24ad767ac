import { Temporal } from 'temporal-polyfill';
import { isAdolescent } from '../../domain/episodes/age-rules';
import type { NewReferral } from '../referrals/referrals-api';
import type { NewPatient } from './patients-api';

export const REFERRAL_FLAGS = {
  withdrawalComplicationRisk: 'History of complicated withdrawal (seizures, delirium tremens)',
  medicallyUnstable: 'Unstable medical condition',
  pregnant: 'Pregnant',
  acutePsychiatricSymptoms: 'Acute psychiatric symptoms',
  coOccurringDisorder: 'Co-occurring mental health disorder',
  recoveryEnvironmentUnsafe: 'Home environment unsafe for recovery',
} as const;
export type ReferralFlag = keyof typeof REFERRAL_FLAGS;

export interface SubstanceRow {
  key: number;
  substance: string;
  lastUseOn: string;
}

/**
 * The new-referral form as typed. Its paths are the request's (emergencyContact.name, substances.0.substance,
 * note …), so the form's own problems and the server's 422 fields land on the same inputs.
 */
export interface NewReferralValues {
  givenName: string;
  familyName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  sexAtBirth: NonNullable<NewPatient['sexAtBirth']> | '';
  genderIdentity: string;
  language: string;
  phone: string;
  email: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  postalCode: string;
  livingSituation: NonNullable<NewPatient['livingSituation']> | '';
  emergencyContact: { name: string; relationship: string; phone: string };
  guardianContact: { name: string; relationship: string; phone: string; email: string };
  programId: string;
  source: NewReferral['source'] | '';
  referrerName: string;
  referredOn: string;
  substances: SubstanceRow[];
  flags: Record<ReferralFlag, boolean>;
  note: string;
}

export function initialNewReferralValues(today: string): NewReferralValues {
  return {
    givenName: '',
    familyName: '',
    preferredName: '',
    pronouns: '',
    dateOfBirth: '',
    sexAtBirth: '',
    genderIdentity: '',
    language: '',
    phone: '',
    email: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    state: '',
    postalCode: '',
    livingSituation: '',
    emergencyContact: { name: '', relationship: '', phone: '' },
    guardianContact: { name: '', relationship: '', phone: '', email: '' },
    programId: '',
    source: '',
    referrerName: '',
    referredOn: today,
    substances: [{ key: 0, substance: '', lastUseOn: '' }],
    flags: {
      withdrawalComplicationRisk: false,
      medicallyUnstable: false,
      pregnant: false,
      acutePsychiatricSymptoms: false,
      coOccurringDisorder: false,
      recoveryEnvironmentUnsafe: false,
    },
    note: '',
  };
}

/** A complete, real `YYYY-MM-DD` day, or null while the clinician is still typing it. */
function dayOf(value: string): Temporal.PlainDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    return null;
  }
}

/** The guardian is asked for while the date of birth makes the patient a minor today (the domain's rule). */
export function needsGuardian(dateOfBirth: string, today: Temporal.PlainDate): boolean {
  const birth = dayOf(dateOfBirth);
  return birth !== null && Temporal.PlainDate.compare(birth, today) <= 0 && isAdolescent(birth, today);
}

/** What the form can tell before asking the server (request paths); the server checks again and has the last word. */
export function newReferralProblems(
  values: NewReferralValues,
  today: Temporal.PlainDate,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!values.givenName.trim()) problems.givenName = 'Give the legal first name';
  if (!values.familyName.trim()) problems.familyName = 'Give the legal last name';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dateOfBirth)) problems.dateOfBirth = 'Give the date of birth';
  else if (values.dateOfBirth > today.toString())
    problems.dateOfBirth = 'The date of birth cannot be in the future';
  if (!values.livingSituation) problems.livingSituation = 'Choose the living situation';
  const emergency = values.emergencyContact;
  if ([emergency.name, emergency.relationship, emergency.phone].some((v) => v.trim())) {
    if (!emergency.name.trim()) problems['emergencyContact.name'] = 'Give the contact’s name';
    if (!emergency.relationship.trim()) problems['emergencyContact.relationship'] = 'Give the relationship';
    if (!emergency.phone.trim()) problems['emergencyContact.phone'] = 'Give the contact’s phone';
  }
  if (needsGuardian(values.dateOfBirth, today)) {
    const guardian = values.guardianContact;
    if (!guardian.name.trim()) problems['guardianContact.name'] = "Give the guardian's name";
    if (!guardian.relationship.trim()) problems['guardianContact.relationship'] = 'Give the relationship';
    if (!guardian.phone.trim() && !guardian.email.trim())
      problems['guardianContact.phone'] = 'Give a phone number or an email for the guardian';
  }
  if (!values.programId) problems.programId = 'Choose the program';
  if (!values.source) problems.source = 'Choose who referred the patient';
  if (!values.referredOn) problems.referredOn = 'Give the referral date';
  if (values.substances.every((row) => !row.substance.trim()))
    problems['substances.0.substance'] = 'Name at least one presenting substance';
  return problems;
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The patient to register: an emergency contact only when named, a guardian only for a minor. */
export function toNewPatient(values: NewReferralValues, today: Temporal.PlainDate): NewPatient {
  const { emergencyContact: emergency, guardianContact: guardian } = values;
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    preferredName: blankToNull(values.preferredName),
    pronouns: blankToNull(values.pronouns),
    dateOfBirth: values.dateOfBirth,
    sexAtBirth: values.sexAtBirth || null,
    genderIdentity: blankToNull(values.genderIdentity),
    language: blankToNull(values.language),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
    addressLine1: blankToNull(values.addressLine1),
    addressLine2: blankToNull(values.addressLine2),
    city: blankToNull(values.city),
    state: blankToNull(values.state),
    postalCode: blankToNull(values.postalCode),
    livingSituation: values.livingSituation || null,
    emergencyContact: emergency.name.trim()
      ? {
          name: emergency.name.trim(),
          relationship: emergency.relationship.trim(),
          phone: emergency.phone.trim(),
        }
      : null,
    guardianContact: needsGuardian(values.dateOfBirth, today)
      ? {
          name: guardian.name.trim(),
          relationship: guardian.relationship.trim(),
          phone: blankToNull(guardian.phone),
          email: blankToNull(guardian.email),
        }
      : null,
  };
}

export function toNewReferral(values: NewReferralValues): NewReferral {
  const { flags } = values;
  return {
    programId: values.programId,
    // newReferralProblems has refused a referral without its source before this is sent.
    source: values.source as NewReferral['source'],
    referrerName: blankToNull(values.referrerName),
    referredOn: values.referredOn,
    substances: values.substances
      .filter((row) => row.substance.trim())
      .map((row) => ({ substance: row.substance.trim(), lastUseOn: row.lastUseOn || null })),
    medicalFlags: {
      withdrawalComplicationRisk: flags.withdrawalComplicationRisk,
      medicallyUnstable: flags.medicallyUnstable,
      pregnant: flags.pregnant,
    },
    psychiatricFlags: {
      acutePsychiatricSymptoms: flags.acutePsychiatricSymptoms,
      coOccurringDisorder: flags.coOccurringDisorder,
    },
    recoveryEnvironmentUnsafe: flags.recoveryEnvironmentUnsafe,
    note: blankToNull(values.note),
  };
}

export function blankSubstance(rows: readonly SubstanceRow[]): SubstanceRow {
  return { key: Math.max(-1, ...rows.map((row) => row.key)) + 1, substance: '', lastUseOn: '' };
}
