import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { npiProblem } from '../../domain/billing';
import type { Tx } from '../platform/db/database';
import { billingProviders } from './billing.table';

export const BillingProviderRequest = z
  .strictObject({
    name: z.string().trim().min(1, 'Required.').max(60),
    npi: z
      .string()
      .trim()
      .superRefine((npi, ctx) => {
        const problem = npiProblem(npi);
        if (problem) ctx.addIssue({ code: 'custom', message: `${problem}.` });
      }),
    taxId: z.string().regex(/^\d{9}$/, 'The employer identification number: 9 digits, no dash.'),
    taxonomy: z
      .string()
      .regex(
        /^[0-9]{3}[0-9A-Z]{6}X$/,
        'A 10-character provider taxonomy code ending in X (e.g. 261QR0405X).',
      ),
    addressLine: z.string().trim().min(1, 'Required.').max(55),
    city: z.string().trim().min(1, 'Required.').max(30),
    state: z.string().regex(/^[A-Z]{2}$/, 'Two capital letters (e.g. IL).'),
    postalCode: z.string().regex(/^\d{9}$/, 'The 9-digit ZIP+4, no dash (837 billing provider address).'),
    contactName: z.string().trim().min(1).max(60).nullable().default(null),
    contactPhone: z
      .string()
      .regex(/^\d{10}$/, 'Ten digits, no spaces or dashes.')
      .nullable()
      .default(null)
      .describe('The billing office phone the 837 names; claims are not built without it'),
  })
  .openapi('BillingProviderRequest');

export const BillingProvider = BillingProviderRequest.extend({ version: z.number().int() }).openapi(
  'BillingProvider',
);

export type BillingProviderRow = typeof billingProviders.$inferSelect;

export async function findBillingProvider(tx: Tx, siteId: string): Promise<BillingProviderRow | undefined> {
  const [row] = await tx.select().from(billingProviders).where(eq(billingProviders.siteId, siteId));
  return row;
}

/**
 * Sets the site's billing provider at the version read (0 when none is set yet); undefined when stale.
 */
export async function saveBillingProvider(
  tx: Tx,
  at: { organizationId: string; siteId: string; version: number; now: Date },
  request: z.infer<typeof BillingProviderRequest>,
): Promise<BillingProviderRow | undefined> {
  if (at.version === 0) {
    const [row] = await tx
      .insert(billingProviders)
      .values({
        ...request,
        organizationId: at.organizationId,
        siteId: at.siteId,
        createdAt: at.now,
        updatedAt: at.now,
      })
      .onConflictDoNothing()
      .returning();
    return row;
  }
  const [row] = await tx
    .update(billingProviders)
    .set({ ...request, version: sql`${billingProviders.version} + 1`, updatedAt: at.now })
    .where(and(eq(billingProviders.siteId, at.siteId), eq(billingProviders.version, at.version)))
    .returning();
  return row;
}

export function billingProviderJson(row: BillingProviderRow): z.infer<typeof BillingProvider> {
  return {
    name: row.name,
    npi: row.npi,
    taxId: row.taxId,
    taxonomy: row.taxonomy,
    addressLine: row.addressLine,
    city: row.city,
    state: row.state,
    postalCode: row.postalCode,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    version: row.version,
  };
}
