import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  PatientParams,
  UuidParam,
} from '../platform/http/common.schema';
import { definePatientRoute } from '../platform/http/route-wrappers';
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

const tags = ['Psychotherapy notes'];
const NoteParams = z.object({ patientId: UuidParam('patientId'), noteId: UuidParam('noteId') });

/**
 * Psychotherapy (counseling) notes: the therapist's own process notes, kept apart from the chart. Only the
 * author and the staff the author names may read one; to anyone else it does not exist (404). They are never
 * listed in the chart, the portal, the billing view or an export.
 */
export function registerPsychotherapyNoteRoutes(app: App) {
  const listPath = '/api/patients/{patientId}/psychotherapy-notes';

  definePatientRoute(
    app,
    {
      permission: 'psychotherapy_note.write',
      status: 201,
      idempotent: true,
      route: createRoute({
        method: 'post',
        path: listPath,
        tags,
        summary:
          'Write a psychotherapy (counseling) note, kept apart from the chart; grantedUserIds are the only other staff who may read it. Takes Idempotency-Key.',
        request: { params: PatientParams, body: jsonBody(CreatePsychotherapyNoteRequest) },
        responses: { 201: jsonResponse(PsychotherapyNote, 'Saved'), ...errorResponses },
      }),
    },
    (ctx, { json }) => writePsychotherapyNote(ctx, json),
  );

  definePatientRoute(
    app,
    {
      permission: 'psychotherapy_note.read',
      route: createRoute({
        method: 'get',
        path: listPath,
        tags,
        summary: "The patient's psychotherapy notes that I wrote or was granted (nobody else's)",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(PsychotherapyNoteList, 'Notes'), ...errorResponses },
      }),
    },
    (ctx) => readablePsychotherapyNotes(ctx),
  );

  definePatientRoute(
    app,
    {
      permission: 'psychotherapy_note.read',
      afterRollback: auditRefusedRead,
      route: createRoute({
        method: 'get',
        path: `${listPath}/{noteId}`,
        tags,
        summary: 'One psychotherapy note, to its author or a granted reader only (404 to anyone else)',
        request: { params: NoteParams },
        responses: { 200: jsonResponse(PsychotherapyNote, 'The note'), ...errorResponses },
      }),
    },
    (ctx, { param }) => readPsychotherapyNote(ctx, param.noteId),
  );
}
