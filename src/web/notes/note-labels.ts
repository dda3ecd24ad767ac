import type { NoteStatus, NoteType } from './notes-api';

export const NOTE_TYPE_LABELS: Record<NoteType, string> = {
  group_therapy: 'Group therapy',
  individual_therapy: 'Individual therapy',
  family_session: 'Family session',
  intake_biopsychosocial: 'Intake / biopsychosocial',
  nursing: 'Nursing',
  medical_psychiatric: 'Medical / psychiatric',
  case_management: 'Case management',
  discharge_summary: 'Discharge summary',
};

export const STATUS_LABELS: Record<NoteStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  awaiting_cosignature: { label: 'Awaiting co-signature', color: 'yellow' },
  locked: { label: 'Signed and locked', color: 'teal' },
};

export const RISK_LEVELS = [
  { value: 'none', label: 'None' },
  { value: 'low', label: 'Low' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'high', label: 'High' },
];

export const OBJECTIVE_PROGRESS = [
  { value: 'not_addressed', label: 'Not addressed' },
  { value: 'no_progress', label: 'No progress' },
  { value: 'some_progress', label: 'Some progress' },
  { value: 'significant_progress', label: 'Significant progress' },
  { value: 'met', label: 'Met' },
];

export const ATTENDANCE_LABELS: Record<string, string> = {
  present: 'Present',
  late: 'Late',
  left_early: 'Left early',
};

export const labelOf = (list: { value: string; label: string }[], value: unknown) =>
  list.find((item) => item.value === value)?.label ?? String(value ?? '');

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatInstant = (iso: string) => dateTime.format(new Date(iso));
