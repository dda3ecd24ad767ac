import { and, asc, count, eq, gte, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import { attendance } from '../attendance';
import { coverages, payers } from '../coverages';
import { episodes } from '../episodes';
import { notes } from '../notes';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { updateAtVersion } from '../platform/db/update-at-version';
import { programSessions } from '../sessions';
import { authorizations, charges, feeSchedule } from './billing.table';

export type ChargeRow = typeof charges.$inferSelect;

/** Attendance with minutes at the program's sessions held between two local dates (inclusive). */
export function attendedSessions(tx: Tx, programId: string, from: string, through: string) {
  return tx
    .select({
      attendanceId: attendance.id,
      sessionId: programSessions.id,
      patientId: attendance.patientId,
      localDate: programSessions.localDate,
      minutes: attendance.minutes,
      sessionType: programSessions.sessionType,
    })
    .from(attendance)
    .innerJoin(programSessions, eq(programSessions.id, attendance.sessionId))
    .where(
      and(
        eq(programSessions.programId, programId),
        gte(programSessions.localDate, from),
        lte(programSessions.localDate, through),
        isNull(programSessions.cancelledAt),
        inArray(attendance.status, ['present', 'late', 'left_early']),
      ),
    );
}

/** Chart notes of the program's episodes whose service falls in [start, end): no text, only what billing uses. */
export function programNotes(tx: Tx, programId: string, start: Date, end: Date) {
  return tx
    .select({
      noteId: notes.id,
      patientId: notes.patientId,
      episodeId: notes.episodeId,
      sessionId: notes.sessionId,
      noteType: notes.noteType,
      minutes: notes.minutes,
      status: notes.status,
      serviceAt: notes.serviceAt,
    })
    .from(notes)
    .innerJoin(episodes, eq(episodes.id, notes.episodeId))
    .where(and(eq(episodes.programId, programId), gte(notes.serviceAt, start), lt(notes.serviceAt, end)));
}

/** The program's episodes of these patients (open or closed), to date each service to its episode. */
export function programEpisodes(tx: Tx, programId: string, patientIds: string[]) {
  if (patientIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      id: episodes.id,
      patientId: episodes.patientId,
      admittedOn: episodes.admittedOn,
      dischargedOn: episodes.dischargedOn,
      status: episodes.status,
    })
    .from(episodes)
    .where(and(eq(episodes.programId, programId), inArray(episodes.patientId, patientIds)));
}

/** Live (not voided) charges of these patients between two dates. */
export function liveCharges(tx: Tx, patientIds: string[], from: string, through: string) {
  if (patientIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(charges)
    .where(
      and(
        inArray(charges.patientId, patientIds),
        gte(charges.serviceDate, from),
        lte(charges.serviceDate, through),
        ne(charges.status, 'void'),
      ),
    );
}

/** Units each authorization's live charges use. */
export async function unitsUsedBy(tx: Tx, authorizationIds: string[]): Promise<Map<string, number>> {
  if (authorizationIds.length === 0) return new Map();
  const rows = await tx
    .select({ authorizationId: charges.authorizationId, units: charges.units })
    .from(charges)
    .where(and(inArray(charges.authorizationId, authorizationIds), ne(charges.status, 'void')));
  const used = new Map<string, number>();
  for (const r of rows)
    if (r.authorizationId) used.set(r.authorizationId, (used.get(r.authorizationId) ?? 0) + r.units);
  return used;
}

export function organizationFees(tx: Tx, organizationId: string) {
  return tx
    .select()
    .from(feeSchedule)
    .where(eq(feeSchedule.organizationId, organizationId))
    .orderBy(asc(feeSchedule.effectiveFrom));
}

export async function insertCharges(tx: Tx, values: (typeof charges.$inferInsert)[]): Promise<ChargeRow[]> {
  if (values.length === 0) return [];
  // A generation running at the same moment may have made one of these: the unique index keeps one.
  return tx.insert(charges).values(values).onConflictDoNothing().returning();
}

export type ChargeQueueFilter = {
  status?: string;
  programId?: string;
  from?: string;
  through?: string;
  page: number;
  pageSize: number;
};

/** A page of a site's charges, oldest service first, with patient, payer and authorization: two queries. */
export async function listSiteCharges(
  tx: Tx,
  siteId: string,
  q: ChargeQueueFilter & { payerId?: string },
  chargeId?: string,
) {
  const where = and(
    eq(charges.siteId, siteId),
    q.payerId ? eq(payers.id, q.payerId) : undefined,
    chargeId ? eq(charges.id, chargeId) : undefined,
    q.status ? eq(charges.status, q.status) : undefined,
    q.programId ? eq(charges.programId, q.programId) : undefined,
    q.from ? gte(charges.serviceDate, q.from) : undefined,
    q.through ? lte(charges.serviceDate, q.through) : undefined,
  );
  const rows = await tx
    .select({
      charge: charges,
      patient: {
        id: patients.id,
        mrn: patients.mrn,
        givenName: patients.givenName,
        familyName: patients.familyName,
        dateOfBirth: patients.dateOfBirth,
        sexAtBirth: patients.sexAtBirth,
        addressLine1: patients.addressLine1,
        addressLine2: patients.addressLine2,
        city: patients.city,
        state: patients.state,
        postalCode: patients.postalCode,
      },
      coverage: coverages,
      payer: payers,
      authorization: authorizations,
    })
    .from(charges)
    .innerJoin(patients, eq(patients.id, charges.patientId))
    .leftJoin(coverages, eq(coverages.id, charges.coverageId))
    .leftJoin(payers, eq(payers.id, coverages.payerId))
    .leftJoin(authorizations, eq(authorizations.id, charges.authorizationId))
    .where(where)
    .orderBy(asc(charges.serviceDate), asc(patients.familyName), asc(charges.code))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [counted] = await tx
    .select({ n: count() })
    .from(charges)
    .leftJoin(coverages, eq(coverages.id, charges.coverageId))
    .leftJoin(payers, eq(payers.id, coverages.payerId))
    .where(where);
  return { rows, total: counted?.n ?? 0 };
}

export async function updateChargeReview(
  tx: Tx,
  id: string,
  version: number,
  changes: { status: string; holdReason: string | null },
  now: Date,
): Promise<string | undefined> {
  return (await updateAtVersion(tx, charges, id, version, changes, now))?.id;
}

/**
 * Draws live charges that have no authorization yet onto this one (a retro-authorization, or one recorded after
 * the charges were made): the episode's charges for its codes and dates, oldest first, while units last.
 */
export async function drawUnlinkedCharges(
  tx: Tx,
  a: {
    id: string;
    episodeId: string;
    coverageId: string;
    serviceCodes: string[];
    startsOn: string;
    endsOn: string;
  },
  unitsLeft: number,
): Promise<number> {
  if (unitsLeft <= 0) return 0;
  const candidates = await tx
    .select({ id: charges.id, units: charges.units })
    .from(charges)
    .where(
      and(
        eq(charges.episodeId, a.episodeId),
        eq(charges.coverageId, a.coverageId),
        isNull(charges.authorizationId),
        inArray(charges.code, a.serviceCodes),
        gte(charges.serviceDate, a.startsOn),
        lte(charges.serviceDate, a.endsOn),
        inArray(charges.status, ['queued', 'held', 'released']),
      ),
    )
    .orderBy(asc(charges.serviceDate));
  const drawn: string[] = [];
  let left = unitsLeft;
  for (const c of candidates) {
    if (c.units > left) break;
    drawn.push(c.id);
    left -= c.units;
  }
  if (drawn.length > 0) {
    await tx.update(charges).set({ authorizationId: a.id }).where(inArray(charges.id, drawn));
  }
  return drawn.length;
}

/** Marks charges as billed on a claim (only released ones: a charge is billed once). */
export async function markChargesBilled(tx: Tx, chargeIds: string[], claimId: string, now: Date) {
  if (chargeIds.length === 0) return 0;
  const rows = await tx
    .update(charges)
    .set({ status: 'billed', claimId, version: sql`${charges.version} + 1`, updatedAt: now })
    .where(and(inArray(charges.id, chargeIds), eq(charges.status, 'released')))
    .returning({ id: charges.id });
  return rows.length;
}

/** The billed charges of these claims: the lines a remittance is matched against. */
export function chargesOnClaims(tx: Tx, claimIds: string[]) {
  if (claimIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      id: charges.id,
      claimId: charges.claimId,
      code: charges.code,
      serviceDate: charges.serviceDate,
      amountCents: charges.amountCents,
    })
    .from(charges)
    .where(inArray(charges.claimId, claimIds));
}

/** A denied charge goes back to the queue to be corrected and billed again on a new claim. */
export async function requeueBilledCharge(tx: Tx, chargeId: string, now: Date) {
  const [row] = await tx
    .update(charges)
    .set({ status: 'queued', claimId: null, version: sql`${charges.version} + 1`, updatedAt: now })
    .where(and(eq(charges.id, chargeId), eq(charges.status, 'billed')))
    .returning({ id: charges.id });
  return row?.id;
}
