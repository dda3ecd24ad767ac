import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { organizations, sites } from '../platform/db/platform.table';
import { updateAtVersion } from '../platform/db/update-at-version';
import { PATIENT_SEARCH_TEXT, patients } from './patients.table';

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
  addressLine1: patients.addressLine1,
  addressLine2: patients.addressLine2,
  city: patients.city,
  state: patients.state,
  postalCode: patients.postalCode,
  livingSituation: patients.livingSituation,
  emergencyContact: patients.emergencyContact,
  guardianContact: patients.guardianContact,
  status: patients.status,
  version: patients.version,
  createdAt: patients.createdAt,
  siteName: sites.name,
  siteTimeZone: sites.timeZone,
};

export type PatientView = Omit<PatientRow, 'updatedAt'> & { siteName: string; siteTimeZone: string };

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

function censusFilter(search: CensusSearch) {
  return search.kind === 'dob'
    ? eq(patients.dateOfBirth, search.date)
    : search.kind === 'mrn'
      ? sql`upper(${patients.mrn}) = ${search.mrn.toUpperCase()}`
      : search.kind === 'name'
        ? and(
            // The same expression as patients_search_trgm_idx, so every word is looked up by trigrams.
            ...search.words.map(
              (w) => sql`${PATIENT_SEARCH_TEXT} like ${`%${likeEscape(w.toLowerCase())}%`}`,
            ),
          )
        : undefined;
}

/** The census page query (not yet run): exported so a test can EXPLAIN exactly what the census runs. */
export function censusQuery(tx: Tx, siteId: string, search: CensusSearch, page: number, pageSize: number) {
  // One statement: the page and the total (window count), so the census costs the same at any size.
  return tx
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
    .where(and(eq(patients.siteId, siteId), censusFilter(search)))
    .orderBy(patients.familyName, patients.givenName, patients.id)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

export async function listCensus(
  tx: Tx,
  siteId: string,
  search: CensusSearch,
  page: number,
  pageSize: number,
) {
  const rows = await censusQuery(tx, siteId, search, page, pageSize);
  const total = rows[0]?.total ?? (page > 1 ? await countCensus(tx, siteId, censusFilter(search)) : 0);
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
  const row = await updateAtVersion(tx, patients, id, version, changes, now);
  return row && { id: row.id };
}

/** Patients of the organization with the same name (any case) and date of birth: a likely duplicate. */
export async function findSameNameAndBirth(
  tx: Tx,
  organizationId: string,
  p: { givenName: string; familyName: string; dateOfBirth: string },
  exceptId?: string,
) {
  return tx
    .select({ id: patients.id, mrn: patients.mrn, siteId: patients.siteId })
    .from(patients)
    .where(
      and(
        eq(patients.organizationId, organizationId),
        eq(patients.dateOfBirth, p.dateOfBirth),
        sql`lower(${patients.givenName}) = ${p.givenName.toLowerCase()}`,
        sql`lower(${patients.familyName}) = ${p.familyName.toLowerCase()}`,
        exceptId ? ne(patients.id, exceptId) : undefined,
      ),
    )
    .limit(5);
}

/** Serializes creates of one normalized name and birth date in the organization until the transaction ends. */
export async function lockNameAndBirth(
  tx: Tx,
  organizationId: string,
  p: { givenName: string; familyName: string; dateOfBirth: string },
) {
  const key = [organizationId, p.givenName.toLowerCase(), p.familyName.toLowerCase(), p.dateOfBirth].join(
    '|',
  );
  await tx.execute(sql`select pg_advisory_xact_lock(${DUPLICATE_CHECK_LOCK}, hashtext(${key}))`);
}

/** The advisory lock class of the duplicate-patient check (the audit sealer holds 727002). */
const DUPLICATE_CHECK_LOCK = 727003;
