import { z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { UuidParam } from '../platform/http/common.schema';
import { patientRoutes, userRoutes } from '../platform/http/route-builder';
import { noteQueue } from './note-queue';
import { billingView, chartNotes, exportNotes, portalNotes } from './note-views';
import { BillingNoteList, NoteExport, NoteList, NoteQueue, NotesQuery } from './notes.schema';

export const tags = ['Notes'];
export const PatientParams = z.object({ patientId: UuidParam('patientId') });
export const notesPath = '/api/patients/{patientId}/notes';

/** The patient's notes as billing, a disclosure and the chart see them. */
export function registerChartViewRoutes(app: App) {
  const patients = patientRoutes(app, { tags });

  // Fixed paths before /notes/{noteId}, so 'billing' and 'export' are never read as a note id.
  patients.get(
    `${notesPath}/billing`,
    {
      permission: 'note.codes',
      summary:
        "Billing's view of the patient's signed notes: type, service time, minutes, suggested code, signer's credential — never the text. Psychotherapy notes are not included.",
      query: NotesQuery,
      ok: [BillingNoteList, 'Signed notes'],
    },
    (ctx, { query }) => billingView(ctx, query),
  );

  patients.get(
    `${notesPath}/export`,
    {
      permission: 'note.export',
      summary:
        "Export of the patient's signed chart notes (awaiting co-signature or locked) with addenda and the Part 2 redisclosure notice, for a disclosure the patient consented to. Drafts and psychotherapy notes are never exported.",
      ok: [NoteExport, 'Export'],
    },
    (ctx) => exportNotes(ctx),
  );

  patients.get(
    notesPath,
    {
      permission: 'note.read',
      summary:
        "The patient's chart notes, newest first (paginated; optional episodeId). A group note appears as this patient's own copy: shared part + their part. Psychotherapy notes never appear here. Each note carries its 42 CFR Part 2 label.",
      query: NotesQuery,
      ok: [NoteList, 'Notes'],
    },
    (ctx, { query }) => chartNotes(ctx, query),
  );
}

/** The clinician's own queue, and the patient's own notes in the portal. */
export function registerQueueAndPortalRoutes(app: App) {
  const users = userRoutes(app, { tags });
  const portalUsers = userRoutes(app, { tags: ['Portal'] });

  users.get(
    '/api/notes/queue',
    {
      permission: 'note.queue',
      summary:
        "The signed-in clinician's note queue at their sites: unsigned drafts, overdue drafts (past the late-entry threshold, 72 h by default), and notes awaiting my co-signature",
      ok: [NoteQueue, 'Queue'],
    },
    (ctx) => noteQueue(ctx),
  );

  portalUsers.get(
    '/api/portal/notes',
    {
      permission: 'portal.self',
      summary:
        "The patient's own signed notes (locked), each group note as their own copy, with the Part 2 label. Drafts and psychotherapy notes are never shown (HIPAA right of access excludes psychotherapy notes).",
      query: NotesQuery,
      ok: [NoteList, 'My notes'],
    },
    (ctx, { query }) => portalNotes(ctx, query),
  );
}
