import { z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { PageQuery, patientParams, siteParams } from '../platform/http/common.schema';
import { patientRoutes, siteRoutes, userRoutes } from '../platform/http/route-builder';
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
const SiteProgramParams = siteParams('programId');
const TaskParams = patientParams('taskId');

export function registerMeasurementRoutes(app: App) {
  const sites = siteRoutes(app, { tags });
  const patients = patientRoutes(app, { tags });
  const users = userRoutes(app, { tags });

  // ---- Schedules
  sites.get(
    '/api/sites/{siteId}/instrument-schedules',
    {
      permission: 'measurement.schedule.read',
      summary: "Which instruments each of the site's programs gives at intake and how often after",
      ok: [InstrumentSchedules, 'Schedules'],
    },
    (ctx) => siteSchedules(ctx),
  );

  sites.put(
    '/api/sites/{siteId}/programs/{programId}/instrument-schedule',
    {
      permission: 'measurement.schedule.write',
      summary: "Replaces a program's measurement schedule: each instrument at intake and/or every N days",
      params: SiteProgramParams,
      body: ReplaceScheduleRequest,
      ok: [InstrumentSchedules.shape.programs.element, 'Saved'],
    },
    (ctx, { param, json }) => scheduleInstruments(ctx, param.programId, json.items),
  );

  // ---- Due list
  sites.get(
    '/api/sites/{siteId}/measurement-due',
    {
      permission: 'measurement.due',
      summary: 'Patients in treatment at the site with an instrument due or overdue today (overdue first)',
      query: PageQuery.strict(),
      ok: [DueList, 'Due instruments'],
    },
    (ctx, { query }) => siteDueList(ctx, query),
  );

  // ---- Results and trends (staff)
  patients.post(
    '/api/patients/{patientId}/instrument-results',
    {
      permission: 'measurement.write',
      status: 201,
      idempotent: true,
      summary:
        'Staff enter an instrument item by item; stored with total, band and who entered it. A risk answer creates an urgent task for the primary clinician',
      body: CreateResultRequest,
      ok: [InstrumentResult, 'Created'],
    },
    (ctx, { json }) => enterInstrumentResult(ctx, json),
  );

  patients.get(
    '/api/patients/{patientId}/instrument-results',
    {
      permission: 'measurement.read',
      summary:
        "The patient's scores over the episode (oldest first), with change since intake and response per instrument",
      query: z.strictObject({ episodeId: z.uuid('Must be a UUID.').optional() }),
      ok: [PatientResults, 'Results'],
    },
    (ctx, { query }) => patientTrends(ctx, query.episodeId),
  );

  // ---- Urgent tasks
  patients.get(
    '/api/patients/{patientId}/urgent-tasks',
    {
      permission: 'measurement.read',
      summary: "The patient's urgent tasks (open ones drive the chart banner)",
      query: z.strictObject({ status: z.enum(['open', 'all']).default('open') }),
      ok: [UrgentTaskList, 'Tasks'],
    },
    (ctx, { query }) => patientTasks(ctx, query.status),
  );

  patients.post(
    '/api/patients/{patientId}/urgent-tasks/{taskId}/acknowledge',
    {
      permission: 'task.acknowledge',
      summary: 'Acknowledge an urgent task (recorded in the audit log); the chart banner goes away',
      params: TaskParams,
      body: AcknowledgeRequest,
      ok: [UrgentTask, 'Acknowledged'],
    },
    (ctx, { param, json }) => acknowledgeUrgentTask(ctx, param.taskId, json.note || null),
  );

  users.get(
    '/api/my/urgent-tasks',
    {
      permission: 'task.mine',
      summary: 'My open urgent tasks: assigned to me, or at my sites with no primary clinician; oldest first',
      query: PageQuery.strict(),
      ok: [UrgentTaskList, 'My tasks'],
    },
    (ctx, { query }) => myOpenTasks(ctx, query),
  );

  // ---- Program outcomes (director)
  sites.get(
    '/api/sites/{siteId}/measurement-outcomes',
    {
      permission: 'measurement.outcomes',
      summary: "Each program's average change per instrument, first score to latest, with responders",
      ok: [ProgramOutcomes, 'Outcomes'],
    },
    (ctx) => programOutcomes(ctx),
  );

  // ---- Portal
  users.get(
    '/api/portal/instruments',
    {
      permission: 'portal.self',
      summary: 'My questionnaires that are due, with their questions and answer choices',
      ok: [PortalDueInstruments, 'Due questionnaires'],
    },
    (ctx) => dueQuestionnaires(ctx),
  );

  users.post(
    '/api/portal/instrument-results',
    {
      permission: 'portal.self',
      status: 201,
      idempotent: true,
      summary:
        'I answer a questionnaire my program gives; a risk answer alerts my clinician and shows the 24-hour crisis line',
      body: PortalResultRequest,
      ok: [PortalResultAnswer, 'Saved'],
    },
    (ctx, { json }) => answerQuestionnaire(ctx, json),
  );
}
