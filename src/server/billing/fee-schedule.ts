import { z } from '@hono/zod-openapi';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { findPayer } from '../coverages';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { userRoutes } from '../platform/http/route-builder';
import { ServiceCode } from './authorizations.schema';
import { feeSchedule } from './billing.table';

export const FeeRequest = z
  .strictObject({
    code: ServiceCode,
    payerId: z.uuid({ message: 'Must be a UUID.' }).nullable().default(null),
    amountCents: z.number().int().min(1).max(10_000_000),
    effectiveFrom: z.iso.date({ message: 'Must be a date (YYYY-MM-DD).' }),
  })
  .openapi('FeeRequest');
export const Fee = FeeRequest.extend({ id: z.uuid() }).openapi('Fee');
const FeeList = z.object({ items: z.array(Fee) }).openapi('FeeList');

const feeJson = (row: typeof feeSchedule.$inferSelect): z.infer<typeof Fee> => ({
  id: row.id,
  code: row.code,
  payerId: row.payerId,
  amountCents: row.amountCents,
  effectiveFrom: row.effectiveFrom,
});

/**
 * Adds a fee: the organization's standard charge for a code from a date (no payer), or one payer's. A later
 * row supersedes an earlier one from its date; one row per code, payer and date.
 */
async function addFee(tx: Tx, organizationId: string, request: z.infer<typeof FeeRequest>, now: Date) {
  if (request.payerId && !(await findPayer(tx, organizationId, request.payerId))) {
    throw AppError.validation([{ path: 'payerId', message: 'Not a payer of the organization.' }]);
  }
  const [same] = await tx
    .select({ id: feeSchedule.id })
    .from(feeSchedule)
    .where(
      and(
        eq(feeSchedule.organizationId, organizationId),
        eq(feeSchedule.code, request.code),
        request.payerId ? eq(feeSchedule.payerId, request.payerId) : isNull(feeSchedule.payerId),
        eq(feeSchedule.effectiveFrom, request.effectiveFrom),
      ),
    );
  if (same) {
    throw AppError.validation([
      { path: 'effectiveFrom', message: 'A fee for this code and payer already starts on this date.' },
    ]);
  }
  const [row] = await tx
    .insert(feeSchedule)
    .values({ ...request, organizationId, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export function registerFeeScheduleRoutes(app: App) {
  const users = userRoutes(app, { tags: ['Billing'] });

  users.get(
    '/api/fee-schedule',
    {
      permission: 'fee.read',
      summary:
        "The organization's fees by code: standard charges and per-payer rates, with the dates they start",
      ok: [FeeList, 'Fees'],
    },
    async ({ tx, actor }) => ({
      items: (
        await tx
          .select()
          .from(feeSchedule)
          .where(eq(feeSchedule.organizationId, actor.organizationId))
          .orderBy(asc(feeSchedule.code), asc(feeSchedule.effectiveFrom))
          .limit(2000)
      ).map(feeJson),
    }),
  );

  users.post(
    '/api/fee-schedule',
    {
      status: 201,
      idempotent: true,
      permission: 'fee.write',
      summary: 'Add a fee for a code from a date (the organization standard, or one payer when named)',
      body: FeeRequest,
      ok: [Fee, 'Added'],
    },
    async ({ tx, actor, now, audit }, { json }) => {
      const row = await addFee(tx, actor.organizationId, json, now);
      await audit('fee.create', 'fee', row.id, { code: row.code, amountCents: row.amountCents });
      return feeJson(row);
    },
  );
}
