import type { z } from '@hono/zod-openapi';
import { AppError } from '../platform/errors';
import { type PatientContext, readPatientRecord } from '../platform/http/route-wrappers';
import type { PsychotherapyNote } from './psychotherapy-notes.schema';
import {
  findPsychotherapyNote,
  listPsychotherapyNotes,
  type PsychotherapyNoteRow,
} from './psychotherapy-notes.store';

export function psychotherapyNoteJson(n: PsychotherapyNoteRow): z.infer<typeof PsychotherapyNote> {
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

/** The patient's psychotherapy notes this reader wrote or was granted; nobody else's. */
export async function readablePsychotherapyNotes(ctx: PatientContext) {
  const rows = await listPsychotherapyNotes(ctx.tx, ctx.patient.id, ctx.actor.userId);
  await ctx.audit('psychotherapy_note.list', 'psychotherapy_note', null, { noteIds: rows.map((r) => r.id) });
  return { items: rows.map(psychotherapyNoteJson) };
}

const NOT_READABLE = 'The psychotherapy note';

/** One psychotherapy note, to its author or a granted reader; to anyone else it does not exist (404). */
export async function readPsychotherapyNote(ctx: PatientContext, noteId: string) {
  const row = await readPatientRecord(
    findPsychotherapyNote(ctx.tx, ctx.patient.id, noteId, ctx.actor.userId),
    NOT_READABLE,
  );
  await ctx.audit('psychotherapy_note.read', 'psychotherapy_note', noteId, null, 'success');
  return psychotherapyNoteJson(row);
}

/**
 * A refusal is audited too, after the 404 rolled the request back: someone asked for a note they may not
 * read (HIPAA 164.312(b) audit controls).
 */
export async function auditRefusedRead(ctx: Pick<PatientContext, 'audit' | 'c'>, error: unknown) {
  if (!(error instanceof AppError && error.status === 404 && error.message.startsWith(NOT_READABLE))) return;
  const noteId = ctx.c.req.param('noteId') ?? null;
  await ctx.audit('psychotherapy_note.read_refused', 'psychotherapy_note', noteId, null, 'denied');
}
