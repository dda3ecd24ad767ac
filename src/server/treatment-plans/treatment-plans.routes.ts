import { createRoute, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { EpisodeParams, findEpisode } from '../episodes';
import { assertStaffOfSite, type StaffReference } from '../platform/access/staff-references';
import { appendAudit } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { App, AppEnv } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { auditPatient } from '../platform/http/patient-audit';
import { etag, requiredVersion, staleVersion } from '../platform/http/versioning';
import { siteToday } from '../sites';
import {
  OverdueReviews,
  PlanHistory,
  SavePlanRequest,
  SignPlanRequest,
  TreatmentPlan,
} from './treatment-plans.schema';
import {
  getPlanOfEpisode,
  getPortalPlan,
  insertPlan,
  insertRevision,
  listOverdueReviews,
  listRevisions,
  type PlanRow,
  programReviewDays,
  type RevisionRow,
  updatePlan,
} from './treatment-plans.store';

const tags = ['Treatment plans'];
const conflictResponses = { 409: errorResponses[422], 428: errorResponses[422] };
type PlanJson = z.infer<typeof TreatmentPlan>;
type Signatures = Pick<
  PlanRow,
  | 'clinicianSignedName'
  | 'clinicianSignedAt'
  | 'clinicianSignedBy'
  | 'patientSignedName'
  | 'patientSignedAt'
  | 'patientSignedVia'
>;

const UNSIGNED: Signatures = {
  clinicianSignedName: null,
  clinicianSignedAt: null,
  clinicianSignedBy: null,
  patientSignedName: null,
  patientSignedAt: null,
  patientSignedVia: null,
};

function signatures(p: Signatures) {
  const clinician =
    p.clinicianSignedName && p.clinicianSignedAt && p.clinicianSignedBy
      ? {
          name: p.clinicianSignedName,
          signedAt: p.clinicianSignedAt.toISOString(),
          userId: p.clinicianSignedBy,
        }
      : null;
  const patient =
    p.patientSignedName && p.patientSignedAt
      ? {
          name: p.patientSignedName,
          signedAt: p.patientSignedAt.toISOString(),
          via: (p.patientSignedVia === 'portal' ? 'portal' : 'staff') as 'staff' | 'portal',
        }
      : null;
  const status: PlanJson['status'] =
    clinician && patient ? 'signed' : clinician ? 'clinician_signed' : patient ? 'patient_signed' : 'draft';
  return { clinicianSignature: clinician, patientSignature: patient, status };
}

const isSignedByBoth = (p: Signatures) => signatures(p).status === 'signed';

export function planJson(p: PlanRow): PlanJson {
  const s = signatures(p);
  return {
    id: p.id,
    episodeId: p.episodeId,
    patientId: p.patientId,
    revision: p.revision,
    version: p.version,
    document: p.document as PlanJson['document'],
    reviewDate: p.reviewDate,
    ...s,
    readOnly: s.status === 'signed',
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

function revisionJson(r: PlanRow | RevisionRow, current: boolean) {
  return {
    revision: r.revision,
    document: r.document as PlanJson['document'],
    reviewDate: r.reviewDate,
    ...signatures(r),
    current,
    supersededAt: 'supersededAt' in r ? r.supersededAt.toISOString() : null,
  };
}

/**
 * The episode of the plan, open, and a review date that does not come before the admission; every
 * intervention's responsible staff member works at the patient's site.
 */
async function writableEpisode(
  c: Context<AppEnv>,
  tx: Tx,
  episodeId: string,
  reviewDate?: string,
  document?: PlanJson['document'],
) {
  const episode = await findEpisode(tx, c.var.patientAccess!.patientId, episodeId);
  if (!episode) throw AppError.notFound('The episode');
  if (episode.status === 'discharged') {
    throw AppError.conflict(
      'The episode is discharged; its plan can no longer change.',
      'episode_discharged',
    );
  }
  if (reviewDate && episode.admittedOn && reviewDate < episode.admittedOn) {
    throw AppError.validation([
      {
        path: 'reviewDate',
        message: `The review date cannot be before the admission (${episode.admittedOn}).`,
      },
    ]);
  }
  if (document) await assertStaffOfSite(tx, episode, responsibleStaff(document), 'site_staff');
  return episode;
}

function responsibleStaff(document: PlanJson['document']): StaffReference[] {
  return document.problems.flatMap((problem, p) =>
    problem.goals.flatMap((goal, g) =>
      goal.objectives.flatMap((objective, o) =>
        objective.interventions.map((intervention, i) => ({
          path: `document.problems.${p}.goals.${g}.objectives.${o}.interventions.${i}.responsibleStaffId`,
          userId: intervention.responsibleStaffId,
        })),
      ),
    ),
  );
}

async function currentPlan(c: Context<AppEnv>, tx: Tx, episodeId: string) {
  const plan = await getPlanOfEpisode(tx, c.var.patientAccess!.patientId, episodeId);
  if (!plan) throw AppError.notFound('The treatment plan');
  return plan;
}

async function savePlanVersion(
  tx: Tx,
  plan: PlanRow,
  version: number,
  changes: Parameters<typeof updatePlan>[3],
  now: Date,
) {
  const updated = await updatePlan(tx, plan.id, version, changes, now);
  if (!updated) throw staleVersion(plan.version);
  return updated;
}

const planSigned = () =>
  AppError.conflict(
    'This plan is signed by the clinician and the patient and is read-only. Start a new revision to change it.',
    'plan_signed',
  );

export function registerTreatmentPlanRoutes(app: App) {
  const planPath = '/api/patients/{patientId}/episodes/{episodeId}/treatment-plan';

  defineRoute(
    app,
    {
      permission: 'plan.write',
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
    async (c) => {
      const access = c.var.patientAccess!;
      const { episodeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const plan = await db.tx(async (tx) => {
        const episode = await writableEpisode(c, tx, episodeId, body.reviewDate, body.document);
        const at = now();
        const today = await siteToday(tx, access.siteId, at);
        const reviewDate =
          body.reviewDate ?? today.add({ days: await programReviewDays(tx, episode.programId) }).toString();
        if (episode.admittedOn && reviewDate < episode.admittedOn) {
          throw AppError.validation([
            {
              path: 'reviewDate',
              message: `The review date cannot be before the admission (${episode.admittedOn}).`,
            },
          ]);
        }
        const created = await insertPlan(tx, {
          organizationId: p.organizationId,
          siteId: access.siteId,
          patientId: access.patientId,
          episodeId,
          revision: 1,
          document: body.document,
          reviewDate,
          createdBy: p.userId,
          createdAt: at,
          updatedAt: at,
        });
        if (!created) {
          throw AppError.conflict(
            'This episode already has a treatment plan; edit it instead.',
            'plan_exists',
          );
        }
        await auditPatient(c, tx, { action: 'plan.create', entity: 'treatment_plan', entityId: created.id });
        return created;
      });
      c.header('ETag', etag(plan.version));
      return c.json(planJson(plan), 201);
    },
  );

  defineRoute(
    app,
    {
      permission: 'plan.read',
      route: createRoute({
        method: 'get',
        path: planPath,
        tags,
        summary: "The episode's current treatment plan (ETag carries the version)",
        request: { params: EpisodeParams },
        responses: { 200: jsonResponse(TreatmentPlan, 'The plan'), ...errorResponses },
      }),
    },
    async (c) => {
      const { episodeId } = c.req.valid('param');
      const { db } = c.var.deps;
      const plan = await db.tx(async (tx) => {
        const found = await currentPlan(c, tx, episodeId);
        await auditPatient(c, tx, { action: 'plan.read', entity: 'treatment_plan', entityId: found.id });
        return found;
      });
      c.header('ETag', etag(plan.version));
      return c.json(planJson(plan), 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'plan.write',
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
    async (c) => {
      const { episodeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const version = requiredVersion(c);
      const { db, now } = c.var.deps;
      const plan = await db.tx(async (tx) => {
        await writableEpisode(c, tx, episodeId, body.reviewDate, body.document);
        const current = await currentPlan(c, tx, episodeId);
        if (isSignedByBoth(current)) throw planSigned();
        const hadSignature = signatures(current).status !== 'draft';
        const saved = await savePlanVersion(
          tx,
          current,
          version,
          { document: body.document, reviewDate: body.reviewDate ?? current.reviewDate, ...UNSIGNED },
          now(),
        );
        await auditPatient(c, tx, {
          action: 'plan.update',
          entity: 'treatment_plan',
          entityId: current.id,
          detail: hadSignature ? { signatureWithdrawn: true } : undefined,
        });
        return saved;
      });
      c.header('ETag', etag(plan.version));
      return c.json(planJson(plan), 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'plan.write',
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
    async (c) => {
      const { episodeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const version = requiredVersion(c);
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const plan = await db.tx(async (tx) => {
        await writableEpisode(c, tx, episodeId, body.reviewDate, body.document);
        const current = await currentPlan(c, tx, episodeId);
        if (!isSignedByBoth(current)) {
          throw AppError.conflict('The plan is not signed yet: edit it directly.', 'plan_not_signed');
        }
        const at = now();
        const saved = await savePlanVersion(
          tx,
          current,
          version,
          {
            revision: current.revision + 1,
            document: body.document,
            reviewDate: body.reviewDate ?? current.reviewDate,
            ...UNSIGNED,
          },
          at,
        );
        const {
          id: _id,
          episodeId: _e,
          version: _v,
          createdBy: _c,
          createdAt: _ca,
          updatedAt: _u,
          ...kept
        } = current;
        await insertRevision(tx, { ...kept, planId: current.id, supersededAt: at, supersededBy: p.userId });
        await auditPatient(c, tx, {
          action: 'plan.revise',
          entity: 'treatment_plan',
          entityId: current.id,
          detail: { revision: saved.revision },
        });
        return saved;
      });
      c.header('ETag', etag(plan.version));
      return c.json(planJson(plan), 201);
    },
  );

  defineRoute(
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
    async (c) => {
      const { episodeId } = c.req.valid('param');
      const { db } = c.var.deps;
      const items = await db.tx(async (tx) => {
        const current = await currentPlan(c, tx, episodeId);
        const earlier = await listRevisions(tx, current.id);
        await auditPatient(c, tx, { action: 'plan.history', entity: 'treatment_plan', entityId: current.id });
        return [revisionJson(current, true), ...earlier.map((r) => revisionJson(r, false))];
      });
      return c.json({ items }, 200);
    },
  );

  for (const signer of ['clinician', 'patient'] as const) {
    defineRoute(
      app,
      {
        permission: signer === 'clinician' ? 'plan.sign' : 'plan.write',
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
      async (c) => {
        const { episodeId } = c.req.valid('param');
        const { typedName } = c.req.valid('json');
        const version = requiredVersion(c);
        const p = c.var.principal!;
        const { db, now } = c.var.deps;
        const plan = await db.tx(async (tx) => {
          await writableEpisode(c, tx, episodeId);
          const current = await currentPlan(c, tx, episodeId);
          const at = now();
          const signed = await sign(tx, current, version, signer, typedName, p.userId, 'staff', at);
          await auditPatient(c, tx, {
            action: `plan.sign_${signer}`,
            entity: 'treatment_plan',
            entityId: current.id,
            detail: { revision: current.revision },
          });
          return signed;
        });
        c.header('ETag', etag(plan.version));
        return c.json(planJson(plan), 200);
      },
    );
  }

  defineRoute(
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
    async (c) => {
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const items = await db.tx(async (tx) => {
        const at = now();
        const rows = await listOverdueReviews(tx, p.userId, p.siteIds, at);
        // Every patient shown is a disclosure to this user: one audit row each.
        await appendAudit(
          tx,
          auditActor(c),
          rows.map((r) => ({
            action: 'plan.overdue_list',
            entity: 'treatment_plan',
            entityId: r.planId,
            patientId: r.patientId,
            siteId: r.siteId,
          })),
          at,
        );
        return rows;
      });
      return c.json({ items }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'portal.self',
      route: createRoute({
        method: 'get',
        path: '/api/portal/treatment-plan',
        tags: ['Portal'],
        summary: "The patient's own current treatment plan",
        responses: { 200: jsonResponse(TreatmentPlan, 'The plan'), ...errorResponses },
      }),
    },
    async (c) => {
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const plan = await db.tx(async (tx) => {
        const found = p.patientId ? await getPortalPlan(tx, p.patientId) : undefined;
        if (!found) throw AppError.notFound('Your treatment plan');
        await portalAudit(c, tx, 'plan.read', found, now());
        return found;
      });
      c.header('ETag', etag(plan.version));
      return c.json(planJson(plan), 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'portal.self',
      route: createRoute({
        method: 'post',
        path: '/api/portal/treatment-plan/signature',
        tags: ['Portal'],
        summary: 'The patient signs their own plan in the portal (typed name); needs If-Match',
        request: { body: jsonBody(SignPlanRequest) },
        responses: { 200: jsonResponse(TreatmentPlan, 'Signed'), ...conflictResponses, ...errorResponses },
      }),
    },
    async (c) => {
      const { typedName } = c.req.valid('json');
      const version = requiredVersion(c);
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const plan = await db.tx(async (tx) => {
        const found = p.patientId ? await getPortalPlan(tx, p.patientId) : undefined;
        if (!found) throw AppError.notFound('Your treatment plan');
        const at = now();
        const signed = await sign(tx, found, version, 'patient', typedName, p.userId, 'portal', at);
        await portalAudit(c, tx, 'plan.sign_patient', found, at);
        return signed;
      });
      c.header('ETag', etag(plan.version));
      return c.json(planJson(plan), 200);
    },
  );
}

async function sign(
  tx: Tx,
  plan: PlanRow,
  version: number,
  signer: 'clinician' | 'patient',
  typedName: string,
  userId: string,
  via: 'staff' | 'portal',
  at: Date,
) {
  const already = signer === 'clinician' ? plan.clinicianSignedAt : plan.patientSignedAt;
  if (already) {
    throw AppError.conflict(`The ${signer} has already signed this revision of the plan.`, 'already_signed');
  }
  const changes: Partial<Signatures> =
    signer === 'clinician'
      ? { clinicianSignedName: typedName, clinicianSignedAt: at, clinicianSignedBy: userId }
      : { patientSignedName: typedName, patientSignedAt: at, patientSignedVia: via };
  return savePlanVersion(tx, plan, version, changes, at);
}

async function portalAudit(c: Context<AppEnv>, tx: Tx, action: string, plan: PlanRow, at: Date) {
  await appendAudit(
    tx,
    auditActor(c),
    [
      {
        action,
        entity: 'treatment_plan',
        entityId: plan.id,
        patientId: plan.patientId,
        siteId: plan.siteId,
        detail: { via: 'portal' },
      },
    ],
    at,
  );
}
