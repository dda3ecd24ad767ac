import { type PsychotherapyCodeSuggestion, psychotherapyCodeForMinutes } from './psychotherapy-code';

/** The kinds of clinical note. Psychotherapy (counseling) notes are not among them: stored apart. */
export const NOTE_TYPES = [
  'group_therapy',
  'individual_therapy',
  'family_session',
  'intake_biopsychosocial',
  'nursing',
  'medical_psychiatric',
  'case_management',
  'discharge_summary',
] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

/**
 * Who writes which note (staff roles as in SAMHSA TIP 47): counselors and therapists the counseling notes, nurses nursing
 * notes, prescribers medication management; the program director (a licensed clinician) may write any
 * counseling note. Roles are the permission table's names.
 */
export const NOTE_TYPE_AUTHORS: Readonly<Record<NoteType, readonly string[]>> = {
  group_therapy: ['clinician', 'program_director'],
  individual_therapy: ['clinician', 'program_director'],
  family_session: ['clinician', 'program_director'],
  intake_biopsychosocial: ['clinician', 'program_director'],
  nursing: ['nurse'],
  medical_psychiatric: ['prescriber'],
  case_management: ['clinician', 'program_director'],
  discharge_summary: ['clinician', 'program_director', 'prescriber'],
};

export function mayAuthorNoteType(role: string, type: NoteType): boolean {
  return NOTE_TYPE_AUTHORS[type].includes(role);
}

/**
 * The billing code the note's minutes support: individual therapy by time (90832/90834/90837), group
 * therapy 90853; other note types have no psychotherapy code suggested here.
 */
export function noteCodeSuggestion(
  type: NoteType,
  minutes: number | null,
): PsychotherapyCodeSuggestion | null {
  if (minutes === null) return null;
  if (type === 'individual_therapy') return psychotherapyCodeForMinutes(minutes, 'individual');
  if (type === 'group_therapy') return psychotherapyCodeForMinutes(minutes, 'group');
  return null;
}
