import type { Temporal } from 'temporal-polyfill';
import { ageOnDay } from './clinic-calendar';

const dateOfBirthFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** "Apr 12, 1988": a calendar day, so formatted in UTC where `YYYY-MM-DD` parses, never shifted a day. */
export function formatDateOfBirth(dateOfBirth: string): string {
  const date = new Date(`${dateOfBirth}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? dateOfBirth : dateOfBirthFormat.format(date);
}

/** "Apr 12, 1988 (age 38)", the age on `today`: the clinic's calendar day (see shared/clinic-calendar). */
export function dateOfBirthWithAge(dateOfBirth: string, today: Temporal.PlainDate): string {
  const age = ageOnDay(dateOfBirth, today);
  return age === null ? formatDateOfBirth(dateOfBirth) : `${formatDateOfBirth(dateOfBirth)} (age ${age})`;
}
