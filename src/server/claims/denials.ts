import { and, asc, eq, sql } from 'drizzle-orm';
import { charges, requeueBilledCharge } from '../billing';
import { patients } from '../patients';
import type { Tx } from '../platform/db/database';
import { updateAtVersion } from '../platform/db/update-at-version';
import { AppError } from '../platform/errors';
import { staleVersion } from '../platform/http/versioning';
import { chargePostings, claims } from './claims.table';

export const DENIAL_ACTIONS = ['rebill', 'appeal', 'write_off'] as const;
const STATUS_AFTER: Record<(typeof DENIAL_ACTIONS)[number], string> = {
  rebill: 'rebilled',
  appeal: 'appealed',
  write_off: 'written_off',
};

/** The site's denials in a work status, grouped by reason (most money first), each with its charge. */
export async function denialQueue(tx: Tx, siteId: string, status: string) {
  const rows = await tx
    .select({
      posting: chargePostings,
      patient: {
        id: patients.id,
        mrn: patients.mrn,
        givenName: patients.givenName,
        familyName: patients.familyName,
      },
      charge: { code: charges.code, serviceDate: charges.serviceDate, amountCents: charges.amountCents },
      patientControlNumber: claims.patientControlNumber,
    })
    .from(chargePostings)
    .innerJoin(patients, eq(patients.id, chargePostings.patientId))
    .innerJoin(charges, eq(charges.id, chargePostings.chargeId))
    .innerJoin(claims, eq(claims.id, chargePostings.claimId))
    .where(and(eq(chargePostings.siteId, siteId), eq(chargePostings.denialStatus, status)))
    .orderBy(asc(charges.serviceDate))
    .limit(1000);
  const groups = new Map<string, { reason: string; text: string; totalCents: number; items: unknown[] }>();
  for (const r of rows) {
    const reason = r.posting.denialReason ?? 'unknown';
    const group = groups.get(reason) ?? {
      reason,
      text: r.posting.denialText ?? '',
      totalCents: 0,
      items: [],
    };
    group.totalCents += r.charge.amountCents;
    group.items.push({
      id: r.posting.id,
      patient: {
        id: r.patient.id,
        mrn: r.patient.mrn,
        name: `${r.patient.familyName}, ${r.patient.givenName}`,
      },
      code: r.charge.code,
      serviceDate: r.charge.serviceDate,
      chargeCents: r.charge.amountCents,
      patientControlNumber: r.patientControlNumber,
      status: r.posting.denialStatus ?? status,
      note: r.posting.denialNote,
      version: r.posting.version,
    });
    groups.set(reason, group);
  }
  return [...groups.values()].sort((a, b) => b.totalCents - a.totalCents);
}

/**
 * Works one open denial: rebill puts the charge back in the queue (corrected, it goes on a new claim), appeal
 * and write-off record the decision with a note. At the version read: 409 with the current version when stale.
 */
export async function workDenial(
  tx: Tx,
  at: { siteId: string; postingId: string; version: number; now: Date },
  work: { action: (typeof DENIAL_ACTIONS)[number]; note: string | null },
) {
  const [posting] = await tx
    .select()
    .from(chargePostings)
    .where(and(eq(chargePostings.id, at.postingId), eq(chargePostings.siteId, at.siteId)));
  if (!posting || !posting.denialStatus) throw AppError.notFound('The denial');
  if (posting.denialStatus !== 'open') {
    throw AppError.conflict(
      `The denial was ${posting.denialStatus.replace('_', ' ')} already.`,
      'denial_closed',
    );
  }
  if (work.action !== 'rebill' && !work.note) {
    throw AppError.validation([{ path: 'note', message: 'Say what was appealed or why it is written off.' }]);
  }
  const row = await updateAtVersion(
    tx,
    chargePostings,
    posting.id,
    at.version,
    { denialStatus: STATUS_AFTER[work.action], denialNote: work.note },
    at.now,
  );
  if (!row) throw staleVersion(posting.version);
  if (work.action === 'rebill') await requeueBilledCharge(tx, posting.chargeId, at.now);
  return row;
}
