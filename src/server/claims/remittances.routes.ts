import { z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { SiteParams, UuidParam } from '../platform/http/common.schema';
import { siteRoutes } from '../platform/http/route-builder';
import { DENIAL_ACTIONS, denialQueue, workDenial } from './denials';
import { importRemittance } from './post-remittance-file';

const RemittanceRequest = z
  .strictObject({ file: z.string().min(1, 'Paste or upload the 835 file.').max(5_000_000) })
  .openapi('RemittanceRequest');
const PostedRemittance = z
  .object({
    id: z.uuid(),
    traceNumber: z.string(),
    paymentCents: z.number().int(),
    claims: z.number().int(),
    paidCents: z.number().int(),
    patientResponsibilityCents: z.number().int(),
    denials: z.number().int(),
  })
  .openapi('PostedRemittance');
const DenialItem = z.object({
  id: z.uuid(),
  patient: z.object({ id: z.uuid(), mrn: z.string(), name: z.string() }),
  code: z.string(),
  serviceDate: z.string(),
  chargeCents: z.number().int(),
  patientControlNumber: z.string(),
  status: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
});
const DenialGroups = z
  .object({
    groups: z.array(
      z.object({
        reason: z.string(),
        text: z.string(),
        totalCents: z.number().int(),
        items: z.array(DenialItem),
      }),
    ),
  })
  .openapi('DenialQueue');
const DenialWork = z
  .strictObject({
    action: z.enum(DENIAL_ACTIONS),
    note: z.string().trim().min(1).max(1000).nullable().default(null),
  })
  .openapi('DenialWork');

export function registerRemittanceRoutes(app: App) {
  const sites = siteRoutes(app, { tags: ['Billing'] });

  sites.post(
    '/api/sites/{siteId}/remittances',
    {
      status: 201,
      idempotent: true,
      permission: 'claim.write',
      summary:
        'Post an 835 remittance whole or not at all: payments, adjustments, the patient share and denials per charge',
      body: RemittanceRequest,
      ok: [PostedRemittance, 'Posted'],
    },
    async ({ tx, site, actor, now, auditEach }, { json }) =>
      importRemittance(tx, {
        organizationId: actor.organizationId,
        siteId: site.id,
        userId: actor.userId,
        file: json.file,
        now,
        auditEach,
      }),
  );

  sites.get(
    '/api/sites/{siteId}/denials',
    {
      permission: 'claim.read',
      summary: "The site's denials to work, grouped by reason with the reason's words, most money first",
      query: z.object({
        status: z.enum(['open', 'rebilled', 'appealed', 'written_off']).default('open'),
      }),
      ok: [DenialGroups, 'Denials'],
    },
    async ({ tx, site, auditEach }, { query }) => {
      const groups = await denialQueue(tx, site.id, query.status);
      await auditEach(
        groups.flatMap((g) =>
          (g.items as z.infer<typeof DenialItem>[]).map((i) => ({
            action: 'denial.read',
            entity: 'charge_posting',
            entityId: i.id,
            patientId: i.patient.id,
            siteId: site.id,
          })),
        ),
      );
      return { groups: groups as z.infer<typeof DenialGroups>['groups'] };
    },
  );

  sites.put(
    '/api/sites/{siteId}/denials/{postingId}',
    {
      versioned: true,
      permission: 'claim.write',
      summary:
        'Work a denial: rebill (the charge returns to the queue), appeal or write off, with a note; needs If-Match',
      params: SiteParams.extend({ postingId: UuidParam('postingId') }),
      body: DenialWork,
      ok: [z.object({ id: z.uuid(), status: z.string(), version: z.number().int() }), 'Worked'],
    },
    async ({ tx, site, now, version, auditEach }, { param, json }) => {
      const row = await workDenial(tx, { siteId: site.id, postingId: param.postingId, version, now }, json);
      await auditEach([
        {
          action: 'denial.work',
          entity: 'charge_posting',
          entityId: row.id,
          patientId: row.patientId,
          siteId: site.id,
          detail: { action: json.action },
        },
      ]);
      return { id: row.id, status: row.denialStatus ?? '', version: row.version };
    },
  );
}
