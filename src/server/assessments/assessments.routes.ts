import { createRoute, z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { isAdolescent } from '../../domain/episodes/age-rules';
import { findLevel } from '../../domain/placement/levels-of-care';
import { placementDifference, type Ratings, recommendLevel } from '../../domain/placement/recommend-level';
import { getPatient } from '../patients';
import { withReadableFields } from '../platform/access/permissions';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse, PageQuery, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { idempotent } from '../platform/http/idempotency';
import { auditPatient } from '../platform/http/patient-audit';
import { siteToday } from '../sites';
import { Assessment, AssessmentList, CreateAssessmentRequest } from './assessments.schema';
import { type AssessmentRow, getAssessment, insertAssessment, listAssessments } from './assessments.store';

const tags = ['Assessments'];
const PatientParams = z.object({ patientId: UuidParam('patientId') });
const AssessmentParams = PatientParams.extend({ assessmentId: UuidParam('assessmentId') });

export function assessmentJson(a: AssessmentRow): z.infer<typeof Assessment> {
  const population = a.population === 'adolescent' ? 'adolescent' : 'adult';
  const level = findLevel(a.edition === 4 ? 4 : 3, a.placedLevel);
  return {
    id: a.id,
    patientId: a.patientId,
    episodeId: a.episodeId,
    edition: a.edition,
    population,
    assessedOn: a.assessedOn,
    ratings: a.ratings,
    notes: a.notes,
    recommendedLevel: a.recommendedLevel,
    drivenBy: a.drivenBy,
    recommendation: a.recommendation,
    placedLevel: a.placedLevel,
    placedLevelHours: level?.weeklyHours[population] ?? null,
    placementReason: a.placementReason,
    placementNote: a.placementNote,
    assessedBy: a.assessedBy,
    createdAt: a.createdAt.toISOString(),
  };
}

/**
 * What assessments need from the episode they are attached to. Episodes are admitted from an assessment (the
 * episodes feature reads assessments), so the arrow back is a port the composition root fills in.
 */
export interface AssessmentPorts {
  isEpisodeOfPatient(tx: Tx, patientId: string, episodeId: string): Promise<boolean>;
}

export function registerAssessmentRoutes(app: App, ports: AssessmentPorts) {
  defineRoute(
    app,
    {
      permission: 'assessment.write',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/assessments',
        tags,
        summary:
          'ASAM multidimensional assessment (or reassessment): six ratings 0–4 with notes; the recommendation is computed, a different placement needs a reason',
        request: { params: PatientParams, body: jsonBody(CreateAssessmentRequest) },
        responses: { 201: jsonResponse(Assessment, 'Created'), ...errorResponses },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const body = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      if (!findLevel(body.edition, body.placedLevel)) {
        throw AppError.validation([
          {
            path: 'placedLevel',
            message: `${body.placedLevel} is not a level of the ASAM edition ${body.edition}.`,
          },
        ]);
      }
      // ASAM: the highest dimension wins, never the average (domain/placement).
      const recommendation = recommendLevel(body.ratings as Ratings, undefined, body.edition);
      const difference = placementDifference(
        recommendation.level,
        body.placedLevel as typeof recommendation.level,
        body.reason ?? null,
      );
      const answer = await db.tx((tx) =>
        idempotent(c, tx, body, async () => {
          const patient = await getPatient(tx, access.patientId);
          if (!patient) throw AppError.notFound('The patient');
          if (body.episodeId && !(await ports.isEpisodeOfPatient(tx, access.patientId, body.episodeId))) {
            throw AppError.validation([{ path: 'episodeId', message: 'Not an episode of this patient.' }]);
          }
          const assessedOn = body.assessedOn ?? (await siteToday(tx, access.siteId, now())).toString();
          const adolescent = isAdolescent(
            Temporal.PlainDate.from(patient.dateOfBirth),
            Temporal.PlainDate.from(assessedOn),
          );
          const row = await insertAssessment(tx, {
            organizationId: p.organizationId,
            siteId: access.siteId,
            patientId: access.patientId,
            episodeId: body.episodeId ?? null,
            edition: body.edition,
            population: adolescent ? 'adolescent' : 'adult',
            assessedOn,
            ratings: body.ratings,
            notes: {
              D1: body.notes.D1 ?? '',
              D2: body.notes.D2 ?? '',
              D3: body.notes.D3 ?? '',
              D4: body.notes.D4 ?? '',
              D5: body.notes.D5 ?? '',
              D6: body.notes.D6 ?? '',
            },
            recommendedLevel: recommendation.level,
            drivenBy: recommendation.drivenBy,
            recommendation: recommendation as unknown as Record<string, unknown>,
            placedLevel: body.placedLevel,
            placementReason: difference.reason,
            placementNote: difference.differs ? (body.reasonNote ?? null) : null,
            assessedBy: p.userId,
            createdAt: now(),
          });
          await auditPatient(c, tx, {
            action: 'assessment.create',
            entity: 'asam_assessment',
            entityId: row.id,
            detail: { recommended: row.recommendedLevel, placed: row.placedLevel },
          });
          return { status: 201, body: assessmentJson(row) };
        }),
      );
      return c.json(answer.body as z.infer<typeof Assessment>, 201);
    },
  );

  defineRoute(
    app,
    {
      permission: 'assessment.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/assessments',
        tags,
        summary: "The patient's assessments and reassessments, newest first",
        request: { params: PatientParams, query: PageQuery.strict() },
        responses: { 200: jsonResponse(AssessmentList, 'Assessments'), ...errorResponses },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const { page, pageSize } = c.req.valid('query');
      const { db } = c.var.deps;
      const items = await db.tx(async (tx) => {
        const rows = await listAssessments(tx, access.patientId, page, pageSize);
        await auditPatient(c, tx, { action: 'assessment.list', entity: 'asam_assessment', entityId: null });
        return rows.map((r) =>
          withReadableFields(c.var.principal!.role, 'assessment.narrative', assessmentJson(r)),
        );
      });
      return c.json({ items, page, pageSize }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'assessment.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/assessments/{assessmentId}',
        tags,
        summary: 'One assessment',
        request: { params: AssessmentParams },
        responses: { 200: jsonResponse(Assessment, 'The assessment'), ...errorResponses },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const { assessmentId } = c.req.valid('param');
      const { db } = c.var.deps;
      const row = await db.tx(async (tx) => {
        const found = await getAssessment(tx, access.patientId, assessmentId);
        if (!found) throw AppError.notFound('The assessment');
        await auditPatient(c, tx, {
          action: 'assessment.read',
          entity: 'asam_assessment',
          entityId: found.id,
        });
        return found;
      });
      return c.json(
        withReadableFields(c.var.principal!.role, 'assessment.narrative', assessmentJson(row)),
        200,
      );
    },
  );
}
