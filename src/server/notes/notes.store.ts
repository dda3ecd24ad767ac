import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { attendance } from '../attendance';
import { curriculumTopics } from '../curriculum';
import { episodes } from '../episodes';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { programs, users } from '../platform/db/platform.table';
import { updateAtVersion } from '../platform/db/update-at-version';
import { programSessions } from '../sessions';
import { treatmentPlans } from '../treatment-plans';
import { groupNotes, noteAddenda, notes } from './notes.table';

export type NoteRow = typeof notes.$inferSelect;
export type GroupNoteRow = typeof groupNotes.$inferSelect;
export type AddendumRow = typeof noteAddenda.$inferSelect;
export type Author = { name: string; credential: string | null };

const author = alias(users, 'note_author');
export const noteAuthor = author;
export const authorColumns = { name: author.displayName, credential: author.credentials };

/** The signer's account: what re-authentication checks and what the signature records. */
export async function findSigner(tx: Tx, userId: string) {
  const [row] = await tx
    .select({
      id: users.id,
      displayName: users.displayName,
      credentials: users.credentials,
      passwordHash: users.passwordHash,
      mfaSecret: users.mfaSecret,
      mfaEnabled: users.mfaEnabled,
      supervisorUserId: users.supervisorUserId,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** The patient's episode with its program's kind (Part 2 follows the program). */
export async function findEpisodeForNote(tx: Tx, patientId: string, episodeId: string) {
  const [row] = await tx
    .select({ episode: episodes, programKind: programs.kind })
    .from(episodes)
    .innerJoin(programs, eq(programs.id, episodes.programId))
    .where(and(eq(episodes.id, episodeId), eq(episodes.patientId, patientId)));
  return row;
}

/** A session at the site, with its curriculum topic's title and the program's kind. */
export async function findSessionForNote(tx: Tx, siteId: string, sessionId: string) {
  const [row] = await tx
    .select({ session: programSessions, topicTitle: curriculumTopics.title, programKind: programs.kind })
    .from(programSessions)
    .innerJoin(programs, eq(programs.id, programSessions.programId))
    .leftJoin(curriculumTopics, eq(curriculumTopics.id, programSessions.curriculumTopicId))
    .where(and(eq(programSessions.id, sessionId), eq(programSessions.siteId, siteId)));
  return row;
}

export async function attendanceOf(tx: Tx, sessionId: string, patientId: string) {
  const [row] = await tx
    .select()
    .from(attendance)
    .where(and(eq(attendance.sessionId, sessionId), eq(attendance.patientId, patientId)));
  return row;
}

export async function insertNote(tx: Tx, values: typeof notes.$inferInsert) {
  const [row] = await tx.insert(notes).values(values).returning();
  return row!;
}

export async function findNote(tx: Tx, patientId: string, noteId: string) {
  const [row] = await tx
    .select({ note: notes, author: authorColumns, shared: groupNotes.shared })
    .from(notes)
    .innerJoin(author, eq(author.id, notes.authorId))
    .leftJoin(groupNotes, eq(groupNotes.id, notes.groupNoteId))
    .where(and(eq(notes.id, noteId), eq(notes.patientId, patientId)));
  return row;
}

/** Applies a change only to the version the client read; undefined when the version moved on. */
export async function updateNote(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof notes.$inferInsert>,
  now: Date,
) {
  return updateAtVersion(tx, notes, id, version, changes, now);
}

/**
 * One page of a patient's chart notes, newest service first: one statement for the page (author and group
 * shared part joined), one for the total and one for the addenda of the page — whatever the number of notes.
 */
export async function listChartNotes(
  tx: Tx,
  patientId: string,
  opts: { episodeId?: string; statuses?: string[]; page: number; pageSize: number },
) {
  const where = and(
    eq(notes.patientId, patientId),
    opts.episodeId ? eq(notes.episodeId, opts.episodeId) : undefined,
    opts.statuses ? inArray(notes.status, opts.statuses) : undefined,
  );
  const rows = await tx
    .select({ note: notes, author: authorColumns, shared: groupNotes.shared })
    .from(notes)
    .innerJoin(author, eq(author.id, notes.authorId))
    .leftJoin(groupNotes, eq(groupNotes.id, notes.groupNoteId))
    .where(where)
    .orderBy(desc(notes.serviceAt), desc(notes.createdAt), asc(notes.id))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const [total] = await tx.select({ n: count() }).from(notes).where(where);
  const addenda = await addendaOf(
    tx,
    rows.map((r) => r.note.id),
  );
  return { rows, total: total?.n ?? 0, addenda };
}

export async function addendaOf(tx: Tx, noteIds: string[]) {
  if (noteIds.length === 0) return [];
  return tx
    .select()
    .from(noteAddenda)
    .where(inArray(noteAddenda.noteId, noteIds))
    .orderBy(asc(noteAddenda.signedAt), asc(noteAddenda.id));
}

export async function insertAddendum(tx: Tx, values: typeof noteAddenda.$inferInsert) {
  const [row] = await tx.insert(noteAddenda).values(values).returning();
  return row!;
}

/** Everyone in the group of a member's copy: the name-leak check of an addendum needs the others' names. */
export async function groupMemberNames(tx: Tx, groupNoteId: string) {
  return tx
    .select({
      patientId: patients.id,
      givenName: patients.givenName,
      familyName: patients.familyName,
      preferredName: patients.preferredName,
    })
    .from(notes)
    .innerJoin(patients, eq(patients.id, notes.patientId))
    .where(eq(notes.groupNoteId, groupNoteId));
}

export async function plansOfEpisodes(tx: Tx, episodeIds: string[]) {
  if (episodeIds.length === 0) return [];
  return tx
    .select({ episodeId: treatmentPlans.episodeId, document: treatmentPlans.document })
    .from(treatmentPlans)
    .where(inArray(treatmentPlans.episodeId, episodeIds));
}

// ---- Queue

/** My unsigned drafts (single-patient notes and group notes) at my sites, oldest service first. */
export async function draftsOf(tx: Tx, userId: string, siteIds: string[]) {
  return noteQueue(tx, siteIds, {
    status: 'draft',
    holder: 'authorId',
    userId,
    oldestFirst: notes.serviceAt,
  });
}

export async function awaitingCosignatureBy(tx: Tx, userId: string, siteIds: string[]) {
  return noteQueue(tx, siteIds, {
    status: 'awaiting_cosignature',
    holder: 'supervisorId',
    userId,
    oldestFirst: notes.signedAt,
  });
}

/** The single notes and group notes at one status that wait on one user (as author or as supervisor). */
async function noteQueue(
  tx: Tx,
  siteIds: string[],
  queue: {
    status: 'draft' | 'awaiting_cosignature';
    holder: 'authorId' | 'supervisorId';
    userId: string;
    oldestFirst: typeof notes.serviceAt | typeof notes.signedAt;
  },
) {
  if (siteIds.length === 0) return { notes: [], groups: [] };
  const single = await tx
    .select({ note: notes, givenName: patients.givenName, familyName: patients.familyName })
    .from(notes)
    .innerJoin(patients, eq(patients.id, notes.patientId))
    .where(
      and(
        eq(notes[queue.holder], queue.userId),
        eq(notes.status, queue.status),
        isNull(notes.groupNoteId),
        inArray(notes.siteId, siteIds),
      ),
    )
    .orderBy(asc(queue.oldestFirst))
    .limit(200);
  const groups = await groupQueue(
    tx,
    and(eq(groupNotes[queue.holder], queue.userId), eq(groupNotes.status, queue.status)),
    siteIds,
  );
  return { notes: single, groups };
}

async function groupQueue(tx: Tx, where: ReturnType<typeof and>, siteIds: string[]) {
  return tx
    .select({
      group: groupNotes,
      // Qualified by hand: inside a subquery drizzle's bare column names would bind to the inner table.
      members: sql<number>`(select count(*) from notes m where m.group_note_id = "group_notes"."id")`.mapWith(
        Number,
      ),
    })
    .from(groupNotes)
    .where(and(where, inArray(groupNotes.siteId, siteIds)))
    .orderBy(asc(groupNotes.serviceAt))
    .limit(200);
}
