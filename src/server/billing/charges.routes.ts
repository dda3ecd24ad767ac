import type { App } from '../platform/http/app-env';
import { siteParams } from '../platform/http/common.schema';
import { siteRoutes } from '../platform/http/route-builder';
import { readPatientRecord, versionedUpdate } from '../platform/http/route-wrappers';
import { siteToday } from '../sites';
import {
  BillingProvider,
  BillingProviderRequest,
  billingProviderJson,
  findBillingProvider,
  saveBillingProvider,
} from './billing-provider';
import { chargeQueue, reviewAllowed } from './charge-queue';
import {
  Charge,
  ChargeList,
  ChargeQuery,
  ChargeReview,
  GenerateChargesRequest,
  GenerationResult,
} from './charges.schema';
import { updateChargeReview } from './charges.store';
import { generateCharges } from './generate-charges';

const SiteProgram = siteParams('programId');
const SiteCharge = siteParams('chargeId');

export function registerChargeRoutes(app: App) {
  const sites = siteRoutes(app, { tags: ['Billing'] });

  sites.get(
    '/api/sites/{siteId}/billing-provider',
    {
      permission: 'billing.setup.read',
      summary: "The site's billing provider (name, NPI, tax id, taxonomy, address); 404 until it is set",
      ok: [BillingProvider, 'Billing provider'],
    },
    async ({ tx, site }) =>
      billingProviderJson(await readPatientRecord(findBillingProvider(tx, site.id), 'The billing provider')),
  );

  sites.put(
    '/api/sites/{siteId}/billing-provider',
    {
      versioned: true,
      permission: 'billing.setup.write',
      summary:
        'Set the billing provider; the NPI check digit is verified; needs If-Match ("0" before the first save)',
      body: BillingProviderRequest,
      ok: [BillingProvider, 'Saved'],
    },
    async ({ tx, site, actor, version, now, audit }, { json }) => {
      const saved = await versionedUpdate(
        saveBillingProvider(
          tx,
          { organizationId: actor.organizationId, siteId: site.id, version, now },
          json,
        ),
        (await findBillingProvider(tx, site.id)) ?? { version: 0 },
      );
      await audit('billing_provider.update', 'billing_provider', saved.id);
      return billingProviderJson(saved);
    },
  );

  sites.post(
    '/api/sites/{siteId}/programs/{programId}/charges/generate',
    {
      permission: 'charge.write',
      summary:
        'Make the charges the record supports between two dates (attendance, locked notes, payer, fee, authorization); only what is new',
      params: SiteProgram,
      body: GenerateChargesRequest,
      ok: [GenerationResult, 'What was made, and what made no charge'],
    },
    async ({ tx, site, actor, auditEach }, { param, json }) => {
      const report = await generateCharges(tx, {
        organizationId: actor.organizationId,
        siteId: site.id,
        programId: param.programId,
        from: json.from,
        through: json.through,
        auditEach,
      });
      return {
        created: report.created.length,
        alreadyCharged: report.alreadyCharged,
        noCharge: report.noCharge,
      };
    },
  );

  sites.get(
    '/api/sites/{siteId}/charges',
    {
      permission: 'charge.read',
      summary:
        "The site's charge queue: codes, dates, units, amounts, payer, and every problem that would deny it",
      query: ChargeQuery,
      ok: [ChargeList, 'Charges'],
    },
    async ({ tx, site, now, auditEach }, { query }) => {
      const provider = await findBillingProvider(tx, site.id);
      const today = await siteToday(tx, site.id, now);
      const { items, total } = await chargeQueue(
        tx,
        { siteId: site.id, today, billing: { npi: provider?.npi, taxonomy: provider?.taxonomy } },
        query,
      );
      await auditEach(
        items.map((c) => ({
          action: 'charge.read',
          entity: 'charge',
          entityId: c.id,
          patientId: c.patient.id,
          siteId: site.id,
        })),
      );
      return { items, page: query.page, pageSize: query.pageSize, total };
    },
  );

  sites.put(
    '/api/sites/{siteId}/charges/{chargeId}/review',
    {
      versioned: true,
      permission: 'charge.write',
      summary:
        'Hold a charge (with the reason), put it back in the queue, or release it for a claim (refused while it has problems); needs If-Match',
      params: SiteCharge,
      body: ChargeReview,
      ok: [Charge, 'Reviewed'],
    },
    async ({ tx, site, now, version, auditEach }, { param, json }) => {
      const provider = await findBillingProvider(tx, site.id);
      const today = await siteToday(tx, site.id, now);
      const at = { siteId: site.id, today, billing: { npi: provider?.npi, taxonomy: provider?.taxonomy } };
      const page = { page: 1, pageSize: 1 };
      const [current] = (await chargeQueue(tx, at, page, param.chargeId)).items;
      const charge = await readPatientRecord(Promise.resolve(current), 'The charge');
      reviewAllowed(charge, json);
      await versionedUpdate(
        updateChargeReview(
          tx,
          charge.id,
          version,
          { status: json.status, holdReason: json.status === 'held' ? json.holdReason : null },
          now,
        ),
        charge,
      );
      await auditEach([
        {
          action: 'charge.review',
          entity: 'charge',
          entityId: charge.id,
          patientId: charge.patient.id,
          siteId: site.id,
          detail: { status: json.status },
        },
      ]);
      const [saved] = (await chargeQueue(tx, at, page, param.chargeId)).items;
      return readPatientRecord(Promise.resolve(saved), 'The charge');
    },
  );
}
