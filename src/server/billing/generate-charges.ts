import { Temporal } from 'temporal-polyfill';
import {
  type AuthorizationStatus,
  authorizationFor,
  type BillingMethod,
  billableDays,
  chargesForDay,
  coverageOn,
  feeFor,
  type NoChargeReason,
  oneLinePerCode,
} from '../../domain/billing';
import { isPart2Program } from '../../domain/documentation/part2-label';
import { InputError } from '../../domain/input-error';
import { coveragesOfPatients, type PayerRow } from '../coverages';
import type { AuditEvent } from '../platform/audit/append-audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { findProgram, programConfig } from '../programs';
import { authorizationsOfEpisodes } from './authorizations.store';
import {
  attendedSessions,
  type ChargeRow,
  insertCharges,
  liveCharges,
  organizationFees,
  programEpisodes,
  programNotes,
  unitsUsedBy,
} from './charges.store';

/** The longest span one generation covers: a month of service, as billing works. */
export const MAX_GENERATION_DAYS = 31;

export type GenerateCharges = {
  organizationId: string;
  siteId: string;
  programId: string;
  from: string;
  through: string;
  auditEach: (events: AuditEvent[]) => Promise<void>;
};

export type NoCharge = {
  patientId: string;
  date: string;
  serviceId: string | null;
  reason: NoChargeReason | 'no_episode' | 'no_fee_scheduled';
};

export type GenerationReport = { created: ChargeRow[]; alreadyCharged: number; noCharge: NoCharge[] };

/** How the payer bills the program's day; self-pay days are priced as a per diem. */
function methodFor(payer: PayerRow | undefined, substanceUse: boolean): BillingMethod {
  const revenueCode = substanceUse ? '0906' : '0905';
  if (payer?.billingMethod === 'medicare_iop') return { kind: 'medicare_iop', revenueCode };
  if (payer?.billingMethod === 'itemized') return { kind: 'itemized' };
  return {
    kind: 'per_diem',
    hcpcs: substanceUse ? 'H0015' : 'S9480',
    ...(payer?.claimType === '837I' ? { revenueCode } : {}),
  };
}

const plainDate = (value: string, path: string) => {
  try {
    return Temporal.PlainDate.from(value);
  } catch {
    throw new InputError([{ path, message: 'must be a date (YYYY-MM-DD)' }]);
  }
};

/**
 * Makes the charges a program's record supports between two dates (inclusive): per member and day, from the
 * attendance and the locked notes (domain `billableDays`), billed the way the primary payer on that day wants
 * (`chargesForDay`), priced from the fee schedule, drawn on the authorization that covers it. Running it
 * again makes only what is new: a live charge for a patient, date and code is never made twice. What makes
 * no charge is reported with its reason. Charges enter the queue for billing to review.
 */
export async function generateCharges(tx: Tx, input: GenerateCharges): Promise<GenerationReport> {
  const from = plainDate(input.from, 'from');
  const through = plainDate(input.through, 'through');
  if (Temporal.PlainDate.compare(through, from) < 0) {
    throw new InputError([{ path: 'through', message: 'must be on or after the first day' }]);
  }
  if (from.until(through).days >= MAX_GENERATION_DAYS) {
    throw new InputError([{ path: 'through', message: `at most ${MAX_GENERATION_DAYS} days at a time` }]);
  }
  const found = await findProgram(tx, input.siteId, input.programId);
  if (!found) throw AppError.notFound('The program');
  const zone = programConfig(found).timeZone;
  const substanceUse = isPart2Program(found.program.kind);
  const startOf = (day: Temporal.PlainDate) =>
    new Date(day.toZonedDateTime({ timeZone: zone }).epochMilliseconds);

  const attended = await attendedSessions(tx, input.programId, input.from, input.through);
  const noteRows = await programNotes(tx, input.programId, startOf(from), startOf(through.add({ days: 1 })));
  const days = billableDays(
    attended.map((a) => ({ ...a, date: Temporal.PlainDate.from(a.localDate) })),
    noteRows.map((n) => ({
      ...n,
      locked: n.status === 'locked',
      date: Temporal.Instant.fromEpochMilliseconds(n.serviceAt.getTime())
        .toZonedDateTimeISO(zone)
        .toPlainDate(),
    })),
  );
  const patientIds = [...days.keys()];
  const episodeRows = await programEpisodes(tx, input.programId, patientIds);
  const coverageRows = await coveragesOfPatients(tx, patientIds);
  const existing = await liveCharges(tx, patientIds, input.from, input.through);
  const authorizationRows = await authorizationsOfEpisodes(
    tx,
    episodeRows.map((e) => e.id),
  );
  const used = await unitsUsedBy(
    tx,
    authorizationRows.map((a) => a.id),
  );
  const fees = (await organizationFees(tx, input.organizationId)).map((f) => ({
    ...f,
    effectiveFrom: Temporal.PlainDate.from(f.effectiveFrom),
  }));
  const charged = new Set(existing.map((c) => `${c.patientId}|${c.serviceDate}|${c.code}`));

  const report: GenerationReport = { created: [], alreadyCharged: 0, noCharge: [] };
  const values: Parameters<typeof insertCharges>[1] = [];
  for (const [patientId, memberDays] of days) {
    const coverages = coverageRows
      .filter((r) => r.coverage.patientId === patientId)
      .map((r) => ({
        ...r,
        rank: r.coverage.rank,
        from: Temporal.PlainDate.from(r.coverage.effectiveFrom),
        through: r.coverage.effectiveThrough ? Temporal.PlainDate.from(r.coverage.effectiveThrough) : null,
      }));
    for (const day of memberDays) {
      const date = day.date.toString();
      const episode = episodeRows.find(
        (e) =>
          e.patientId === patientId &&
          e.admittedOn !== null &&
          e.admittedOn <= date &&
          (e.dischargedOn === null || e.dischargedOn >= date),
      );
      if (!episode) {
        report.noCharge.push({ patientId, date, serviceId: null, reason: 'no_episode' });
        continue;
      }
      const coverage = coverageOn(coverages, day.date);
      const result = chargesForDay(day, methodFor(coverage?.payer, substanceUse));
      for (const skip of result.noCharge) {
        report.noCharge.push({ patientId, date, serviceId: skip.serviceId ?? null, reason: skip.reason });
      }
      const authorizations = authorizationRows
        .filter((a) => a.episodeId === episode.id && a.coverageId === coverage?.coverage.id)
        .map((a) => ({
          ...a,
          status: a.status as AuthorizationStatus,
          from: Temporal.PlainDate.from(a.startsOn),
          through: Temporal.PlainDate.from(a.endsOn),
        }));
      for (const line of oneLinePerCode(result.lines)) {
        if (charged.has(`${patientId}|${date}|${line.code}`)) {
          report.alreadyCharged += 1;
          continue;
        }
        const fee = feeFor(fees, { code: line.code, payerId: coverage?.payer.id ?? null, date: day.date });
        if (!fee) {
          report.noCharge.push({ patientId, date, serviceId: null, reason: 'no_fee_scheduled' });
          continue;
        }
        const authorization = authorizationFor(authorizations, line, used);
        if (authorization) used.set(authorization.id, (used.get(authorization.id) ?? 0) + line.units);
        values.push({
          organizationId: input.organizationId,
          siteId: input.siteId,
          patientId,
          episodeId: episode.id,
          programId: input.programId,
          serviceDate: date,
          code: line.code,
          revenueCode: line.revenueCode ?? null,
          units: line.units,
          amountCents: fee.amountCents * line.units,
          serviceIds: [...line.serviceIds],
          coverageId: coverage?.coverage.id ?? null,
          authorizationId: authorization?.id ?? null,
          status: 'queued',
        });
      }
    }
  }
  report.created = await insertCharges(tx, values);
  await input.auditEach(
    report.created.map((c) => ({
      action: 'charge.create',
      entity: 'charge',
      entityId: c.id,
      patientId: c.patientId,
      siteId: c.siteId,
      detail: { code: c.code, serviceDate: c.serviceDate, units: c.units },
    })),
  );
  return report;
}
