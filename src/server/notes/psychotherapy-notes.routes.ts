import { createRoute, z } from '@hono/zod-openapi';
import { assertStaffOfSite } from '../platform/access/staff-references';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { idempotent } from '../platform/http/idempotency';
import { auditPatient } from '../platform/http/patient-audit';
import { CreatePsychotherapyNoteRequest, PsychotherapyNote, PsychotherapyNoteList } from './notes.schema';
import {
  findEpisodeForNote,
  findPsychotherapyNote,
  findSessionForNote,
  insertPsychotherapyNote,
  listPsychotherapyNotes,
  type PsychotherapyNoteRow,
} from './notes.store';

const tags = ['Psychotherapy notes'];
const PatientParams = z.object({ patientId: UuidParam('patientId') });
const NoteParams = z.object({ patientId: UuidParam('patientId'), noteId: UuidParam('noteId') });

function json(n: PsychotherapyNoteRow): z.infer<typeof PsychotherapyNote> {
  return {
    id: n.id,
    patientId: n.patientId,
    episodeId: n.episodeId,
    sessionId: n.sessionId,
    authorId: n.authorId,
    text: n.text,
    grantedUserIds: n.grantedUserIds,
    createdAt: n.createdAt.toISOString(),
  };
}

/**
 * Psychotherapy (counseling) notes: the therapist's own process notes, kept apart from the chart. Only the
 * author and the staff the author names may read one; to anyone else it does not exist (404). They are never
 * listed in the chart, the portal, the billing view or an export.
 */
export function registerPsychotherapyNoteRoutes(app: App) {
  const listPath = '/api/patients/{patientId}/psychotherapy-notes';

  defineRoute(
    app,
    {
      permission: 'psychotherapy_note.write',
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
    async (c) => {
      const access = c.var.patientAccess!;
      const input = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const answer = await db.tx((tx) =>
        idempotent(c, tx, input, async () => {
          const found = await findEpisodeForNote(tx, access.patientId, input.episodeId);
          if (!found)
            throw AppError.validation([{ path: 'episodeId', message: 'Is not an episode of this patient.' }]);
          if (input.sessionId && !(await findSessionForNote(tx, found.episode.siteId, input.sessionId))) {
            throw AppError.validation([
              { path: 'sessionId', message: "Is not a session of this patient's site." },
            ]);
          }
          // Readers the author grants work at the patient's site (the author needs no grant).
          await assertStaffOfSite(
            tx,
            found.episode,
            input.grantedUserIds
              .map((userId, i) => ({ path: `grantedUserIds.${i}`, userId }))
              .filter((r) => r.userId !== p.userId),
            'site_staff',
          );
          const granted = [...new Set(input.grantedUserIds.filter((id) => id !== p.userId))];
          const note = await insertPsychotherapyNote(tx, {
            organizationId: p.organizationId,
            siteId: found.episode.siteId,
            patientId: access.patientId,
            episodeId: input.episodeId,
            sessionId: input.sessionId ?? null,
            authorId: p.userId,
            text: input.text,
            grantedUserIds: granted,
            createdAt: now(),
          });
          await auditPatient(c, tx, {
            action: 'psychotherapy_note.create',
            entity: 'psychotherapy_note',
            entityId: note.id,
          });
          return { status: 201, body: json(note) };
        }),
      );
      return c.json(answer.body as z.infer<typeof PsychotherapyNote>, 201);
    },
  );

  defineRoute(
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
    async (c) => {
      const access = c.var.patientAccess!;
      const p = c.var.principal!;
      const items = await c.var.deps.db.tx(async (tx) => {
        const rows = await listPsychotherapyNotes(tx, access.patientId, p.userId);
        await auditPatient(c, tx, {
          action: 'psychotherapy_note.list',
          entity: 'psychotherapy_note',
          entityId: null,
          detail: { noteIds: rows.map((r) => r.id) },
        });
        return rows.map(json);
      });
      return c.json({ items }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'psychotherapy_note.read',
      route: createRoute({
        method: 'get',
        path: `${listPath}/{noteId}`,
        tags,
        summary: 'One psychotherapy note, to its author or a granted reader only (404 to anyone else)',
        request: { params: NoteParams },
        responses: { 200: jsonResponse(PsychotherapyNote, 'The note'), ...errorResponses },
      }),
    },
    async (c) => {
      const { noteId } = c.req.valid('param');
      const access = c.var.patientAccess!;
      const p = c.var.principal!;
      const note = await c.var.deps.db.tx(async (tx) => {
        const row = await findPsychotherapyNote(tx, access.patientId, noteId, p.userId);
        // A refusal is audited too: someone asked for a note they may not read.
        await auditPatient(c, tx, {
          action: row ? 'psychotherapy_note.read' : 'psychotherapy_note.read_refused',
          entity: 'psychotherapy_note',
          entityId: noteId,
          outcome: row ? 'success' : 'denied',
        });
        return row;
      });
      if (!note) throw AppError.notFound('The psychotherapy note');
      return c.json(json(note), 200);
    },
  );
}
