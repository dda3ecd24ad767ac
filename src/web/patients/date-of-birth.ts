/** Whole years between a `YYYY-MM-DD` birth date and `today` (a calendar day, not an instant). */
export function ageInYears(
  dateOfBirth: string,
  today: { year: number; month: number; day: number },
): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hadBirthdayThisYear = today.month > month || (today.month === month && today.day >= day);
  return today.year - year - (hadBirthdayThisYear ? 0 : 1);
}

/** Today on the user's own calendar. */
export function localToday(now: Date = new Date()): { year: number; month: number; day: number } {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Today on the user's own calendar as `YYYY-MM-DD`, the value of a date input. */
export function isoToday(now: Date = new Date()): string {
  const { year, month, day } = localToday(now);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const dateOfBirthFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** "Apr 12, 1988": a calendar day, so formatted in UTC where `YYYY-MM-DD` parses, never shifted a day. */
export function formatDateOfBirth(dateOfBirth: string): string {
  const date = new Date(`${dateOfBirth}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? dateOfBirth : dateOfBirthFormat.format(date);
}

export function dateOfBirthWithAge(dateOfBirth: string): string {
  const age = ageInYears(dateOfBirth, localToday());
  return age === null ? formatDateOfBirth(dateOfBirth) : `${formatDateOfBirth(dateOfBirth)} (age ${age})`;
}
