import type { z } from '@hono/zod-openapi';
import { allowedNoteActions, type NoteStatus } from '../../domain/documentation/note-lifecycle';
import { type NoteType, noteCodeSuggestion } from '../../domain/documentation/note-types';
import { PART2_NOTICE, PART2_SECURITY_LABEL } from '../../domain/documentation/part2-label';
import type { Addendum, Note } from './notes.schema';
import type { AddendumRow, Author, GroupNoteRow, NoteRow } from './notes.store';

type Lifecycle = Pick<
  NoteRow,
  | 'status'
  | 'authorId'
  | 'supervisorId'
  | 'signedBy'
  | 'signedName'
  | 'signedCredential'
  | 'signedAt'
  | 'signedMethod'
  | 'cosignedBy'
  | 'cosignedName'
  | 'cosignedCredential'
  | 'cosignedAt'
  | 'cosignedMethod'
  | 'lateEntry'
  | 'serviceAt'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;

export function part2Json(applies: boolean) {
  return {
    applies,
    securityLabel: applies ? PART2_SECURITY_LABEL : null,
    notice: applies ? PART2_NOTICE : null,
  };
}

const method = (m: string | null) => (m === 'totp' ? 'totp' : 'password') as 'password' | 'totp';

/** A signature or co-signature as shown: none until both who signed and when are recorded. */
function signatureJson(row: Lifecycle | GroupNoteRow, kind: 'signed' | 'cosigned') {
  const userId = row[`${kind}By`];
  const at = row[`${kind}At`];
  if (!userId || !at) return null;
  return {
    userId,
    name: row[`${kind}Name`] ?? '',
    credential: row[`${kind}Credential`],
    signedAt: at.toISOString(),
    method: method(row[`${kind}Method`]),
  };
}

/** The status, signatures and what may happen next, shared by notes and group notes. */
export function lifecycleJson(row: Lifecycle | GroupNoteRow, author: Author) {
  const status = row.status as NoteStatus;
  return {
    status,
    allowedActions: allowedNoteActions(status),
    author: { userId: row.authorId, name: author.name, credential: author.credential },
    supervisorId: row.supervisorId,
    signature: signatureJson(row, 'signed'),
    cosignature: signatureJson(row, 'cosigned'),
    lateEntry: row.lateEntry,
    serviceAt: row.serviceAt.toISOString(),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function addendumJson(a: AddendumRow): z.infer<typeof Addendum> {
  return {
    id: a.id,
    text: a.text,
    signature: {
      userId: a.authorId,
      name: a.signedName,
      credential: a.signedCredential,
      signedAt: a.signedAt.toISOString(),
      method: method(a.signedMethod),
    },
  };
}

/** A chart note: a group member's copy carries the shared part and this member's part, nothing else. */
export function noteJson(
  row: { note: NoteRow; author: Author; shared: Record<string, unknown> | null },
  addenda: AddendumRow[],
): z.infer<typeof Note> {
  const n = row.note;
  return {
    id: n.id,
    patientId: n.patientId,
    episodeId: n.episodeId,
    sessionId: n.sessionId,
    groupNoteId: n.groupNoteId,
    noteType: n.noteType as NoteType,
    body: n.body,
    groupShared: n.groupNoteId ? (row.shared ?? {}) : null,
    minutes: n.minutes,
    attendanceStatus: n.attendanceStatus,
    codeSuggestion: noteCodeSuggestion(n.noteType as NoteType, n.minutes),
    part2: part2Json(n.part2),
    addenda: addenda.filter((a) => a.noteId === n.id).map(addendumJson),
    ...lifecycleJson(n, row.author),
  };
}
