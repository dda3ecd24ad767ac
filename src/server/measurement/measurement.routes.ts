import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  PageQuery,
  PatientParams,
  SiteParams,
  UuidParam,
} from '../platform/http/common.schema';
import { definePatientRoute, defineSiteRoute, defineUserRoute } from '../platform/http/route-wrappers';
import { siteDueList } from './due-instruments';
import { enterInstrumentResult } from './enter-instrument-result';
import {
  AcknowledgeRequest,
  CreateResultRequest,
  DueList,
  InstrumentResult,
  InstrumentSchedules,
  PatientResults,
  PortalDueInstruments,
  PortalResultAnswer,
  PortalResultRequest,
  ProgramOutcomes,
  ReplaceScheduleRequest,
  UrgentTask,
  UrgentTaskList,
} from './measurement.schema';
import { answerQuestionnaire, dueQuestionnaires } from './portal-questionnaires';
import { scheduleInstruments, siteSchedules } from './schedule-instruments';
import { patientTrends, programOutcomes } from './trends';
import { acknowledgeUrgentTask, myOpenTasks, patientTasks } from './urgent-tasks';

const tags = ['Measurement-based care'];
const SiteProgramParams = SiteParams.extend({ programId: UuidParam('programId') });
const TaskParams = PatientParams.extend({ taskId: UuidParam('taskId') });

export function registerMeasurementRoutes(app: App) {
  // ---- Schedules
  defineSiteRoute(
    app,
    {
      permission: 'measurement.schedule.read',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/instrument-schedules',
        tags,
        summary: "Which instruments each of the site's programs gives at intake and how often after",
        request: { params: SiteParams },
        responses: { 200: jsonResponse(InstrumentSchedules, 'Schedules'), ...errorResponses },
      }),
    },
    (ctx) => siteSchedules(ctx),
  );

  defineSiteRoute(
    app,
    {
      permission: 'measurement.schedule.write',
      route: createRoute({
        method: 'put',
        path: '/api/sites/{siteId}/programs/{programId}/instrument-schedule',
        tags,
        summary: "Replaces a program's measurement schedule: each instrument at intake and/or every N days",
        request: { params: SiteProgramParams, body: jsonBody(ReplaceScheduleRequest) },
        responses: {
          200: jsonResponse(InstrumentSchedules.shape.programs.element, 'Saved'),
          ...errorResponses,
        },
      }),
    },
    (ctx, { param, json }) => scheduleInstruments(ctx, param.programId, json.items),
  );

  // ---- Due list
  defineSiteRoute(
    app,
    {
      permission: 'measurement.due',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/measurement-due',
        tags,
        summary: 'Patients in treatment at the site with an instrument due or overdue today (overdue first)',
        request: { params: SiteParams, query: PageQuery.strict() },
        responses: { 200: jsonResponse(DueList, 'Due instruments'), ...errorResponses },
      }),
    },
    (ctx, { query }) => siteDueList(ctx, query),
  );

  // ---- Results and trends (staff)
  definePatientRoute(
    app,
    {
      permission: 'measurement.write',
      status: 201,
      idempotent: true,
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/instrument-results',
        tags,
        summary:
          'Staff enter an instrument item by item; stored with total, band and who entered it. A risk answer creates an urgent task for the primary clinician',
        request: { params: PatientParams, body: jsonBody(CreateResultRequest) },
        responses: { 201: jsonResponse(InstrumentResult, 'Created'), ...errorResponses },
      }),
    },
    (ctx, { json }) => enterInstrumentResult(ctx, json),
  );

  definePatientRoute(
    app,
    {
      permission: 'measurement.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/instrument-results',
        tags,
        summary:
          "The patient's scores over the episode (oldest first), with change since intake and response per instrument",
        request: {
          params: PatientParams,
          query: z.strictObject({ episodeId: z.uuid('Must be a UUID.').optional() }),
        },
        responses: { 200: jsonResponse(PatientResults, 'Results'), ...errorResponses },
      }),
    },
    (ctx, { query }) => patientTrends(ctx, query.episodeId),
  );

  // ---- Urgent tasks
  definePatientRoute(
    app,
    {
      permission: 'measurement.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/urgent-tasks',
        tags,
        summary: "The patient's urgent tasks (open ones drive the chart banner)",
        request: {
          params: PatientParams,
          query: z.strictObject({ status: z.enum(['open', 'all']).default('open') }),
        },
        responses: { 200: jsonResponse(UrgentTaskList, 'Tasks'), ...errorResponses },
      }),
    },
    (ctx, { query }) => patientTasks(ctx, query.status),
  );

  definePatientRoute(
    app,
    {
      permission: 'task.acknowledge',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/urgent-tasks/{taskId}/acknowledge',
        tags,
        summary: 'Acknowledge an urgent task (recorded in the audit log); the chart banner goes away',
        request: { params: TaskParams, body: jsonBody(AcknowledgeRequest) },
        responses: { 200: jsonResponse(UrgentTask, 'Acknowledged'), ...errorResponses },
      }),
    },
    (ctx, { param, json }) => acknowledgeUrgentTask(ctx, param.taskId, json.note || null),
  );

  defineUserRoute(
    app,
    {
      permission: 'task.mine',
      route: createRoute({
        method: 'get',
        path: '/api/my/urgent-tasks',
        tags,
        summary:
          'My open urgent tasks: assigned to me, or at my sites with no primary clinician; oldest first',
        request: { query: PageQuery.strict() },
        responses: { 200: jsonResponse(UrgentTaskList, 'My tasks'), ...errorResponses },
      }),
    },
    (ctx, { query }) => myOpenTasks(ctx, query),
  );

  // ---- Program outcomes (director)
  defineSiteRoute(
    app,
    {
      permission: 'measurement.outcomes',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/measurement-outcomes',
        tags,
        summary: "Each program's average change per instrument, first score to latest, with responders",
        request: { params: SiteParams },
        responses: { 200: jsonResponse(ProgramOutcomes, 'Outcomes'), ...errorResponses },
      }),
    },
    (ctx) => programOutcomes(ctx),
  );

  // ---- Portal
  defineUserRoute(
    app,
    {
      permission: 'portal.self',
      route: createRoute({
        method: 'get',
        path: '/api/portal/instruments',
        tags,
        summary: 'My questionnaires that are due, with their questions and answer choices',
        responses: { 200: jsonResponse(PortalDueInstruments, 'Due questionnaires'), ...errorResponses },
      }),
    },
    (ctx) => dueQuestionnaires(ctx),
  );

  defineUserRoute(
    app,
    {
      permission: 'portal.self',
      status: 201,
      idempotent: true,
      route: createRoute({
        method: 'post',
        path: '/api/portal/instrument-results',
        tags,
        summary:
          'I answer a questionnaire my program gives; a risk answer alerts my clinician and shows the 24-hour crisis line',
        request: { body: jsonBody(PortalResultRequest) },
        responses: { 201: jsonResponse(PortalResultAnswer, 'Saved'), ...errorResponses },
      }),
    },
    (ctx, { json }) => answerQuestionnaire(ctx, json),
  );
}
