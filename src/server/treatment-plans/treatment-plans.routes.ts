import { createRoute } from '@hono/zod-openapi';
import { EpisodeParams } from '../episodes';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse } from '../platform/http/common.schema';
import {
  definePatientRoute,
  definePortalRoute,
  defineUserRoute,
  readPatientRecord,
} from '../platform/http/route-wrappers';
import { createPlan } from './create-plan';
import { editPlan } from './edit-plan';
import { planJson, revisionJson } from './plan-json';
import { revisePlan } from './revise-plan';
import { signPlan } from './sign-plan';
import {
  OverdueReviews,
  PlanHistory,
  SavePlanRequest,
  SignPlanRequest,
  TreatmentPlan,
} from './treatment-plans.schema';
import { getPortalPlan, listOverdueReviews, listRevisions } from './treatment-plans.store';
import { currentPlan, writableEpisode } from './writable-plan';

const tags = ['Treatment plans'];
const conflictResponses = { 409: errorResponses[422], 428: errorResponses[422] };
const planPath = '/api/patients/{patientId}/episodes/{episodeId}/treatment-plan';

export function registerTreatmentPlanRoutes(app: App) {
  definePatientRoute(
    app,
    {
      permission: 'plan.write',
      status: 201,
      etag: true,
      route: createRoute({
        method: 'post',
        path: planPath,
        tags,
        summary:
          "Create the episode's treatment plan (review date defaults to the program's interval, 30 days; never before admission)",
        request: { params: EpisodeParams, body: jsonBody(SavePlanRequest) },
        responses: {
          201: jsonResponse(TreatmentPlan, 'Created'),
          409: errorResponses[422],
          ...errorResponses,
        },
      }),
    },
    async ({ tx, actor, patient, now, audit }, { param, json }) => {
      const { episodeId } = param;
      return planJson(await createPlan(tx, { patient, actor, episodeId, request: json, now, audit }));
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'plan.read',
      etag: true,
      route: createRoute({
        method: 'get',
        path: planPath,
        tags,
        summary: "The episode's current treatment plan (ETag carries the version)",
        request: { params: EpisodeParams },
        responses: { 200: jsonResponse(TreatmentPlan, 'The plan'), ...errorResponses },
      }),
    },
    async ({ tx, patient, audit }, { param }) => {
      const plan = await currentPlan(tx, patient.id, param.episodeId);
      await audit('plan.read', 'treatment_plan', plan.id);
      return planJson(plan);
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'plan.write',
      versioned: true,
      route: createRoute({
        method: 'put',
        path: planPath,
        tags,
        summary:
          'Edit an unsigned or half-signed plan (a signature given is withdrawn by the edit); needs If-Match. A plan signed by both answers 409 plan_signed.',
        request: { params: EpisodeParams, body: jsonBody(SavePlanRequest) },
        responses: { 200: jsonResponse(TreatmentPlan, 'Saved'), ...conflictResponses, ...errorResponses },
      }),
    },
    async ({ tx, patient, version, now, audit }, { param, json }) => {
      const { episodeId } = param;
      return planJson(
        await editPlan(tx, { patientId: patient.id, episodeId, request: json, version, now, audit }),
      );
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'plan.write',
      versioned: true,
      status: 201,
      route: createRoute({
        method: 'post',
        path: `${planPath}/revisions`,
        tags,
        summary:
          'Change a signed plan: the signed revision goes to the history and a new unsigned revision starts; needs If-Match',
        request: { params: EpisodeParams, body: jsonBody(SavePlanRequest) },
        responses: {
          201: jsonResponse(TreatmentPlan, 'New revision'),
          ...conflictResponses,
          ...errorResponses,
        },
      }),
    },
    async ({ tx, actor, patient, version, now, audit }, { param, json }) => {
      const saved = await revisePlan(tx, {
        patientId: patient.id,
        episodeId: param.episodeId,
        request: json,
        version,
        revisedBy: actor.userId,
        now,
        audit,
      });
      return planJson(saved);
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'plan.read',
      route: createRoute({
        method: 'get',
        path: `${planPath}/history`,
        tags,
        summary: 'Every revision of the plan, newest first (the current one first)',
        request: { params: EpisodeParams },
        responses: { 200: jsonResponse(PlanHistory, 'History'), ...errorResponses },
      }),
    },
    async ({ tx, patient, audit }, { param }) => {
      const current = await currentPlan(tx, patient.id, param.episodeId);
      const earlier = await listRevisions(tx, current.id);
      await audit('plan.history', 'treatment_plan', current.id);
      return { items: [revisionJson(current, true), ...earlier.map((r) => revisionJson(r, false))] };
    },
  );

  for (const signer of ['clinician', 'patient'] as const) {
    definePatientRoute(
      app,
      {
        permission: signer === 'clinician' ? 'plan.sign' : 'plan.write',
        versioned: true,
        route: createRoute({
          method: 'post',
          path: `${planPath}/${signer}-signature`,
          tags,
          summary:
            signer === 'clinician'
              ? 'The clinician signs the plan (typed name; the time is recorded); needs If-Match'
              : 'The patient signs the plan on the staff screen (typed name); needs If-Match',
          request: { params: EpisodeParams, body: jsonBody(SignPlanRequest) },
          responses: { 200: jsonResponse(TreatmentPlan, 'Signed'), ...conflictResponses, ...errorResponses },
        }),
      },
      async ({ tx, actor, patient, version, now, audit }, { param, json }) => {
        await writableEpisode(tx, patient.id, param.episodeId);
        const plan = await currentPlan(tx, patient.id, param.episodeId);
        const { typedName } = json;
        const signed = await signPlan(tx, {
          plan,
          version,
          signer,
          typedName,
          userId: actor.userId,
          via: 'staff',
          now,
        });
        await audit(`plan.sign_${signer}`, 'treatment_plan', plan.id, { revision: plan.revision });
        return planJson(signed);
      },
    );
  }

  defineUserRoute(
    app,
    {
      permission: 'plan.overdue',
      route: createRoute({
        method: 'get',
        path: '/api/treatment-plans/overdue-reviews',
        tags,
        summary:
          "Plans past their review date for the signed-in clinician (primary clinician or care team), at the clinician's sites",
        responses: { 200: jsonResponse(OverdueReviews, 'Overdue reviews'), ...errorResponses },
      }),
    },
    async ({ tx, actor, now, auditEach }) => {
      const rows = await listOverdueReviews(tx, actor.userId, actor.siteIds, now);
      // Every patient shown is a disclosure to this user: one audit row each.
      await auditEach(
        rows.map((r) => ({
          action: 'plan.overdue_list',
          entity: 'treatment_plan',
          entityId: r.planId,
          patientId: r.patientId,
          siteId: r.siteId,
        })),
      );
      return { items: rows };
    },
  );

  definePortalRoute(
    app,
    {
      permission: 'portal.self',
      etag: true,
      route: createRoute({
        method: 'get',
        path: '/api/portal/treatment-plan',
        tags: ['Portal'],
        summary: "The patient's own current treatment plan",
        responses: { 200: jsonResponse(TreatmentPlan, 'The plan'), ...errorResponses },
      }),
    },
    async ({ tx, self, auditAt }) => {
      const plan = await readPatientRecord(getPortalPlan(tx, self.patientId), 'Your treatment plan');
      await auditAt(plan.siteId)('plan.read', 'treatment_plan', plan.id, { via: 'portal' });
      return planJson(plan);
    },
  );

  definePortalRoute(
    app,
    {
      permission: 'portal.self',
      versioned: true,
      route: createRoute({
        method: 'post',
        path: '/api/portal/treatment-plan/signature',
        tags: ['Portal'],
        summary: 'The patient signs their own plan in the portal (typed name); needs If-Match',
        request: { body: jsonBody(SignPlanRequest) },
        responses: { 200: jsonResponse(TreatmentPlan, 'Signed'), ...conflictResponses, ...errorResponses },
      }),
    },
    async ({ tx, actor, self, version, now, auditAt }, { json }) => {
      const plan = await readPatientRecord(getPortalPlan(tx, self.patientId), 'Your treatment plan');
      const { typedName } = json;
      const signed = await signPlan(tx, {
        plan,
        version,
        signer: 'patient',
        typedName,
        userId: actor.userId,
        via: 'portal',
        now,
      });
      await auditAt(plan.siteId)('plan.sign_patient', 'treatment_plan', plan.id, { via: 'portal' });
      return planJson(signed);
    },
  );
}
