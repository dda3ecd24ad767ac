import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { asamAssessments } from './assessments.table';

export type AssessmentRow = typeof asamAssessments.$inferSelect;

export async function insertAssessment(tx: Tx, values: typeof asamAssessments.$inferInsert) {
  const [row] = await tx.insert(asamAssessments).values(values).returning();
  return row!;
}

/** Assessments and reassessments of a patient, newest first. */
export async function listAssessments(tx: Tx, patientId: string, page: number, pageSize: number) {
  return tx
    .select()
    .from(asamAssessments)
    .where(eq(asamAssessments.patientId, patientId))
    .orderBy(desc(asamAssessments.createdAt), desc(asamAssessments.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

export async function getAssessment(tx: Tx, patientId: string, id: string) {
  const [row] = await tx
    .select()
    .from(asamAssessments)
    .where(and(eq(asamAssessments.patientId, patientId), eq(asamAssessments.id, id)));
  return row;
}
