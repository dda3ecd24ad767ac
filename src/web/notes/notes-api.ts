import { useQuery } from '@tanstack/react-query';
import { ApiError, api, ifMatch, type Page, withQuery } from '../shared/api-client';

// Mirrors src/server/notes/notes.schema.ts (the API is the contract; these types only name what screens read).

export type NoteType =
  | 'group_therapy'
  | 'individual_therapy'
  | 'family_session'
  | 'intake_biopsychosocial'
  | 'nursing'
  | 'medical_psychiatric'
  | 'case_management'
  | 'discharge_summary';
export type NoteStatus = 'draft' | 'awaiting_cosignature' | 'locked';
export type NoteAction = 'edit' | 'sign' | 'cosign' | 'addendum';

export interface Signature {
  userId: string;
  name: string;
  credential: string | null;
  signedAt: string;
  method: 'password' | 'totp';
}

export interface Part2Label {
  applies: boolean;
  securityLabel: string | null;
  notice: string | null;
}

export interface CodeSuggestion {
  code: string;
  description: string;
}

interface Lifecycle {
  status: NoteStatus;
  allowedActions: NoteAction[];
  author: { userId: string; name: string; credential: string | null };
  supervisorId: string | null;
  signature: Signature | null;
  cosignature: Signature | null;
  lateEntry: boolean;
  serviceAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Addendum {
  id: string;
  text: string;
  signature: Signature;
}

export interface Note extends Lifecycle {
  id: string;
  patientId: string;
  episodeId: string;
  sessionId: string | null;
  groupNoteId: string | null;
  noteType: NoteType;
  body: Record<string, unknown>;
  groupShared: Record<string, unknown> | null;
  minutes: number | null;
  attendanceStatus: string | null;
  codeSuggestion: CodeSuggestion | null;
  part2: Part2Label;
  addenda: Addendum[];
}

export interface PlanObjective {
  id: string;
  description: string;
  status: string;
}

export interface ObjectiveProgress {
  objectiveId: string;
  progress: string;
  comment?: string | null;
  description?: string;
}

export interface GroupMember {
  noteId: string;
  patientId: string;
  episodeId: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  attendanceStatus: string | null;
  minutes: number | null;
  codeSuggestion: CodeSuggestion | null;
  part: Record<string, unknown>;
  objectives: PlanObjective[];
}

export interface GroupNote extends Lifecycle {
  id: string;
  siteId: string;
  programId: string;
  sessionId: string;
  session: { localDate: string; startsAt: string; endsAt: string; minutes: number };
  shared: Record<string, unknown>;
  members: GroupMember[];
  part2: Part2Label;
}

export interface QueueItem {
  kind: 'note' | 'group_note';
  id: string;
  noteType: NoteType;
  patientId: string | null;
  siteId: string;
  givenName: string | null;
  familyName: string | null;
  members: number | null;
  serviceAt: string;
  lateAfter: string;
  status: NoteStatus;
}

export interface NoteQueue {
  unsigned: QueueItem[];
  overdue: QueueItem[];
  awaitingMyCosignature: QueueItem[];
  lateEntryHours: number;
}

export interface PsychotherapyNote {
  id: string;
  patientId: string;
  episodeId: string;
  sessionId: string | null;
  authorId: string;
  text: string;
  grantedUserIds: string[];
  createdAt: string;
}

/** Re-authentication for a signature: the password or a 6-digit authenticator code. */
export type SignProof = { password: string } | { totpCode: string };

const enc = encodeURIComponent;
const notesPath = (patientId: string) => `/api/patients/${enc(patientId)}/notes`;
const groupPath = (siteId: string, groupNoteId: string) =>
  `/api/sites/${enc(siteId)}/group-notes/${enc(groupNoteId)}`;

// ---- Queue

export const noteQueueKey = ['note-queue'] as const;

export function useNoteQueue() {
  return useQuery({
    queryKey: noteQueueKey,
    queryFn: ({ signal }) => api.get<NoteQueue>('/api/notes/queue', { signal }),
  });
}

// ---- Group notes

export const groupNoteKey = (groupNoteId: string) => ['group-note', groupNoteId] as const;

export function useGroupNote(siteId: string, groupNoteId: string) {
  return useQuery({
    queryKey: groupNoteKey(groupNoteId),
    queryFn: ({ signal }) => api.get<GroupNote>(groupPath(siteId, groupNoteId), { signal }),
  });
}

/** The session's group note: the existing one, or a new draft from its attendance. */
export async function openGroupNoteOfSession(siteId: string, sessionId: string): Promise<GroupNote> {
  const path = `/api/sites/${enc(siteId)}/sessions/${enc(sessionId)}/group-note`;
  try {
    return await api.get<GroupNote>(path);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  try {
    return await api.create<GroupNote>(path, {});
  } catch (error) {
    // Someone drafted it between the two calls: open theirs.
    if (error instanceof ApiError && error.code === 'group_note_exists') return api.get<GroupNote>(path);
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
  return api.put<GroupNote>(groupPath(siteId, groupNoteId), changes, ifMatch(version));
}

export function signGroupNote(siteId: string, groupNoteId: string, version: number, proof: SignProof) {
  return api.post<GroupNote>(`${groupPath(siteId, groupNoteId)}/sign`, proof, ifMatch(version));
}

export function cosignGroupNote(siteId: string, groupNoteId: string, version: number, proof: SignProof) {
  return api.post<GroupNote>(`${groupPath(siteId, groupNoteId)}/cosign`, proof, ifMatch(version));
}

// ---- Chart notes

export const patientNotesKey = (patientId: string) => ['notes', patientId] as const;

export function usePatientNotes(patientId: string, page: number) {
  return useQuery({
    queryKey: [...patientNotesKey(patientId), page],
    queryFn: ({ signal }) =>
      api.get<Page<Note>>(withQuery(notesPath(patientId), { page, pageSize: 25 }), { signal }),
  });
}

export function useNote(patientId: string, noteId: string | null) {
  return useQuery({
    queryKey: [...patientNotesKey(patientId), 'one', noteId],
    queryFn: ({ signal }) => api.get<Note>(`${notesPath(patientId)}/${enc(noteId ?? '')}`, { signal }),
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
  return api.create<Note>(notesPath(patientId), note);
}

export function saveNote(
  patientId: string,
  noteId: string,
  version: number,
  change: { body: Record<string, unknown>; minutes: number | null },
) {
  return api.put<Note>(`${notesPath(patientId)}/${enc(noteId)}`, change, ifMatch(version));
}

export function signNote(patientId: string, noteId: string, version: number, proof: SignProof) {
  return api.post<Note>(`${notesPath(patientId)}/${enc(noteId)}/sign`, proof, ifMatch(version));
}

export function cosignNote(patientId: string, noteId: string, version: number, proof: SignProof) {
  return api.post<Note>(`${notesPath(patientId)}/${enc(noteId)}/cosign`, proof, ifMatch(version));
}

export function addAddendum(patientId: string, noteId: string, text: string, proof: SignProof) {
  return api.create<Note>(`${notesPath(patientId)}/${enc(noteId)}/addenda`, { text, ...proof });
}

// ---- Psychotherapy notes (kept apart: only their author, or whom the author granted, reads them)

const psychotherapyPath = (patientId: string) => `/api/patients/${enc(patientId)}/psychotherapy-notes`;
export const psychotherapyNotesKey = (patientId: string) => ['psychotherapy-notes', patientId] as const;

export function usePsychotherapyNotes(patientId: string) {
  return useQuery({
    queryKey: psychotherapyNotesKey(patientId),
    queryFn: ({ signal }) =>
      api.get<{ items: PsychotherapyNote[] }>(psychotherapyPath(patientId), { signal }),
  });
}

export function createPsychotherapyNote(patientId: string, episodeId: string, text: string) {
  return api.create<PsychotherapyNote>(psychotherapyPath(patientId), { episodeId, text, grantedUserIds: [] });
}
