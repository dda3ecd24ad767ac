import { Temporal } from 'temporal-polyfill';
import { type FieldError, InputError } from '../input-error';

export const ADULT_AGE = 18;

/**
 * Whole years completed on the given day. Someone born on 29 February turns a year older on 1 March in
 * years without a 29 February (the birthday has not come while 28 February lasts).
 */
export function ageOn(dateOfBirth: Temporal.PlainDate, on: Temporal.PlainDate): number {
  if (Temporal.PlainDate.compare(on, dateOfBirth) < 0) {
    throw new InputError([
      { path: 'dateOfBirth', message: 'The date of birth is after the date asked about.' },
    ]);
  }
  const birthdayNotYetReached =
    on.month < dateOfBirth.month || (on.month === dateOfBirth.month && on.day < dateOfBirth.day);
  return on.year - dateOfBirth.year - (birthdayNotYetReached ? 1 : 0);
}

export function isAdolescent(dateOfBirth: Temporal.PlainDate, on: Temporal.PlainDate): boolean {
  return ageOn(dateOfBirth, on) < ADULT_AGE;
}

export function dateOfBirthFieldErrors(
  dateOfBirth: Temporal.PlainDate,
  today: Temporal.PlainDate,
): FieldError[] {
  return Temporal.PlainDate.compare(dateOfBirth, today) > 0
    ? [{ path: 'dateOfBirth', message: 'The date of birth cannot be in the future.' }]
    : [];
}

export interface GuardianContact {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

const isBlank = (value: string | null | undefined) =>
  value === undefined || value === null || value.trim() === '';

/**
 * A patient under 18 needs a guardian who can be reached: a name and a phone number or an email address.
 * Adults need none, so nothing is checked for them.
 */
export function guardianContactFieldErrors(
  patient: { dateOfBirth: Temporal.PlainDate; guardianContact?: GuardianContact | null },
  today: Temporal.PlainDate,
): FieldError[] {
  const dateErrors = dateOfBirthFieldErrors(patient.dateOfBirth, today);
  if (dateErrors.length > 0) return dateErrors;
  if (!isAdolescent(patient.dateOfBirth, today)) return [];

  const guardian = patient.guardianContact;
  if (!guardian)
    return [{ path: 'guardianContact', message: 'A patient under 18 needs a guardian contact.' }];
  const fields: FieldError[] = [];
  if (isBlank(guardian.name))
    fields.push({ path: 'guardianContact.name', message: "Give the guardian's name." });
  if (isBlank(guardian.phone) && isBlank(guardian.email)) {
    fields.push({
      path: 'guardianContact.phone',
      message: 'Give a phone number or an email for the guardian.',
    });
  }
  return fields;
}
