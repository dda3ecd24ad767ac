import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { psychotherapyNotes } from './psychotherapy-notes.table';

export type PsychotherapyNoteRow = typeof psychotherapyNotes.$inferSelect;

export async function insertPsychotherapyNote(tx: Tx, values: typeof psychotherapyNotes.$inferInsert) {
  const [row] = await tx.insert(psychotherapyNotes).values(values).returning();
  return row!;
}

/** Only notes the reader wrote or was granted: nobody else learns they exist. */
const readableBy = (userId: string) =>
  or(
    eq(psychotherapyNotes.authorId, userId),
    sql`${psychotherapyNotes.grantedUserIds} @> ${JSON.stringify([userId])}::jsonb`,
  );

export async function listPsychotherapyNotes(tx: Tx, patientId: string, userId: string) {
  return tx
    .select()
    .from(psychotherapyNotes)
    .where(and(eq(psychotherapyNotes.patientId, patientId), readableBy(userId)))
    .orderBy(desc(psychotherapyNotes.createdAt))
    .limit(200);
}

export async function findPsychotherapyNote(tx: Tx, patientId: string, id: string, userId: string) {
  const [row] = await tx
    .select()
    .from(psychotherapyNotes)
    .where(
      and(eq(psychotherapyNotes.id, id), eq(psychotherapyNotes.patientId, patientId), readableBy(userId)),
    );
  return row;
}
