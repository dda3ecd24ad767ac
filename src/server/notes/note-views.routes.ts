import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { definePatientRoute, defineUserRoute } from '../platform/http/route-wrappers';
import { noteQueue } from './note-queue';
import { billingView, chartNotes, exportNotes, portalNotes } from './note-views';
import { BillingNoteList, NoteExport, NoteList, NoteQueue, NotesQuery } from './notes.schema';

export const tags = ['Notes'];
export const PatientParams = z.object({ patientId: UuidParam('patientId') });
export const notesPath = '/api/patients/{patientId}/notes';

/** The patient's notes as billing, a disclosure and the chart see them. */
export function registerChartViewRoutes(app: App) {
  // Fixed paths before /notes/{noteId}, so 'billing' and 'export' are never read as a note id.
  definePatientRoute(
    app,
    {
      permission: 'note.codes',
      route: createRoute({
        method: 'get',
        path: `${notesPath}/billing`,
        tags,
        summary:
          "Billing's view of the patient's signed notes: type, service time, minutes, suggested code, signer's credential — never the text. Psychotherapy notes are not included.",
        request: { params: PatientParams, query: NotesQuery },
        responses: { 200: jsonResponse(BillingNoteList, 'Signed notes'), ...errorResponses },
      }),
    },
    (ctx, { query }) => billingView(ctx, query),
  );

  definePatientRoute(
    app,
    {
      permission: 'note.export',
      route: createRoute({
        method: 'get',
        path: `${notesPath}/export`,
        tags,
        summary:
          "Export of the patient's signed chart notes (awaiting co-signature or locked) with addenda and the Part 2 redisclosure notice, for a disclosure the patient consented to. Drafts and psychotherapy notes are never exported.",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(NoteExport, 'Export'), ...errorResponses },
      }),
    },
    (ctx) => exportNotes(ctx),
  );

  definePatientRoute(
    app,
    {
      permission: 'note.read',
      route: createRoute({
        method: 'get',
        path: notesPath,
        tags,
        summary:
          "The patient's chart notes, newest first (paginated; optional episodeId). A group note appears as this patient's own copy: shared part + their part. Psychotherapy notes never appear here. Each note carries its 42 CFR Part 2 label.",
        request: { params: PatientParams, query: NotesQuery },
        responses: { 200: jsonResponse(NoteList, 'Notes'), ...errorResponses },
      }),
    },
    (ctx, { query }) => chartNotes(ctx, query),
  );
}

/** The clinician's own queue, and the patient's own notes in the portal. */
export function registerQueueAndPortalRoutes(app: App) {
  defineUserRoute(
    app,
    {
      permission: 'note.queue',
      route: createRoute({
        method: 'get',
        path: '/api/notes/queue',
        tags,
        summary:
          "The signed-in clinician's note queue at their sites: unsigned drafts, overdue drafts (past the late-entry threshold, 72 h by default), and notes awaiting my co-signature",
        responses: { 200: jsonResponse(NoteQueue, 'Queue'), ...errorResponses },
      }),
    },
    (ctx) => noteQueue(ctx),
  );

  defineUserRoute(
    app,
    {
      permission: 'portal.self',
      route: createRoute({
        method: 'get',
        path: '/api/portal/notes',
        tags: ['Portal'],
        summary:
          "The patient's own signed notes (locked), each group note as their own copy, with the Part 2 label. Drafts and psychotherapy notes are never shown (HIPAA right of access excludes psychotherapy notes).",
        request: { query: NotesQuery },
        responses: { 200: jsonResponse(NoteList, 'My notes'), ...errorResponses },
      }),
    },
    (ctx, { query }) => portalNotes(ctx, query),
  );
}
