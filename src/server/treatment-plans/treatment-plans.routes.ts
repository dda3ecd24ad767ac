import { EpisodeParams } from '../episodes';
import type { App } from '../platform/http/app-env';
import { undescribedConflict, undescribedConflicts } from '../platform/http/common.schema';
import { patientRoutes, portalRoutes, userRoutes } from '../platform/http/route-builder';
import { readPatientRecord } from '../platform/http/route-wrappers';
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
const planPath = '/api/patients/{patientId}/episodes/{episodeId}/treatment-plan';

export function registerTreatmentPlanRoutes(app: App) {
  const patients = patientRoutes(app, { tags });
  const users = userRoutes(app, { tags });
  const portal = portalRoutes(app, { tags: ['Portal'] });

  patients.post(
    planPath,
    {
      permission: 'plan.write',
      status: 201,
      etag: true,
      summary:
        "Create the episode's treatment plan (review date defaults to the program's interval, 30 days; never before admission)",
      params: EpisodeParams,
      body: SavePlanRequest,
      ok: [TreatmentPlan, 'Created'],
      responses: undescribedConflict,
    },
    async ({ tx, actor, patient, now, audit }, { param, json }) => {
      const { episodeId } = param;
      return planJson(await createPlan(tx, { patient, actor, episodeId, request: json, now, audit }));
    },
  );

  patients.get(
    planPath,
    {
      permission: 'plan.read',
      etag: true,
      summary: "The episode's current treatment plan (ETag carries the version)",
      params: EpisodeParams,
      ok: [TreatmentPlan, 'The plan'],
    },
    async ({ tx, patient, audit }, { param }) => {
      const plan = await currentPlan(tx, patient.id, param.episodeId);
      await audit('plan.read', 'treatment_plan', plan.id);
      return planJson(plan);
    },
  );

  patients.put(
    planPath,
    {
      permission: 'plan.write',
      versioned: true,
      summary:
        'Edit an unsigned or half-signed plan (a signature given is withdrawn by the edit); needs If-Match. A plan signed by both answers 409 plan_signed.',
      params: EpisodeParams,
      body: SavePlanRequest,
      ok: [TreatmentPlan, 'Saved'],
      responses: undescribedConflicts,
    },
    async ({ tx, patient, version, now, audit }, { param, json }) => {
      const { episodeId } = param;
      return planJson(
        await editPlan(tx, { patientId: patient.id, episodeId, request: json, version, now, audit }),
      );
    },
  );

  patients.post(
    `${planPath}/revisions`,
    {
      permission: 'plan.write',
      versioned: true,
      status: 201,
      summary:
        'Change a signed plan: the signed revision goes to the history and a new unsigned revision starts; needs If-Match',
      params: EpisodeParams,
      body: SavePlanRequest,
      ok: [TreatmentPlan, 'New revision'],
      responses: undescribedConflicts,
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

  patients.get(
    `${planPath}/history`,
    {
      permission: 'plan.read',
      summary: 'Every revision of the plan, newest first (the current one first)',
      params: EpisodeParams,
      ok: [PlanHistory, 'History'],
    },
    async ({ tx, patient, audit }, { param }) => {
      const current = await currentPlan(tx, patient.id, param.episodeId);
      const earlier = await listRevisions(tx, current.id);
      await audit('plan.history', 'treatment_plan', current.id);
      return { items: [revisionJson(current, true), ...earlier.map((r) => revisionJson(r, false))] };
    },
  );

  for (const signer of ['clinician', 'patient'] as const) {
    patients.post(
      `${planPath}/${signer}-signature`,
      {
        permission: signer === 'clinician' ? 'plan.sign' : 'plan.write',
        versioned: true,
        summary:
          signer === 'clinician'
            ? 'The clinician signs the plan (typed name; the time is recorded); needs If-Match'
            : 'The patient signs the plan on the staff screen (typed name); needs If-Match',
        params: EpisodeParams,
        body: SignPlanRequest,
        ok: [TreatmentPlan, 'Signed'],
        responses: undescribedConflicts,
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

  users.get(
    '/api/treatment-plans/overdue-reviews',
    {
      permission: 'plan.overdue',
      summary:
        "Plans past their review date for the signed-in clinician (primary clinician or care team), at the clinician's sites",
      ok: [OverdueReviews, 'Overdue reviews'],
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

  portal.get(
    '/api/portal/treatment-plan',
    {
      permission: 'portal.self',
      etag: true,
      summary: "The patient's own current treatment plan",
      ok: [TreatmentPlan, 'The plan'],
    },
    async ({ tx, self, auditAt }) => {
      const plan = await readPatientRecord(getPortalPlan(tx, self.patientId), 'Your treatment plan');
      await auditAt(plan.siteId)('plan.read', 'treatment_plan', plan.id, { via: 'portal' });
      return planJson(plan);
    },
  );

  portal.post(
    '/api/portal/treatment-plan/signature',
    {
      permission: 'portal.self',
      versioned: true,
      summary: 'The patient signs their own plan in the portal (typed name); needs If-Match',
      body: SignPlanRequest,
      ok: [TreatmentPlan, 'Signed'],
      responses: undescribedConflicts,
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
