import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { episodes } from '../episodes';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { programs, users } from '../platform/db/platform.table';
import { instrumentResults, instrumentSchedules, urgentTasks } from './measurement.table';

export type ScheduleRow = typeof instrumentSchedules.$inferSelect;
export type ResultRow = typeof instrumentResults.$inferSelect;
export type TaskRow = typeof urgentTasks.$inferSelect;

/** Episodes that are in treatment: due lists and escalation look only at these. */
const IN_TREATMENT = ['admitted', 'active', 'on_hold'];
/** Episodes whose instruments fall due (an on-hold episode waits). */
const MEASURED = ['admitted', 'active'];

export async function listSiteSchedules(tx: Tx, siteId: string) {
  return tx
    .select()
    .from(instrumentSchedules)
    .where(eq(instrumentSchedules.siteId, siteId))
    .orderBy(asc(instrumentSchedules.programId), asc(instrumentSchedules.instrumentId));
}

/** Replaces a program's whole schedule: what the settings screen shows is what is stored. */
export async function replaceProgramSchedule(
  tx: Tx,
  program: { organizationId: string; siteId: string; programId: string },
  items: { instrumentId: string; atIntake: boolean; everyDays: number | null }[],
  userId: string | null,
  at: Date,
) {
  await tx.delete(instrumentSchedules).where(eq(instrumentSchedules.programId, program.programId));
  if (items.length === 0) return [];
  return tx
    .insert(instrumentSchedules)
    .values(items.map((i) => ({ ...program, ...i, updatedBy: userId, updatedAt: at })))
    .returning();
}

const lastGivenOn = sql<string | null>`(
  select max(${instrumentResults.administeredOn})::text from ${instrumentResults}
  where ${instrumentResults.episodeId} = ${episodes.id}
    and ${instrumentResults.instrumentId} = ${instrumentSchedules.instrumentId}
)`;

/**
 * Every scheduled instrument of every measured episode, with when it was last given: one statement for the
 * whole site (or one patient), whatever the number of patients. The domain decides what is due.
 */
export async function listScheduledInstruments(tx: Tx, where: { siteId: string } | { patientId: string }) {
  return tx
    .select({
      episodeId: episodes.id,
      patientId: episodes.patientId,
      givenName: patients.givenName,
      familyName: patients.familyName,
      preferredName: patients.preferredName,
      mrn: patients.mrn,
      programId: episodes.programId,
      programName: programs.name,
      admittedOn: episodes.admittedOn,
      primaryClinicianId: episodes.primaryClinicianId,
      instrumentId: instrumentSchedules.instrumentId,
      atIntake: instrumentSchedules.atIntake,
      everyDays: instrumentSchedules.everyDays,
      lastGivenOn,
    })
    .from(episodes)
    .innerJoin(instrumentSchedules, eq(instrumentSchedules.programId, episodes.programId))
    .innerJoin(patients, eq(patients.id, episodes.patientId))
    .innerJoin(programs, eq(programs.id, episodes.programId))
    .where(
      and(
        'siteId' in where ? eq(episodes.siteId, where.siteId) : eq(episodes.patientId, where.patientId),
        inArray(episodes.status, MEASURED),
        isNotNull(episodes.admittedOn),
      ),
    )
    .orderBy(
      asc(patients.familyName),
      asc(patients.givenName),
      asc(episodes.id),
      asc(instrumentSchedules.instrumentId),
    );
}

/** The patient's episode in treatment (the latest admitted), with the program's withdrawal thresholds. */
export async function findEpisodeInTreatment(tx: Tx, patientId: string, episodeId?: string) {
  const [row] = await tx
    .select({
      id: episodes.id,
      siteId: episodes.siteId,
      organizationId: episodes.organizationId,
      programId: episodes.programId,
      admittedOn: episodes.admittedOn,
      primaryClinicianId: episodes.primaryClinicianId,
      ciwaArAbove: programs.ciwaArAbove,
      cowsAtLeast: programs.cowsAtLeast,
      helpLine: programs.helpLine,
    })
    .from(episodes)
    .innerJoin(programs, eq(programs.id, episodes.programId))
    .where(
      and(
        eq(episodes.patientId, patientId),
        inArray(episodes.status, IN_TREATMENT),
        episodeId ? eq(episodes.id, episodeId) : undefined,
      ),
    )
    .orderBy(desc(episodes.admittedOn), desc(episodes.createdAt))
    .limit(1);
  return row;
}

export async function insertResult(tx: Tx, values: typeof instrumentResults.$inferInsert) {
  const [row] = await tx.insert(instrumentResults).values(values).returning();
  return row!;
}

export async function insertTask(tx: Tx, values: typeof urgentTasks.$inferInsert) {
  const [row] = await tx.insert(urgentTasks).values(values).returning();
  return row!;
}

/** A patient's results, oldest first, with who entered each (one statement). */
export async function listPatientResults(tx: Tx, patientId: string, episodeId: string | undefined) {
  return tx
    .select({ result: instrumentResults, enteredByName: users.displayName })
    .from(instrumentResults)
    .innerJoin(users, eq(users.id, instrumentResults.enteredBy))
    .where(
      and(
        eq(instrumentResults.patientId, patientId),
        episodeId ? eq(instrumentResults.episodeId, episodeId) : undefined,
      ),
    )
    .orderBy(asc(instrumentResults.administeredOn), asc(instrumentResults.createdAt))
    .limit(1000);
}

const taskColumns = {
  task: urgentTasks,
  givenName: patients.givenName,
  familyName: patients.familyName,
  preferredName: patients.preferredName,
  mrn: patients.mrn,
  instrumentId: instrumentResults.instrumentId,
  total: instrumentResults.total,
  bandLabel: instrumentResults.bandLabel,
  administeredOn: instrumentResults.administeredOn,
  enteredVia: instrumentResults.enteredVia,
};

export async function listPatientTasks(tx: Tx, patientId: string, status: 'open' | 'all') {
  return tx
    .select(taskColumns)
    .from(urgentTasks)
    .innerJoin(patients, eq(patients.id, urgentTasks.patientId))
    .innerJoin(instrumentResults, eq(instrumentResults.id, urgentTasks.resultId))
    .where(
      and(
        eq(urgentTasks.patientId, patientId),
        status === 'open' ? eq(urgentTasks.status, 'open') : undefined,
      ),
    )
    .orderBy(desc(urgentTasks.createdAt))
    .limit(100);
}

/**
 * The caller's open urgent tasks: those assigned to them, and at their sites those with no primary clinician
 * to go to (so a task is never nobody's).
 */
export async function listMyOpenTasks(
  tx: Tx,
  userId: string,
  siteIds: string[],
  page: number,
  pageSize: number,
) {
  const rows = await tx
    .select({ ...taskColumns, total_count: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(urgentTasks)
    .innerJoin(patients, eq(patients.id, urgentTasks.patientId))
    .innerJoin(instrumentResults, eq(instrumentResults.id, urgentTasks.resultId))
    .where(
      and(
        eq(urgentTasks.status, 'open'),
        or(
          eq(urgentTasks.assignedTo, userId),
          siteIds.length > 0
            ? and(isNull(urgentTasks.assignedTo), inArray(urgentTasks.siteId, siteIds))
            : undefined,
        ),
      ),
    )
    .orderBy(asc(urgentTasks.createdAt), asc(urgentTasks.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map(({ total_count: _t, ...r }) => r), total: rows[0]?.total_count ?? 0 };
}

/** Acknowledges an open task; undefined when it is not this patient's or no longer open. */
export async function acknowledgeTask(
  tx: Tx,
  patientId: string,
  taskId: string,
  userId: string,
  at: Date,
  note: string | null,
) {
  const [row] = await tx
    .update(urgentTasks)
    .set({ status: 'acknowledged', acknowledgedBy: userId, acknowledgedAt: at, acknowledgeNote: note })
    .where(
      and(eq(urgentTasks.id, taskId), eq(urgentTasks.patientId, patientId), eq(urgentTasks.status, 'open')),
    )
    .returning();
  return row;
}

export async function findTask(tx: Tx, patientId: string, taskId: string) {
  const [row] = await tx
    .select()
    .from(urgentTasks)
    .where(and(eq(urgentTasks.id, taskId), eq(urgentTasks.patientId, patientId)));
  return row;
}

/**
 * Every episode's totals per instrument at a site, in order, for episodes with at least two: one statement.
 * The program's average change is computed from the first and the last (domain/measurement).
 */
export async function listEpisodeTotals(tx: Tx, siteId: string) {
  return tx
    .select({
      programId: episodes.programId,
      programName: programs.name,
      instrumentId: instrumentResults.instrumentId,
      episodeId: instrumentResults.episodeId,
      totals: sql<
        number[]
      >`array_agg(${instrumentResults.total} order by ${instrumentResults.administeredOn}, ${instrumentResults.createdAt})`,
    })
    .from(instrumentResults)
    .innerJoin(episodes, eq(episodes.id, instrumentResults.episodeId))
    .innerJoin(programs, eq(programs.id, episodes.programId))
    .where(and(eq(instrumentResults.siteId, siteId), isNotNull(instrumentResults.total)))
    .groupBy(episodes.programId, programs.name, instrumentResults.instrumentId, instrumentResults.episodeId)
    .having(sql`count(*) >= 2`);
}
