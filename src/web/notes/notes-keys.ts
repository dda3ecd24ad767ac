/** Every query key of notes; the mutations that change notes invalidate these (notes-api.ts, the screens). */
export const noteKeys = {
  queue: ['notes', 'queue'] as const,
  group: (groupNoteId: string) => ['group-notes', groupNoteId] as const,
  /** Every page and single note of a patient's chart notes. */
  patient: (patientId: string) => ['patients', patientId, 'notes'] as const,
  patientPage: (patientId: string, page: number) => [...noteKeys.patient(patientId), 'page', page] as const,
  one: (patientId: string, noteId: string | null) => [...noteKeys.patient(patientId), 'one', noteId] as const,
  psychotherapy: (patientId: string) => ['patients', patientId, 'psychotherapy-notes'] as const,
};
