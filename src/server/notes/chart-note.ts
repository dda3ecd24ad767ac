import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { Principal } from '../platform/http/app-env';
import { readPatientRecord } from '../platform/http/route-wrappers';
import { noteJson } from './note-json';
import { addendaOf, findNote, type NoteRow } from './notes.store';

export type ChartNoteRow = NonNullable<Awaited<ReturnType<typeof findNote>>>;

/** The note of the patient the guard admitted; 404 when it is not theirs. */
export function readNote(tx: Tx, patientId: string, noteId: string): Promise<ChartNoteRow> {
  return readPatientRecord(findNote(tx, patientId, noteId), 'The note');
}

/** The note as answered: with its addenda, and the saved row when the request changed it. */
export async function noteAnswer(tx: Tx, row: ChartNoteRow, note: NoteRow = row.note) {
  return noteJson({ ...row, note }, await addendaOf(tx, [note.id]));
}

export function onlyTheAuthor(actor: Principal, note: NoteRow, what: string) {
  if (note.authorId !== actor.userId) {
    throw AppError.forbidden(`Only the note's author may ${what} it.`, 'not_author');
  }
}

/** A group member's copy changes only through its group note (edited, signed and co-signed for all at once). */
export function notAMemberCopy(note: NoteRow, message: string, code: string) {
  if (note.groupNoteId) {
    throw AppError.conflict(message, code, { groupNoteId: note.groupNoteId, siteId: note.siteId });
  }
}
