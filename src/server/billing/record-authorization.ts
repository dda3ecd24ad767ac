import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { assertAuthorization, type RecordedAuthorization } from '../../domain/billing';
import { isLevelCode } from '../../domain/placement/levels-of-care';
import { listCoverages } from '../coverages';
import { findEpisode } from '../episodes';
import { type ActingOnPatient, newPatientRecordColumns } from '../platform/acting-on-patient';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { AuthorizationRequest } from './authorizations.schema';
import {
  type AuthorizationRow,
  findAuthorization,
  insertAuthorization,
  listAuthorizations,
  updateAuthorization,
} from './authorizations.store';
import { drawUnlinkedCharges } from './charges.store';

type AuthorizationInput = ActingOnPatient & { request: z.infer<typeof AuthorizationRequest> };

const asRecorded = (
  a: Pick<AuthorizationRow, 'id' | 'episodeId' | 'authorizationNumber' | 'status' | 'startsOn' | 'endsOn'> & {
    unitsApproved: number;
    serviceCodes: readonly string[];
  },
): RecordedAuthorization => ({
  id: a.id,
  episodeId: a.episodeId,
  authorizationNumber: a.authorizationNumber,
  status: a.status as RecordedAuthorization['status'],
  from: Temporal.PlainDate.from(a.startsOn),
  through: Temporal.PlainDate.from(a.endsOn),
  unitsApproved: a.unitsApproved,
  serviceCodes: a.serviceCodes,
});

/**
 * The checks a new authorization and a change pass: an episode and a coverage of this patient, a level of
 * care we know, then the domain's rules (dates, number and units by status, no overlap, not below units used).
 */
async function checkAuthorization(tx: Tx, input: AuthorizationInput, current?: AuthorizationRow) {
  const { request, patient } = input;
  const fields: { path: string; message: string }[] = [];
  if (!(await findEpisode(tx, patient.id, request.episodeId))) {
    fields.push({ path: 'episodeId', message: 'Is not an episode of this patient.' });
  }
  const [coverage] = await listCoverages(tx, patient.id, request.coverageId);
  if (!coverage) fields.push({ path: 'coverageId', message: 'Is not a coverage of this patient.' });
  if (!isLevelCode(request.levelOfCare)) {
    fields.push({ path: 'levelOfCare', message: 'Is not an ASAM level of care code (e.g. 2.1).' });
  }
  if (fields.length > 0) throw AppError.validation(fields);
  const others = await listAuthorizations(tx, patient.id);
  assertAuthorization(
    asRecorded({
      id: current?.id ?? '',
      episodeId: request.episodeId,
      authorizationNumber: request.authorizationNumber,
      status: request.status,
      startsOn: request.from,
      endsOn: request.through,
      unitsApproved: request.unitsApproved,
      serviceCodes: request.serviceCodes,
    }),
    others.map(asRecorded),
    current?.unitsUsed ?? 0,
  );
}

function columns(request: AuthorizationInput['request']) {
  return {
    episodeId: request.episodeId,
    coverageId: request.coverageId,
    levelOfCare: request.levelOfCare,
    authorizationNumber: request.authorizationNumber,
    serviceCodes: [...new Set(request.serviceCodes)],
    unitsRequested: request.unitsRequested,
    unitsApproved: request.unitsApproved,
    startsOn: request.from,
    endsOn: request.through,
    status: request.status,
    payerContact: request.payerContact,
  };
}

/** Records a payer's authorization (or a request for one) for an episode of the patient. */
export async function recordAuthorization(tx: Tx, input: AuthorizationInput): Promise<string> {
  await checkAuthorization(tx, input);
  const id = await insertAuthorization(tx, {
    ...newPatientRecordColumns(input),
    ...columns(input.request),
  });
  await input.audit('authorization.create', 'authorization', id, { status: input.request.status });
  await drawCharges(tx, input.patient.id, id);
  return id;
}

/**
 * Changes an authorization at the version read (the payer approved, cut or extended it); undefined when the
 * version is stale. Units may not drop below what charges already use.
 */
export async function changeAuthorization(
  tx: Tx,
  input: AuthorizationInput & { current: AuthorizationRow; version: number },
): Promise<string | undefined> {
  await checkAuthorization(tx, input, input.current);
  const id = await updateAuthorization(
    tx,
    input.current.id,
    input.version,
    columns(input.request),
    input.now,
  );
  if (id) {
    await input.audit('authorization.update', 'authorization', id, { status: input.request.status });
    await drawCharges(tx, input.patient.id, id);
  }
  return id;
}

/** A granted authorization takes on the charges already made for it that had none. */
async function drawCharges(tx: Tx, patientId: string, id: string) {
  const saved = await findAuthorization(tx, patientId, id);
  if (!saved || (saved.status !== 'approved' && saved.status !== 'partially_approved')) return;
  await drawUnlinkedCharges(tx, saved, saved.unitsApproved - saved.unitsUsed);
}
