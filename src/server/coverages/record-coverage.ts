import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { assertCoveragePeriod } from '../../domain/billing';
import { type ActingOnPatient, newPatientRecordColumns } from '../platform/acting-on-patient';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { CoverageRequest } from './coverages.schema';
import { findPayer, insertCoverage, listCoverages, updateCoverage } from './coverages.store';

type CoverageInput = ActingOnPatient & { request: z.infer<typeof CoverageRequest> };

/**
 * The checks both a new coverage and a change pass: an active payer of the organization, the subscriber
 * named when the patient is not the subscriber (the 837's subscriber loop needs them), and a period that
 * does not overlap another coverage of the same rank.
 */
async function checkCoverage(tx: Tx, input: CoverageInput, coverageId?: string) {
  const { request } = input;
  const payer = await findPayer(tx, input.actor.organizationId, request.payerId);
  if (!payer || !payer.active) {
    throw AppError.validation([{ path: 'payerId', message: 'Not an active payer of the organization.' }]);
  }
  if (request.subscriberRelationship !== 'self') {
    const missing = (
      ['subscriberGivenName', 'subscriberFamilyName', 'subscriberDateOfBirth'] as const
    ).filter((field) => !request[field]);
    if (missing.length > 0) {
      throw AppError.validation(
        missing.map((path) => ({ path, message: 'Required when the patient is not the subscriber.' })),
      );
    }
  }
  const others = await listCoverages(tx, input.patient.id);
  assertCoveragePeriod(
    {
      ...(coverageId ? { id: coverageId } : {}),
      rank: request.rank,
      from: Temporal.PlainDate.from(request.effectiveFrom),
      through: request.effectiveThrough ? Temporal.PlainDate.from(request.effectiveThrough) : null,
    },
    others.map((o) => ({
      id: o.id,
      rank: o.rank,
      from: Temporal.PlainDate.from(o.effectiveFrom),
      through: o.effectiveThrough ? Temporal.PlainDate.from(o.effectiveThrough) : null,
    })),
  );
}

function columns(request: CoverageInput['request']) {
  const self = request.subscriberRelationship === 'self';
  return {
    payerId: request.payerId,
    rank: request.rank,
    memberId: request.memberId,
    groupNumber: request.groupNumber ?? null,
    subscriberRelationship: request.subscriberRelationship,
    subscriberGivenName: self ? null : (request.subscriberGivenName ?? null),
    subscriberFamilyName: self ? null : (request.subscriberFamilyName ?? null),
    subscriberDateOfBirth: self ? null : (request.subscriberDateOfBirth ?? null),
    effectiveFrom: request.effectiveFrom,
    effectiveThrough: request.effectiveThrough ?? null,
  };
}

/** Records a patient's insurance coverage. */
export async function recordCoverage(tx: Tx, input: CoverageInput): Promise<string> {
  await checkCoverage(tx, input);
  const id = await insertCoverage(tx, {
    ...newPatientRecordColumns(input),
    ...columns(input.request),
  });
  await input.audit('coverage.create', 'coverage', id);
  return id;
}

/** Changes a coverage at the version read; undefined when it is stale (the caller answers 409). */
export async function changeCoverage(
  tx: Tx,
  input: CoverageInput & { coverageId: string; version: number },
): Promise<string | undefined> {
  await checkCoverage(tx, input, input.coverageId);
  const row = await updateCoverage(tx, input.coverageId, input.version, columns(input.request), input.now);
  if (row) await input.audit('coverage.update', 'coverage', row.id);
  return row?.id;
}
