import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../shared/api/api-error';
import { answer, client, idempotent, ifMatch, type Schema } from '../shared/api/client';
import { noteKeys } from './notes-keys';

// Chart notes, group notes and psychotherapy notes. Types are the server's schemas (src/server/notes/*.schema.ts)
// through the generated contract. Note bodies stay open records here: each note type's form (note-body.tsx)
// builds its own, and the server validates it against the type's schema (a 422 names the field).

export type Note = Omit<Schema<'Note'>, 'body' | 'groupShared'> & {
  body: Record<string, unknown>;
  groupShared: Record<string, unknown> | null;
};
export type NoteType = Note['noteType'];
export type NoteStatus = Note['status'];
export type NoteAction = Note['allowedActions'][number];
export type Signature = NonNullable<Note['signature']>;
export type Part2Label = Schema<'Part2Label'>;
export type CodeSuggestion = NonNullable<Note['codeSuggestion']>;
export type Addendum = Schema<'NoteAddendum'>;
type GroupNoteSchema = Schema<'GroupNote'>;
export type GroupMember = Omit<GroupNoteSchema['members'][number], 'part'> & {
  part: Record<string, unknown>;
};
export type PlanObjective = GroupMember['objectives'][number];
export type ObjectiveProgress = NonNullable<GroupNoteSchema['members'][number]['part']['objectives']>[number];
export type GroupNote = Omit<GroupNoteSchema, 'shared' | 'members'> & {
  shared: Record<string, unknown>;
  members: GroupMember[];
};
export type NoteQueue = Schema<'NoteQueue'>;
export type QueueItem = NoteQueue['unsigned'][number];
export type PsychotherapyNote = Schema<'PsychotherapyNote'>;

/** Re-authentication for a signature: the password or a 6-digit authenticator code. */
export type SignProof = { password: string } | { totpCode: string };

// The open records above, as the contract's request types (the server checks each note type's body).
const asNote = (note: Schema<'Note'>) => note as Note;
const asGroupNote = (note: GroupNoteSchema) => note as GroupNote;

// ---- Queue

export function useNoteQueue() {
  return useQuery({
    queryKey: noteKeys.queue,
    queryFn: ({ signal }) => answer(client.GET('/api/notes/queue', { signal })),
  });
}

// ---- Group notes

const group = (siteId: string, groupNoteId: string) => ({ params: { path: { siteId, groupNoteId } } });

export function fetchGroupNote(siteId: string, groupNoteId: string, signal?: AbortSignal) {
  return answer(
    client.GET('/api/sites/{siteId}/group-notes/{groupNoteId}', { ...group(siteId, groupNoteId), signal }),
  ).then(asGroupNote);
}

export function useGroupNote(siteId: string, groupNoteId: string) {
  return useQuery({
    queryKey: noteKeys.group(groupNoteId),
    queryFn: ({ signal }) => fetchGroupNote(siteId, groupNoteId, signal),
  });
}

/** The session's group note: the existing one, or a new draft from its attendance. */
export async function openGroupNoteOfSession(siteId: string, sessionId: string): Promise<GroupNote> {
  const params = { path: { siteId, sessionId } };
  const existing = () =>
    answer(client.GET('/api/sites/{siteId}/sessions/{sessionId}/group-note', { params })).then(asGroupNote);
  try {
    return await existing();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  try {
    return await answer(
      client.POST('/api/sites/{siteId}/sessions/{sessionId}/group-note', {
        params,
        body: {},
        ...idempotent(),
      }),
    ).then(asGroupNote);
  } catch (error) {
    // Someone drafted it between the two calls: open theirs.
    if (error instanceof ApiError && error.code === 'group_note_exists') return existing();
    throw error;
  }
}

export interface GroupNoteChanges {
  shared: Record<string, unknown>;
  members: { patientId: string; part: Record<string, unknown> }[];
}

export function saveGroupNote(
  siteId: string,
  groupNoteId: string,
  version: number,
  changes: GroupNoteChanges,
) {
  return answer(
    client.PUT('/api/sites/{siteId}/group-notes/{groupNoteId}', {
      ...group(siteId, groupNoteId),
      body: changes as Schema<'UpdateGroupNote'>,
      ...ifMatch(version),
    }),
  ).then(asGroupNote);
}

export function signGroupNote(siteId: string, groupNoteId: string, version: number, proof: SignProof) {
  return answer(
    client.POST('/api/sites/{siteId}/group-notes/{groupNoteId}/sign', {
      ...group(siteId, groupNoteId),
      body: proof,
      ...ifMatch(version),
    }),
  ).then(asGroupNote);
}

export function cosignGroupNote(siteId: string, groupNoteId: string, version: number, proof: SignProof) {
  return answer(
    client.POST('/api/sites/{siteId}/group-notes/{groupNoteId}/cosign', {
      ...group(siteId, groupNoteId),
      body: proof,
      ...ifMatch(version),
    }),
  ).then(asGroupNote);
}

// ---- Chart notes

const chartNote = (patientId: string, noteId: string) => ({ params: { path: { patientId, noteId } } });

export function usePatientNotes(patientId: string, page: number) {
  return useQuery({
    queryKey: noteKeys.patientPage(patientId, page),
    queryFn: async ({ signal }) => {
      const list = await answer(
        client.GET('/api/patients/{patientId}/notes', {
          params: { path: { patientId }, query: { page, pageSize: 25 } },
          signal,
        }),
      );
      return { ...list, items: list.items.map(asNote) };
    },
  });
}

export function useNote(patientId: string, noteId: string | null) {
  return useQuery({
    queryKey: noteKeys.one(patientId, noteId),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/patients/{patientId}/notes/{noteId}', {
          ...chartNote(patientId, noteId ?? ''),
          signal,
        }),
      ).then(asNote),
    enabled: Boolean(noteId),
  });
}

export interface NewNote {
  noteType: Exclude<NoteType, 'group_therapy'>;
  episodeId: string;
  minutes: number | null;
  body: Record<string, unknown>;
}

export function createNote(patientId: string, note: NewNote) {
  return answer(
    client.POST('/api/patients/{patientId}/notes', {
      params: { path: { patientId } },
      body: note as Schema<'CreateNote'>,
      ...idempotent(),
    }),
  ).then(asNote);
}

export function saveNote(
  patientId: string,
  noteId: string,
  version: number,
  change: { body: Record<string, unknown>; minutes: number | null },
) {
  return answer(
    client.PUT('/api/patients/{patientId}/notes/{noteId}', {
      ...chartNote(patientId, noteId),
      body: change,
      ...ifMatch(version),
    }),
  ).then(asNote);
}

export function signNote(patientId: string, noteId: string, version: number, proof: SignProof) {
  return answer(
    client.POST('/api/patients/{patientId}/notes/{noteId}/sign', {
      ...chartNote(patientId, noteId),
      body: proof,
      ...ifMatch(version),
    }),
  ).then(asNote);
}

export function cosignNote(patientId: string, noteId: string, version: number, proof: SignProof) {
  return answer(
    client.POST('/api/patients/{patientId}/notes/{noteId}/cosign', {
      ...chartNote(patientId, noteId),
      body: proof,
      ...ifMatch(version),
    }),
  ).then(asNote);
}

export function addAddendum(patientId: string, noteId: string, text: string, proof: SignProof) {
  return answer(
    client.POST('/api/patients/{patientId}/notes/{noteId}/addenda', {
      ...chartNote(patientId, noteId),
      body: { text, ...proof },
      ...idempotent(),
    }),
  ).then(asNote);
}

// ---- Psychotherapy notes (kept apart: only their author, or whom the author granted, reads them)

export function usePsychotherapyNotes(patientId: string) {
  return useQuery({
    queryKey: noteKeys.psychotherapy(patientId),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/patients/{patientId}/psychotherapy-notes', {
          params: { path: { patientId } },
          signal,
        }),
      ),
  });
}

export function createPsychotherapyNote(patientId: string, episodeId: string, text: string) {
  return answer(
    client.POST('/api/patients/{patientId}/psychotherapy-notes', {
      params: { path: { patientId } },
      body: { episodeId, text, grantedUserIds: [] },
      ...idempotent(),
    }),
  );
}
