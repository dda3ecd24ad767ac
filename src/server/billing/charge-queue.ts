import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { type AuthorizationStatus, scrubCharge } from '../../domain/billing';
import { listEpisodeDetails } from '../episodes';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { Charge, ChargeReview } from './charges.schema';
import { type ChargeQueueFilter, listSiteCharges, unitsUsedBy } from './charges.store';
import { certificationsOfEpisodes } from './medicare-certifications';

export type BillingSetup = { npi?: string; taxonomy?: string };

/**
 * A page of the site's charges, each with every reason the scrubber finds it would be denied (coverage,
 * authorization and its units, diagnosis, billing provider, certification, filing limit). Four queries
 * whatever the page size (five).
 */
export async function scrubbedCharges(
  tx: Tx,
  at: { siteId: string; today: Temporal.PlainDate; billing: BillingSetup },
  q: ChargeQueueFilter & { payerId?: string },
  chargeId?: string,
) {
  const { rows, total } = await listSiteCharges(tx, at.siteId, q, chargeId);
  const { diagnoses } = await listEpisodeDetails(tx, [...new Set(rows.map((r) => r.charge.episodeId))]);
  const certifications = await certificationsOfEpisodes(tx, [
    ...new Set(rows.map((r) => r.charge.episodeId)),
  ]);
  const used = await unitsUsedBy(tx, [
    ...new Set(rows.flatMap((r) => (r.charge.authorizationId ? [r.charge.authorizationId] : []))),
  ]);
  const scrubbed = rows.map((row) => {
    const { charge, coverage, payer, authorization } = row;
    const date = Temporal.PlainDate.from(charge.serviceDate);
    const problems = scrubCharge({
      line: {
        date,
        code: charge.code,
        units: charge.units,
        serviceIds: charge.serviceIds,
        ...(charge.revenueCode ? { revenueCode: charge.revenueCode } : {}),
      },
      today: at.today,
      coverage: coverage
        ? {
            from: Temporal.PlainDate.from(coverage.effectiveFrom),
            ...(coverage.effectiveThrough
              ? { through: Temporal.PlainDate.from(coverage.effectiveThrough) }
              : {}),
          }
        : null,
      payer: {
        authorizationRequired: payer?.authorizationRequired ?? false,
        medicare: payer?.medicare ?? false,
        timelyFiling: { days: payer?.timelyFilingDays ?? 365 },
      },
      authorization: authorization
        ? {
            status: authorization.status as AuthorizationStatus,
            from: Temporal.PlainDate.from(authorization.startsOn),
            through: Temporal.PlainDate.from(authorization.endsOn),
            unitsApproved: authorization.unitsApproved,
            serviceCodes: authorization.serviceCodes,
          }
        : null,
      // Units the other live charges use: this charge's own units are the ones being checked.
      authorizationUnitsUsed: authorization
        ? (used.get(authorization.id) ?? 0) - (charge.status === 'void' ? 0 : charge.units)
        : 0,
      // A charge is made only from locked notes and settled days; locked notes never reopen.
      documented: true,
      diagnosisCodes: diagnoses.filter((d) => d.episodeId === charge.episodeId).map((d) => d.code),
      ...(at.billing.npi ? { billingNpi: at.billing.npi } : {}),
      ...(at.billing.taxonomy ? { billingTaxonomy: at.billing.taxonomy } : {}),
      medicareCertificationsSignedOn: certifications
        .filter((c) => c.episodeId === charge.episodeId)
        .map((c) => Temporal.PlainDate.from(c.signedOn)),
      duplicateOfBilled: false,
      patientPaysPrivately: false,
    });
    return { ...row, problems };
  });
  return { rows: scrubbed, total, diagnoses };
}

/** A page of the site's charge queue as the API shows it. */
export async function chargeQueue(
  tx: Tx,
  at: { siteId: string; today: Temporal.PlainDate; billing: BillingSetup },
  q: ChargeQueueFilter,
  chargeId?: string,
): Promise<{ items: z.infer<typeof Charge>[]; total: number }> {
  const { rows, total } = await scrubbedCharges(tx, at, q, chargeId);
  const items = rows.map(({ charge, patient, payer, authorization, problems }) => {
    return {
      id: charge.id,
      patient: { id: patient.id, mrn: patient.mrn, name: `${patient.familyName}, ${patient.givenName}` },
      episodeId: charge.episodeId,
      programId: charge.programId,
      serviceDate: charge.serviceDate,
      code: charge.code,
      revenueCode: charge.revenueCode,
      units: charge.units,
      amountCents: charge.amountCents,
      payerName: payer?.name ?? null,
      authorizationNumber: authorization?.authorizationNumber ?? null,
      status: charge.status as z.infer<typeof Charge>['status'],
      holdReason: charge.holdReason,
      problems,
      version: charge.version,
    };
  });
  return { items, total };
}

/**
 * What billing may do with a charge: a billed or voided one is closed; a hold says why; a release needs a
 * charge with no problems left (the scrubber's reasons are named back).
 */
export function reviewAllowed(charge: z.infer<typeof Charge>, review: z.infer<typeof ChargeReview>): void {
  if (charge.status === 'billed' || charge.status === 'void') {
    throw AppError.conflict(`The charge is ${charge.status}; it can no longer be reviewed.`, 'charge_closed');
  }
  if (review.status === 'held' && !review.holdReason) {
    throw AppError.validation([{ path: 'holdReason', message: 'Say why the charge is held.' }]);
  }
  if (review.status === 'released' && charge.problems.length > 0) {
    throw AppError.validation([
      {
        path: 'status',
        message: `The charge cannot be released: ${charge.problems.map((p) => p.message).join(' ')}`,
      },
    ]);
  }
}
