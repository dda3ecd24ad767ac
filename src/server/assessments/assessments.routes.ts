import { withReadableFields } from '../platform/access/permissions';
import type { App } from '../platform/http/app-env';
import { PageQuery, patientParams } from '../platform/http/common.schema';
import { patientRoutes } from '../platform/http/route-builder';
import { readPatientRecord } from '../platform/http/route-wrappers';
import { assessmentJson } from './assessment-json';
import { Assessment, AssessmentList, CreateAssessmentRequest } from './assessments.schema';
import { getAssessment, listAssessments } from './assessments.store';
import { type AssessmentPorts, recordAssessment } from './record-assessment';

const AssessmentParams = patientParams('assessmentId');

export type { AssessmentPorts } from './record-assessment';

export function registerAssessmentRoutes(app: App, ports: AssessmentPorts) {
  const patients = patientRoutes(app, { tags: ['Assessments'] });

  patients.post(
    '/api/patients/{patientId}/assessments',
    {
      status: 201,
      idempotent: true,
      permission: 'assessment.write',
      summary:
        'ASAM multidimensional assessment (or reassessment): six ratings 0–4 with notes; the recommendation is computed, a different placement needs a reason',
      body: CreateAssessmentRequest,
      ok: [Assessment, 'Created'],
    },
    async ({ tx, actor, patient, now, audit }, { json }) => {
      return assessmentJson(await recordAssessment(tx, ports, { patient, actor, request: json, now, audit }));
    },
  );

  patients.get(
    '/api/patients/{patientId}/assessments',
    {
      permission: 'assessment.read',
      summary: "The patient's assessments and reassessments, newest first",
      query: PageQuery.strict(),
      ok: [AssessmentList, 'Assessments'],
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

  patients.get(
    '/api/patients/{patientId}/assessments/{assessmentId}',
    {
      permission: 'assessment.read',
      summary: 'One assessment',
      params: AssessmentParams,
      ok: [Assessment, 'The assessment'],
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
