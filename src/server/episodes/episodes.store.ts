import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { programs, siteMemberships, users } from '../platform/db/platform.table';
import { updateAtVersion } from '../platform/db/update-at-version';
import { episodeDiagnoses, episodes, levelOfCareChanges } from './episodes.table';

export type EpisodeRow = typeof episodes.$inferSelect & { programName: string };
export type LevelChangeRow = typeof levelOfCareChanges.$inferSelect;
export type DiagnosisRow = typeof episodeDiagnoses.$inferSelect;

export async function listEpisodeRows(tx: Tx, patientId: string, episodeId?: string): Promise<EpisodeRow[]> {
  const rows = await tx
    .select({ episode: episodes, programName: programs.name })
    .from(episodes)
    .innerJoin(programs, eq(programs.id, episodes.programId))
    .where(and(eq(episodes.patientId, patientId), episodeId ? eq(episodes.id, episodeId) : undefined))
    .orderBy(desc(episodes.createdAt), desc(episodes.id))
    .limit(100);
  return rows.map((r) => ({ ...r.episode, programName: r.programName }));
}

export async function findEpisode(tx: Tx, patientId: string, episodeId: string) {
  const [row] = await listEpisodeRows(tx, patientId, episodeId);
  return row;
}

/** Level histories and diagnoses of several episodes: two queries whatever the number of episodes. */
export async function listEpisodeDetails(tx: Tx, episodeIds: string[]) {
  if (episodeIds.length === 0) return { changes: [], diagnoses: [] };
  const changes = await tx
    .select()
    .from(levelOfCareChanges)
    .where(inArray(levelOfCareChanges.episodeId, episodeIds))
    .orderBy(asc(levelOfCareChanges.effectiveOn), asc(levelOfCareChanges.createdAt));
  const diagnoses = await tx
    .select()
    .from(episodeDiagnoses)
    .where(inArray(episodeDiagnoses.episodeId, episodeIds))
    .orderBy(desc(episodeDiagnoses.isPrimary), asc(episodeDiagnoses.createdAt));
  return { changes, diagnoses };
}

export async function findOpenEpisode(tx: Tx, patientId: string, programId: string) {
  const [row] = await tx
    .select({ id: episodes.id })
    .from(episodes)
    .where(
      and(
        eq(episodes.patientId, patientId),
        eq(episodes.programId, programId),
        ne(episodes.status, 'discharged'),
      ),
    );
  return row;
}

/** Inserts an episode; undefined when another open episode of the program won the race (unique index). */
export async function insertEpisode(tx: Tx, values: typeof episodes.$inferInsert) {
  try {
    const [row] = await tx.insert(episodes).values(values).returning({ id: episodes.id });
    return row!.id;
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if (e.code === '23505' || e.cause?.code === '23505') return undefined;
    throw err;
  }
}

/** Applies a change only to the version the client read; undefined when the version moved on. */
export async function updateEpisode(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof episodes.$inferInsert>,
  now: Date,
) {
  const row = await updateAtVersion(tx, episodes, id, version, changes, now);
  return row && { id: row.id };
}

/** Level changes a target plan put in the history that have not taken effect yet (a new plan replaces them). */
export async function deletePlannedLevelChanges(tx: Tx, episodeId: string, after: string, reason: string) {
  await tx
    .delete(levelOfCareChanges)
    .where(
      and(
        eq(levelOfCareChanges.episodeId, episodeId),
        eq(levelOfCareChanges.reason, reason),
        sql`${levelOfCareChanges.effectiveOn} > ${after}`,
      ),
    );
}

export async function insertLevelChange(tx: Tx, values: typeof levelOfCareChanges.$inferInsert) {
  await tx.insert(levelOfCareChanges).values(values);
}

export async function insertDiagnosis(tx: Tx, values: typeof episodeDiagnoses.$inferInsert) {
  if (values.isPrimary) {
    // One primary diagnosis per episode: a new primary replaces the old one.
    await tx
      .update(episodeDiagnoses)
      .set({ isPrimary: false })
      .where(eq(episodeDiagnoses.episodeId, values.episodeId));
  }
  const [row] = await tx.insert(episodeDiagnoses).values(values).returning({ id: episodeDiagnoses.id });
  return row!.id;
}

export async function deleteDiagnosis(tx: Tx, episodeId: string, diagnosisId: string) {
  const rows = await tx
    .delete(episodeDiagnoses)
    .where(and(eq(episodeDiagnoses.episodeId, episodeId), eq(episodeDiagnoses.id, diagnosisId)))
    .returning({ id: episodeDiagnoses.id });
  return rows.length > 0;
}

/** The ids among `userIds` that are active staff of the organization belonging to the site. */
export async function staffOfSite(tx: Tx, organizationId: string, siteId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(siteMemberships, and(eq(siteMemberships.userId, users.id), eq(siteMemberships.siteId, siteId)))
    .where(
      and(
        inArray(users.id, userIds),
        eq(users.organizationId, organizationId),
        eq(users.active, true),
        ne(users.role, 'patient'),
      ),
    );
  return rows.map((r) => r.id);
}

export type EpisodeCensusFilter = {
  programId?: string;
  level?: string;
  /** A status, or 'open' for every status but discharged. */
  status: string;
  clinicianId?: string;
};

/** The site's episodes with patient, program and primary clinician: one statement, total by window count. */
export async function listSiteEpisodes(
  tx: Tx,
  siteId: string,
  filter: EpisodeCensusFilter,
  page: number,
  pageSize: number,
) {
  const rows = await tx
    .select({
      episodeId: episodes.id,
      patientId: episodes.patientId,
      givenName: patients.givenName,
      familyName: patients.familyName,
      preferredName: patients.preferredName,
      mrn: patients.mrn,
      programId: episodes.programId,
      programName: programs.name,
      status: episodes.status,
      level: episodes.level,
      admittedOn: episodes.admittedOn,
      primaryClinicianId: episodes.primaryClinicianId,
      primaryClinicianName: users.displayName,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(episodes)
    .innerJoin(patients, eq(patients.id, episodes.patientId))
    .innerJoin(programs, eq(programs.id, episodes.programId))
    .leftJoin(users, eq(users.id, episodes.primaryClinicianId))
    .where(
      and(
        eq(episodes.siteId, siteId),
        filter.status === 'open' ? ne(episodes.status, 'discharged') : eq(episodes.status, filter.status),
        filter.programId ? eq(episodes.programId, filter.programId) : undefined,
        filter.level ? eq(episodes.level, filter.level) : undefined,
        filter.clinicianId
          ? or(
              eq(episodes.primaryClinicianId, filter.clinicianId),
              sql`${episodes.careTeam} @> ${JSON.stringify([filter.clinicianId])}::jsonb`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(patients.familyName), asc(patients.givenName), asc(episodes.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}
