import { createRoute, z } from '@hono/zod-openapi';
import { withReadableFields } from '../platform/access/permissions';
import type { App } from '../platform/http/app-env';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  PageQuery,
  PatientParams,
  UuidParam,
} from '../platform/http/common.schema';
import { definePatientRoute, readPatientRecord } from '../platform/http/route-wrappers';
import { assessmentJson } from './assessment-json';
import { Assessment, AssessmentList, CreateAssessmentRequest } from './assessments.schema';
import { getAssessment, listAssessments } from './assessments.store';
import { type AssessmentPorts, recordAssessment } from './record-assessment';

const tags = ['Assessments'];
const AssessmentParams = PatientParams.extend({ assessmentId: UuidParam('assessmentId') });

export type { AssessmentPorts } from './record-assessment';

export function registerAssessmentRoutes(app: App, ports: AssessmentPorts) {
  definePatientRoute(
    app,
    {
      status: 201,
      idempotent: true,
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
    async ({ tx, actor, patient, now, audit }, { json }) => {
      return assessmentJson(await recordAssessment(tx, ports, { patient, actor, request: json, now, audit }));
    },
  );

  definePatientRoute(
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
    async ({ tx, actor, patient, audit }, { query }) => {
      const { page, pageSize } = query;
      const rows = await listAssessments(tx, patient.id, page, pageSize);
      await audit('assessment.list', 'asam_assessment', null);
      const items = rows.map((r) =>
        withReadableFields(actor.role, 'assessment.narrative', assessmentJson(r)),
      );
      return { items, page, pageSize };
    },
  );

  definePatientRoute(
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
    async ({ tx, actor, patient, audit }, { param }) => {
      const found = await readPatientRecord(
        getAssessment(tx, patient.id, param.assessmentId),
        'The assessment',
      );
      await audit('assessment.read', 'asam_assessment', found.id);
      return withReadableFields(actor.role, 'assessment.narrative', assessmentJson(found));
    },
  );
}
