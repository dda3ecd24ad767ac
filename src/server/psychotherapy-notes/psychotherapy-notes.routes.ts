import type { App } from '../platform/http/app-env';
import { patientParams } from '../platform/http/common.schema';
import { patientRoutes } from '../platform/http/route-builder';
import {
  CreatePsychotherapyNoteRequest,
  PsychotherapyNote,
  PsychotherapyNoteList,
} from './psychotherapy-notes.schema';
import {
  auditRefusedRead,
  readablePsychotherapyNotes,
  readPsychotherapyNote,
} from './read-psychotherapy-notes';
import { writePsychotherapyNote } from './write-psychotherapy-note';

const NoteParams = patientParams('noteId');

/**
 * Psychotherapy (counseling) notes: the therapist's own process notes, kept apart from the chart. Only the
 * author and the staff the author names may read one; to anyone else it does not exist (404). They are never
 * listed in the chart, the portal, the billing view or an export.
 */
export function registerPsychotherapyNoteRoutes(app: App) {
  const patients = patientRoutes(app, { tags: ['Psychotherapy notes'] });

  const listPath = '/api/patients/{patientId}/psychotherapy-notes';

  patients.post(
    listPath,
    {
      permission: 'psychotherapy_note.write',
      status: 201,
      idempotent: true,
      summary:
        'Write a psychotherapy (counseling) note, kept apart from the chart; grantedUserIds are the only other staff who may read it. Takes Idempotency-Key.',
      body: CreatePsychotherapyNoteRequest,
      ok: [PsychotherapyNote, 'Saved'],
    },
    (ctx, { json }) => writePsychotherapyNote(ctx, json),
  );

  patients.get(
    listPath,
    {
      permission: 'psychotherapy_note.read',
      summary: "The patient's psychotherapy notes that I wrote or was granted (nobody else's)",
      ok: [PsychotherapyNoteList, 'Notes'],
    },
    (ctx) => readablePsychotherapyNotes(ctx),
  );

  patients.get(
    `${listPath}/{noteId}`,
    {
      permission: 'psychotherapy_note.read',
      afterRollback: auditRefusedRead,
      summary: 'One psychotherapy note, to its author or a granted reader only (404 to anyone else)',
      params: NoteParams,
      ok: [PsychotherapyNote, 'The note'],
    },
    (ctx, { param }) => readPsychotherapyNote(ctx, param.noteId),
  );
}
