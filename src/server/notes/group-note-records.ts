import { and, asc, eq, sql } from 'drizzle-orm';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { programs } from '../platform/db/platform.table';
import { updateAtVersion } from '../platform/db/update-at-version';
import { programSessions } from '../sessions';
import { noteAuthor as author, authorColumns } from './notes.store';
import { groupNotes, notes } from './notes.table';

/**
 * The records of group notes: the group note (shared part, signed once for all) and each member's copy, a
 * chart note of that member. Group-note use cases change them only through these.
 */

export async function insertNotes(tx: Tx, values: (typeof notes.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(notes).values(values).returning();
}

export async function insertGroupNote(tx: Tx, values: typeof groupNotes.$inferInsert) {
  const [row] = await tx.insert(groupNotes).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findGroupNote(tx: Tx, siteId: string, id: string) {
  const [row] = await tx
    .select({
      group: groupNotes,
      author: authorColumns,
      session: programSessions,
      programKind: programs.kind,
    })
    .from(groupNotes)
    .innerJoin(author, eq(author.id, groupNotes.authorId))
    .innerJoin(programSessions, eq(programSessions.id, groupNotes.sessionId))
    .innerJoin(programs, eq(programs.id, groupNotes.programId))
    .where(and(eq(groupNotes.id, id), eq(groupNotes.siteId, siteId)));
  return row;
}

export async function findGroupNoteOfSession(tx: Tx, siteId: string, sessionId: string) {
  const [row] = await tx
    .select({ id: groupNotes.id })
    .from(groupNotes)
    .where(and(eq(groupNotes.sessionId, sessionId), eq(groupNotes.siteId, siteId)));
  return row;
}

/** The member copies of a group note with each member's names, in roster order. */
export async function groupMembers(tx: Tx, groupNoteId: string) {
  return tx
    .select({
      note: notes,
      givenName: patients.givenName,
      familyName: patients.familyName,
      preferredName: patients.preferredName,
    })
    .from(notes)
    .innerJoin(patients, eq(patients.id, notes.patientId))
    .where(eq(notes.groupNoteId, groupNoteId))
    .orderBy(asc(patients.familyName), asc(patients.givenName), asc(patients.id));
}

export async function updateGroupNote(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof groupNotes.$inferInsert>,
  now: Date,
) {
  return updateAtVersion(tx, groupNotes, id, version, changes, now);
}

export async function setMemberPart(tx: Tx, noteId: string, body: Record<string, unknown>, now: Date) {
  await tx
    .update(notes)
    .set({ body, version: sql`${notes.version} + 1`, updatedAt: now })
    .where(eq(notes.id, noteId));
}

/** Signing or co-signing a group note applies the same lifecycle to every member's copy. */
export async function setMembersLifecycle(
  tx: Tx,
  groupNoteId: string,
  changes: Partial<typeof notes.$inferInsert>,
  now: Date,
) {
  await tx
    .update(notes)
    .set({ ...changes, version: sql`${notes.version} + 1`, updatedAt: now })
    .where(eq(notes.groupNoteId, groupNoteId));
}
