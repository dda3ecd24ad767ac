import type { z } from '@hono/zod-openapi';
import type { NoteType } from '../../domain/documentation/note-types';
import { type PatientContext, versionedUpdate } from '../platform/http/route-wrappers';
import { notAMemberCopy, noteAnswer, onlyTheAuthor, readNote } from './chart-note';
import { draftBody } from './draft-body';
import { transition } from './note-rules';
import type { UpdateNoteRequest } from './notes.schema';
import { updateNote } from './notes.store';

/** The author saves their draft: the body is replaced whole, validated as a draft of its type. */
export async function saveDraftNote(
  ctx: PatientContext<true>,
  noteId: string,
  input: z.infer<typeof UpdateNoteRequest>,
) {
  const { tx, actor, patient, version, now } = ctx;
  const row = await readNote(tx, patient.id, noteId);
  const n = row.note;
  transition(n.status, 'edit');
  notAMemberCopy(
    n,
    'This is a member copy of a group note: edit it through the group note.',
    'edit_through_group_note',
  );
  onlyTheAuthor(actor, n, 'edit');
  const body = await draftBody(tx, n.noteType as NoteType, n.episodeId, input.body);
  const changes = { body, ...(input.minutes !== undefined ? { minutes: input.minutes } : {}) };
  const saved = await versionedUpdate(updateNote(tx, n.id, version, changes, now), n);
  await ctx.audit('note.update', 'note', n.id);
  return noteAnswer(tx, row, saved);
}
