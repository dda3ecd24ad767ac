import type { App } from '../platform/http/app-env';
import { patientParams, undescribedConflicts } from '../platform/http/common.schema';
import { patientRoutes } from '../platform/http/route-builder';
import { addAddendum } from './add-addendum';
import { noteAnswer, readNote } from './chart-note';
import { GroupSharedPart, NOTE_BODIES } from './note-bodies.schema';
import { notesPath, registerChartViewRoutes, registerQueueAndPortalRoutes, tags } from './note-views.routes';
import { AddendumRequest, CreateNoteRequest, Note, SignRequest, UpdateNoteRequest } from './notes.schema';
import { auditRefusedSignature, type RollbackContext } from './reauthenticate';
import { saveDraftNote } from './save-draft-note';
import { cosignNote, signNote } from './sign-note';
import { startDraftNote } from './start-draft-note';

const NoteParams = patientParams('noteId');
const notePath = `${notesPath}/{noteId}`;

const pascal = (s: string) => s.replace(/(^|_)(\w)/g, (_m, _u, ch: string) => ch.toUpperCase());

/** A wrong password or code at signing leaves its trace on the note after the request rolled back. */
const refusedSignature = (ctx: RollbackContext, error: unknown) =>
  auditRefusedSignature(ctx, { entity: 'note', entityId: ctx.c.req.param('noteId') ?? '' }, error);

export function registerNoteRoutes(app: App) {
  const patients = patientRoutes(app, { tags });

  // The full body of each note type (what signing requires), published for screens that build the forms.
  for (const [type, schema] of Object.entries(NOTE_BODIES)) {
    const name = type === 'group_therapy' ? 'GroupMemberPart' : `NoteBody${pascal(type)}`;
    app.openAPIRegistry.register(name, schema);
  }
  app.openAPIRegistry.register('GroupSharedPart', GroupSharedPart);

  patients.post(
    notesPath,
    {
      permission: 'note.write',
      status: 201,
      idempotent: true,
      etag: true,
      summary:
        'Start a draft note of one type (not group therapy: see POST /api/sites/{siteId}/sessions/{sessionId}/group-note). Your role must write that type (nurse → nursing, prescriber → medical_psychiatric, clinician/director → counseling types). Minutes default to the attendance (or session) minutes; serviceAt to the session end. Takes Idempotency-Key.',
      body: CreateNoteRequest,
      ok: [Note, 'The draft'],
    },
    (ctx, { json }) => startDraftNote(ctx, json),
  );

  registerChartViewRoutes(app);

  patients.get(
    notePath,
    {
      permission: 'note.read',
      etag: true,
      summary: 'One chart note with its addenda (ETag carries the version)',
      params: NoteParams,
      ok: [Note, 'The note'],
    },
    async (ctx, { param }) => {
      const row = await readNote(ctx.tx, ctx.patient.id, param.noteId);
      await ctx.audit('note.read', 'note', param.noteId);
      return noteAnswer(ctx.tx, row);
    },
  );

  patients.put(
    notePath,
    {
      permission: 'note.write',
      versioned: true,
      summary:
        "Save the author's draft (body replaced whole, validated as a draft of its type); needs If-Match. A stale version → 409 version_conflict (nothing saved); a signed note → 409 note_locked / note_awaiting_cosignature with details.allowedActions. A group member's copy is edited through its group note.",
      params: NoteParams,
      body: UpdateNoteRequest,
      ok: [Note, 'Saved'],
      responses: undescribedConflicts,
    },
    (ctx, { param, json }) => saveDraftNote(ctx, param.noteId, json),
  );

  const signing = [
    {
      step: 'sign',
      permission: 'note.write',
      summary:
        'The author signs the draft with their password or a current authenticator code (exactly one); needs If-Match. Every required field of the type must be filled (422 naming body.* fields). Records user, credential and time; an author with a supervisor → awaiting_cosignature, else locked. Signed more than NOTE_LATE_ENTRY_HOURS (72) after the service → lateEntry. Someone else’s note → 403 not_author.',
      answered: 'Signed',
      run: signNote,
    },
    {
      step: 'cosign',
      permission: 'note.cosign',
      summary:
        "The author's supervisor co-signs a note awaiting co-signature (password or authenticator code); the note locks. Needs If-Match. Anyone but that supervisor → 403 not_supervisor.",
      answered: 'Co-signed and locked',
      run: cosignNote,
    },
  ] as const;
  for (const s of signing) {
    patients.post(
      `${notePath}/${s.step}`,
      {
        permission: s.permission,
        versioned: true,
        afterRollback: refusedSignature,
        summary: s.summary,
        params: NoteParams,
        body: SignRequest,
        ok: [Note, s.answered],
        responses: undescribedConflicts,
      },
      (ctx, { param, json }) => s.run(ctx, param.noteId, json),
    );
  }

  patients.post(
    `${notePath}/addenda`,
    {
      permission: 'note.write',
      status: 201,
      etag: true,
      afterRollback: refusedSignature,
      summary:
        'Add a signed addendum to a locked note (password or authenticator code); the original stays as it was and the addenda show in order. On a group member copy the addendum may not name another member (422).',
      params: NoteParams,
      body: AddendumRequest,
      ok: [Note, 'The note with its addenda'],
      responses: undescribedConflicts,
    },
    (ctx, { param, json }) => addAddendum(ctx, param.noteId, json),
  );

  registerQueueAndPortalRoutes(app);
}
