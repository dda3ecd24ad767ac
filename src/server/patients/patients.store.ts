import { and, eq, ilike, or, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { organizations, sites } from '../platform/db/platform.table';
import { patients } from './patients.table';

export type PatientRow = typeof patients.$inferSelect;

const patientWithSite = {
  id: patients.id,
  organizationId: patients.organizationId,
  siteId: patients.siteId,
  mrn: patients.mrn,
  givenName: patients.givenName,
  familyName: patients.familyName,
  preferredName: patients.preferredName,
  pronouns: patients.pronouns,
  dateOfBirth: patients.dateOfBirth,
  sexAtBirth: patients.sexAtBirth,
  genderIdentity: patients.genderIdentity,
  language: patients.language,
  phone: patients.phone,
  email: patients.email,
  status: patients.status,
  version: patients.version,
  createdAt: patients.createdAt,
  siteName: sites.name,
};

export type PatientView = Omit<PatientRow, 'updatedAt'> & { siteName: string };

export async function getPatient(tx: Tx, id: string): Promise<PatientView | undefined> {
  const [row] = await tx
    .select(patientWithSite)
    .from(patients)
    .innerJoin(sites, eq(sites.id, patients.siteId))
    .where(eq(patients.id, id));
  return row;
}

/** The census search: a date of birth, an MRN, or words of a name (each word must match). */
export type CensusSearch =
  | { kind: 'all' }
  | { kind: 'dob'; date: string }
  | { kind: 'mrn'; mrn: string }
  | { kind: 'name'; words: string[] };

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

export async function listCensus(
  tx: Tx,
  siteId: string,
  search: CensusSearch,
  page: number,
  pageSize: number,
) {
  const filter =
    search.kind === 'dob'
      ? eq(patients.dateOfBirth, search.date)
      : search.kind === 'mrn'
        ? sql`upper(${patients.mrn}) = ${search.mrn.toUpperCase()}`
        : search.kind === 'name'
          ? and(
              ...search.words.map((w) => {
                const pattern = `%${likeEscape(w)}%`;
                return or(
                  ilike(patients.givenName, pattern),
                  ilike(patients.familyName, pattern),
                  ilike(patients.preferredName, pattern),
                  ilike(patients.mrn, pattern),
                );
              }),
            )
          : undefined;
  // One statement: the page and the total (window count), so the census costs the same at any size.
  const rows = await tx
    .select({
      id: patients.id,
      mrn: patients.mrn,
      givenName: patients.givenName,
      familyName: patients.familyName,
      preferredName: patients.preferredName,
      dateOfBirth: patients.dateOfBirth,
      status: patients.status,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(patients)
    .where(and(eq(patients.siteId, siteId), filter))
    .orderBy(patients.familyName, patients.givenName, patients.id)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = rows[0]?.total ?? (page > 1 ? await countCensus(tx, siteId, filter) : 0);
  return { items: rows.map(({ total: _t, ...r }) => r), total };
}

async function countCensus(tx: Tx, siteId: string, filter: ReturnType<typeof and>) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(patients)
    .where(and(eq(patients.siteId, siteId), filter));
  return row?.n ?? 0;
}

/** MRNs are per organization and never reused: the counter row is locked for the insert's transaction. */
export async function nextMrn(tx: Tx, organizationId: string): Promise<string> {
  const [org] = await tx
    .update(organizations)
    .set({ nextMrn: sql`${organizations.nextMrn} + 1` })
    .where(eq(organizations.id, organizationId))
    .returning({ prefix: organizations.mrnPrefix, n: organizations.nextMrn });
  return `${org!.prefix}${org!.n - 1}`;
}

export async function insertPatient(tx: Tx, values: typeof patients.$inferInsert) {
  const [row] = await tx.insert(patients).values(values).returning({ id: patients.id });
  return row!.id;
}

/** Applies a change only to the version the client read; undefined when the version moved on. */
export async function updatePatient(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof patients.$inferInsert>,
  now: Date,
) {
  const [row] = await tx
    .update(patients)
    .set({ ...changes, version: sql`${patients.version} + 1`, updatedAt: now })
    .where(and(eq(patients.id, id), eq(patients.version, version)))
    .returning({ id: patients.id });
  return row;
}
