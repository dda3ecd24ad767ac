import { z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import type { App } from '../platform/http/app-env';
import { siteParams } from '../platform/http/common.schema';
import { siteRoutes } from '../platform/http/route-builder';
import { readPatientRecord } from '../platform/http/route-wrappers';
import { buildClaimBatch, findClaimBatch } from './build-claim-batch';
import { claimBatches } from './claims.table';

const SiteBatch = siteParams('batchId');

const ClaimBatchRequest = z
  .strictObject({ payerId: z.uuid({ message: 'Must be a UUID.' }) })
  .openapi('ClaimBatchRequest');
const ClaimBatchSummary = z
  .object({
    id: z.uuid(),
    payerId: z.uuid(),
    claimType: z.enum(['837P', '837I']),
    controlNumber: z.number().int(),
    claimCount: z.number().int(),
    totalCents: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('ClaimBatchSummary');
const BuiltBatch = ClaimBatchSummary.extend({
  claims: z.array(
    z.object({
      id: z.uuid(),
      patientId: z.uuid(),
      patientControlNumber: z.string(),
      totalCents: z.number().int(),
    }),
  ),
  skipped: z.array(z.object({ chargeId: z.uuid(), reasons: z.array(z.string()) })),
}).openapi('BuiltClaimBatch');

const summary = (b: typeof claimBatches.$inferSelect): z.infer<typeof ClaimBatchSummary> => ({
  id: b.id,
  payerId: b.payerId,
  claimType: b.claimType as '837P' | '837I',
  controlNumber: b.controlNumber,
  claimCount: b.claimCount,
  totalCents: b.totalCents,
  createdAt: b.createdAt.toISOString(),
});

export function registerClaimRoutes(app: App) {
  const sites = siteRoutes(app, { tags: ['Billing'] });

  sites.post(
    '/api/sites/{siteId}/claim-batches',
    {
      status: 201,
      idempotent: true,
      permission: 'claim.write',
      summary:
        "Build an 837 batch for a payer from the site's released, clean charges (one claim per patient and coverage); the charges become billed",
      body: ClaimBatchRequest,
      ok: [BuiltBatch, 'Built'],
    },
    async ({ tx, site, actor, now, auditEach }, { json }) => {
      const built = await buildClaimBatch(tx, {
        organizationId: actor.organizationId,
        siteId: site.id,
        payerId: json.payerId,
        userId: actor.userId,
        now,
        auditEach,
      });
      return {
        ...summary(built.batch),
        claims: built.claims.map((c) => ({
          id: c.id,
          patientId: c.patientId,
          patientControlNumber: c.patientControlNumber,
          totalCents: c.totalCents,
        })),
        skipped: built.skipped,
      };
    },
  );

  sites.get(
    '/api/sites/{siteId}/claim-batches',
    {
      permission: 'claim.read',
      summary: "The site's 837 batches, newest first",
      ok: [z.object({ items: z.array(ClaimBatchSummary) }).openapi('ClaimBatchList'), 'Batches'],
    },
    async ({ tx, site }) => ({
      items: (
        await tx
          .select()
          .from(claimBatches)
          .where(eq(claimBatches.siteId, site.id))
          .orderBy(desc(claimBatches.controlNumber))
          .limit(200)
      ).map(summary),
    }),
  );

  sites.get(
    '/api/sites/{siteId}/claim-batches/{batchId}/file',
    {
      permission: 'claim.read',
      summary: 'Download the batch as the X12 837 file sent to the clearinghouse',
      params: SiteBatch,
      responses: { 200: { description: 'The X12 file', content: { 'text/plain': { schema: z.string() } } } },
    },
    async ({ tx, site, audit }, { param }) => {
      const batch = await readPatientRecord(findClaimBatch(tx, site.id, param.batchId), 'The claim batch');
      await audit('claim_batch.download', 'claim_batch', batch.id, { claims: batch.claimCount });
      return new Response(batch.file, {
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'content-disposition': `attachment; filename="${batch.claimType}-${String(batch.controlNumber).padStart(9, '0')}.x12"`,
        },
      });
    },
  );
}
