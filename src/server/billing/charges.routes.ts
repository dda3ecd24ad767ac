import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  SiteParams,
  UuidParam,
} from '../platform/http/common.schema';
import { defineSiteRoute, readPatientRecord, versionedUpdate } from '../platform/http/route-wrappers';
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

const tags = ['Billing'];
const SiteProgram = SiteParams.extend({ programId: UuidParam('programId') });
const SiteCharge = SiteParams.extend({ chargeId: UuidParam('chargeId') });

export function registerChargeRoutes(app: App) {
  defineSiteRoute(
    app,
    {
      permission: 'billing.setup.read',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/billing-provider',
        tags,
        summary: "The site's billing provider (name, NPI, tax id, taxonomy, address); 404 until it is set",
        request: { params: SiteParams },
        responses: { 200: jsonResponse(BillingProvider, 'Billing provider'), ...errorResponses },
      }),
    },
    async ({ tx, site }) =>
      billingProviderJson(await readPatientRecord(findBillingProvider(tx, site.id), 'The billing provider')),
  );

  defineSiteRoute(
    app,
    {
      versioned: true,
      permission: 'billing.setup.write',
      route: createRoute({
        method: 'put',
        path: '/api/sites/{siteId}/billing-provider',
        tags,
        summary:
          'Set the billing provider; the NPI check digit is verified; needs If-Match ("0" before the first save)',
        request: { params: SiteParams, body: jsonBody(BillingProviderRequest) },
        responses: { 200: jsonResponse(BillingProvider, 'Saved'), ...errorResponses },
      }),
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

  defineSiteRoute(
    app,
    {
      permission: 'charge.write',
      route: createRoute({
        method: 'post',
        path: '/api/sites/{siteId}/programs/{programId}/charges/generate',
        tags,
        summary:
          'Make the charges the record supports between two dates (attendance, locked notes, payer, fee, authorization); only what is new',
        request: { params: SiteProgram, body: jsonBody(GenerateChargesRequest) },
        responses: {
          200: jsonResponse(GenerationResult, 'What was made, and what made no charge'),
          ...errorResponses,
        },
      }),
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

  defineSiteRoute(
    app,
    {
      permission: 'charge.read',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/charges',
        tags,
        summary:
          "The site's charge queue: codes, dates, units, amounts, payer, and every problem that would deny it",
        request: { params: SiteParams, query: ChargeQuery },
        responses: { 200: jsonResponse(ChargeList, 'Charges'), ...errorResponses },
      }),
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

  defineSiteRoute(
    app,
    {
      versioned: true,
      permission: 'charge.write',
      route: createRoute({
        method: 'put',
        path: '/api/sites/{siteId}/charges/{chargeId}/review',
        tags,
        summary:
          'Hold a charge (with the reason), put it back in the queue, or release it for a claim (refused while it has problems); needs If-Match',
        request: { params: SiteCharge, body: jsonBody(ChargeReview) },
        responses: { 200: jsonResponse(Charge, 'Reviewed'), ...errorResponses },
      }),
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
