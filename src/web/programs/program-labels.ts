import { optionsOf } from '../shared/form-options';
import type { HourBand, SessionType, TrackKind, TrackModality } from './programs-api';

export const WEEKDAYS = [
  { short: 'Mon', long: 'Monday' },
  { short: 'Tue', long: 'Tuesday' },
  { short: 'Wed', long: 'Wednesday' },
  { short: 'Thu', long: 'Thursday' },
  { short: 'Fri', long: 'Friday' },
  { short: 'Sat', long: 'Saturday' },
  { short: 'Sun', long: 'Sunday' },
] as const;

export function bandLabel(band: HourBand): string {
  if (band.lessThanHours === null) return `${band.atLeastHours} h or more`;
  return `${band.atLeastHours} to under ${band.lessThanHours} h`;
}

const TIME_OF_DAY: Record<TrackKind, string> = { day: 'Day', evening: 'Evening', weekend: 'Weekend' };
export const TIME_OF_DAY_OPTIONS = optionsOf(TIME_OF_DAY);
export const timeOfDayLabel = (kind: string) => TIME_OF_DAY[kind as TrackKind] ?? kind;

const MODALITY: Record<TrackModality, string> = {
  in_person: 'In person',
  virtual: 'Virtual',
  hybrid: 'Hybrid',
};
/** The choices when a track is set up: a virtual track meets by telehealth. */
export const MODALITY_OPTIONS = optionsOf({ ...MODALITY, virtual: 'Virtual (telehealth)' });
export const modalityLabel = (modality: string) => MODALITY[modality as TrackModality] ?? modality;

/** Session types with their calendar colour (Mantine palette names). */
export const SESSION_TYPES: Record<SessionType, { label: string; color: string }> = {
  group_therapy: { label: 'Group therapy', color: 'teal' },
  individual: { label: 'Individual', color: 'blue' },
  family: { label: 'Family', color: 'grape' },
  medical_visit: { label: 'Medical visit', color: 'red' },
  nursing_check: { label: 'Nursing check', color: 'pink' },
  psychiatry: { label: 'Psychiatry', color: 'indigo' },
  drug_test: { label: 'Drug test', color: 'orange' },
};
export const sessionTypeOf = (type: string) =>
  SESSION_TYPES[type as SessionType] ?? { label: type, color: 'gray' };

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** Wall-clock time of an instant in the program's zone, e.g. "6:00 PM". */
export function timeIn(instant: string, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone });
    timeFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

export const hours = (value: number) => `${Number(value.toFixed(2))} h`;
