import type { z } from '@hono/zod-openapi';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';

import type { PayerRequest } from './coverages.schema';
import { findPayerByCode, insertPayer, type PayerRow, updatePayer } from './coverages.store';

type SavePayer = {
  actor: { organizationId: string };
  request: z.infer<typeof PayerRequest>;
  now: Date;
  audit: AuditWrite;
};

async function assertCodeFree(tx: Tx, organizationId: string, payerCode: string, exceptId?: string) {
  if (await findPayerByCode(tx, organizationId, payerCode, exceptId)) {
    throw AppError.validation([
      { path: 'payerCode', message: 'Another payer of the organization has this payer id.' },
    ]);
  }
}

/** Adds a payer to the organization's directory; a payer id is listed once. */
export async function addPayer(tx: Tx, { actor, request, now, audit }: SavePayer): Promise<PayerRow> {
  await assertCodeFree(tx, actor.organizationId, request.payerCode);
  const row = await insertPayer(tx, {
    ...request,
    organizationId: actor.organizationId,
    createdAt: now,
    updatedAt: now,
  });
  await audit('payer.create', 'payer', row.id);
  return row;
}

/** Changes a payer at the version the caller read (409 when someone changed it first). */
export async function changePayer(
  tx: Tx,
  { actor, request, now, audit, payerId, version }: SavePayer & { payerId: string; version: number },
): Promise<PayerRow | undefined> {
  await assertCodeFree(tx, actor.organizationId, request.payerCode, payerId);
  const row = await updatePayer(tx, payerId, version, request, now);
  if (row) await audit('payer.update', 'payer', row.id);
  return row;
}
