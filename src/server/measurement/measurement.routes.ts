import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import {
  getInstrument,
  isInstrumentId,
  listInstruments,
  responseToTreatment,
} from '../../domain/instruments';
import { averageChange, instrumentDue, showsCrisisLine } from '../../domain/measurement';
import { appendAudit } from '../platform/audit/audit';
import { AppError } from '../platform/errors';
import type { App, AppEnv } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse, PageQuery, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { idempotent } from '../platform/http/idempotency';
import { auditPatient } from '../platform/http/patient-audit';
import { listSitePrograms } from '../programs';
import { findSiteProgram } from '../referrals';
import { siteToday } from '../sites';
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
import {
  acknowledgeTask,
  findEpisodeInTreatment,
  findTask,
  listEpisodeTotals,
  listMyOpenTasks,
  listPatientResults,
  listPatientTasks,
  listScheduledInstruments,
  listSiteSchedules,
  type ResultRow,
  replaceProgramSchedule,
} from './measurement.store';
import { recordInstrumentResult } from './record-instrument-result';

const tags = ['Measurement-based care'];
const SiteParams = z.object({ siteId: UuidParam('siteId') });
const SiteProgramParams = SiteParams.extend({ programId: UuidParam('programId') });
const PatientParams = z.object({ patientId: UuidParam('patientId') });
const TaskParams = PatientParams.extend({ taskId: UuidParam('taskId') });

const instrumentName = (id: string) => (isInstrumentId(id) ? getInstrument(id).shortName : id);
const fullName = (r: { givenName: string; familyName: string; preferredName: string | null }) =>
  `${r.givenName}${r.preferredName ? ` (${r.preferredName})` : ''} ${r.familyName}`;

function resultJson(r: ResultRow, extra: Partial<z.infer<typeof InstrumentResult>> = {}) {
  return {
    id: r.id,
    patientId: r.patientId,
    episodeId: r.episodeId,
    instrumentId: r.instrumentId,
    instrumentName: instrumentName(r.instrumentId),
    instrumentVersion: r.instrumentVersion,
    answers: r.answers,
    total: r.total,
    subscales: r.subscales ?? null,
    bandId: r.bandId,
    bandLabel: r.bandLabel,
    riskFlags: r.riskFlags,
    administeredOn: r.administeredOn,
    enteredVia: r.enteredVia,
    enteredBy: r.enteredBy,
    createdAt: r.createdAt.toISOString(),
    ...extra,
  };
}

type TaskListRow = Awaited<ReturnType<typeof listPatientTasks>>[number];
function taskJson(row: TaskListRow): z.infer<typeof UrgentTask> {
  const t = row.task;
  return {
    id: t.id,
    type: t.type,
    status: t.status,
    patientId: t.patientId,
    patientName: fullName(row),
    mrn: row.mrn,
    episodeId: t.episodeId,
    resultId: t.resultId,
    instrumentId: row.instrumentId,
    instrumentName: instrumentName(row.instrumentId),
    total: row.total,
    bandLabel: row.bandLabel,
    administeredOn: row.administeredOn,
    enteredVia: row.enteredVia,
    assignedTo: t.assignedTo,
    createdAt: t.createdAt.toISOString(),
    acknowledgedBy: t.acknowledgedBy,
    acknowledgedAt: t.acknowledgedAt?.toISOString() ?? null,
    acknowledgeNote: t.acknowledgeNote,
  };
}

/** Scheduled instruments that are due or overdue today (domain/measurement decides). */
function dueOnly<
  R extends {
    admittedOn: string | null;
    lastGivenOn: string | null;
    atIntake: boolean;
    everyDays: number | null;
  },
>(rows: R[], today: Temporal.PlainDate) {
  return rows.flatMap((row) => {
    if (!row.admittedOn) return [];
    const due = instrumentDue(
      row,
      {
        admittedOn: Temporal.PlainDate.from(row.admittedOn),
        lastGivenOn: row.lastGivenOn ? Temporal.PlainDate.from(row.lastGivenOn) : null,
      },
      today,
    );
    if (due.state === 'not-due' || !due.dueOn) return [];
    return [{ row, state: due.state, dueOn: due.dueOn.toString() }];
  });
}

async function auditResultWrite(
  c: Context<AppEnv>,
  tx: Parameters<typeof auditPatient>[1],
  recorded: Awaited<ReturnType<typeof recordInstrumentResult>>,
  portal: { patientId: string; siteId: string } | null,
) {
  const events = [
    {
      action: 'instrument_result.create',
      entity: 'instrument_result',
      entityId: recorded.result.id,
      detail: { instrumentId: recorded.result.instrumentId, via: recorded.result.enteredVia },
    },
    ...(recorded.task
      ? [
          {
            action: 'urgent_task.create',
            entity: 'urgent_task',
            entityId: recorded.task.id,
            detail: { type: recorded.task.type, assignedTo: recorded.task.assignedTo },
          },
        ]
      : []),
  ];
  if (!portal) {
    for (const event of events) await auditPatient(c, tx, event);
    return;
  }
  await appendAudit(
    tx,
    auditActor(c),
    events.map((e) => ({ ...e, patientId: portal.patientId, siteId: portal.siteId })),
    c.var.deps.now(),
  );
}

export function registerMeasurementRoutes(app: App) {
  // ---- Schedules
  defineRoute(
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
    async (c) => {
      const { siteId } = c.req.valid('param');
      const { db } = c.var.deps;
      const programs = await db.tx(async (tx) => {
        const [programRows, schedules] = [
          await listSitePrograms(tx, siteId),
          await listSiteSchedules(tx, siteId),
        ];
        return programRows.map((p) => ({
          programId: p.id,
          programName: p.name,
          items: schedules
            .filter((s) => s.programId === p.id)
            .map((s) => ({ instrumentId: s.instrumentId, atIntake: s.atIntake, everyDays: s.everyDays })),
        }));
      });
      const instruments = listInstruments().map((i) => ({
        id: i.id,
        shortName: i.shortName,
        name: i.name,
        administeredBy: i.administeredBy,
      }));
      return c.json({ instruments, programs }, 200);
    },
  );

  defineRoute(
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
    async (c) => {
      const { siteId, programId } = c.req.valid('param');
      const { items } = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const fields = items.flatMap((item, i) => {
        const errors = [];
        if (items.findIndex((other) => other.instrumentId === item.instrumentId) !== i) {
          errors.push({
            path: `items.${i}.instrumentId`,
            message: 'This instrument is already in the schedule.',
          });
        }
        if (!item.atIntake && item.everyDays === null) {
          errors.push({
            path: `items.${i}.everyDays`,
            message: 'Give it at intake, every so many days, or both.',
          });
        }
        return errors;
      });
      if (fields.length > 0) throw AppError.validation(fields);
      const saved = await db.tx(async (tx) => {
        const program = await findSiteProgram(tx, siteId, programId);
        if (!program) throw AppError.notFound('The program');
        const rows = await replaceProgramSchedule(
          tx,
          { organizationId: program.organizationId, siteId, programId },
          items,
          p.userId,
          now(),
        );
        await appendAudit(
          tx,
          auditActor(c),
          [
            {
              action: 'instrument_schedule.replace',
              entity: 'program',
              entityId: programId,
              siteId,
              detail: { items },
            },
          ],
          now(),
        );
        return {
          programId,
          programName: program.name,
          items: rows.map((s) => ({
            instrumentId: s.instrumentId,
            atIntake: s.atIntake,
            everyDays: s.everyDays,
          })),
        };
      });
      return c.json(saved, 200);
    },
  );

  // ---- Due list
  defineRoute(
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
    async (c) => {
      const { siteId } = c.req.valid('param');
      const { page, pageSize } = c.req.valid('query');
      const { db, now } = c.var.deps;
      const answer = await db.tx(async (tx) => {
        const today = await siteToday(tx, siteId, now());
        const due = dueOnly(await listScheduledInstruments(tx, { siteId }), today).sort(
          (a, b) =>
            (a.state === b.state ? 0 : a.state === 'overdue' ? -1 : 1) || a.dueOn.localeCompare(b.dueOn),
        );
        const items = due.slice((page - 1) * pageSize, page * pageSize).map(({ row, state, dueOn }) => ({
          patientId: row.patientId,
          patientName: fullName(row),
          mrn: row.mrn,
          episodeId: row.episodeId,
          programName: row.programName,
          instrumentId: row.instrumentId,
          instrumentName: instrumentName(row.instrumentId),
          state,
          dueOn,
          lastGivenOn: row.lastGivenOn,
        }));
        const shown = [...new Set(items.map((i) => i.patientId))];
        if (shown.length > 0) {
          await appendAudit(
            tx,
            auditActor(c),
            shown.map((patientId) => ({
              action: 'measurement_due.list',
              entity: 'patient',
              entityId: patientId,
              patientId,
              siteId,
            })),
            now(),
          );
        }
        return { items, page, pageSize, total: due.length };
      });
      return c.json(answer, 200);
    },
  );

  // ---- Results (staff)
  defineRoute(
    app,
    {
      permission: 'measurement.write',
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
    async (c) => {
      const access = c.var.patientAccess!;
      const body = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const answer = await db.tx((tx) =>
        idempotent(c, tx, body, async () => {
          const episode = await findEpisodeInTreatment(tx, access.patientId, body.episodeId);
          if (!episode?.admittedOn) {
            throw AppError.validation([
              {
                path: 'episodeId',
                message: body.episodeId
                  ? 'Not an episode of this patient that is in treatment.'
                  : 'The patient has no episode in treatment.',
              },
            ]);
          }
          const today = await siteToday(tx, episode.siteId, now());
          const administeredOn = body.administeredOn ?? today.toString();
          if (body.administeredOn) {
            const on = Temporal.PlainDate.from(body.administeredOn, { overflow: 'reject' });
            if (Temporal.PlainDate.compare(on, today) > 0 || on.toString() < episode.admittedOn) {
              throw AppError.validation([
                { path: 'administeredOn', message: 'Must be between the admission and today.' },
              ]);
            }
          }
          const recorded = await recordInstrumentResult(tx, {
            patientId: access.patientId,
            episode,
            instrumentId: body.instrumentId,
            answers: body.answers,
            administeredOn,
            enteredVia: 'staff',
            enteredBy: p.userId,
            at: now(),
          });
          await auditResultWrite(c, tx, recorded, null);
          return {
            status: 201,
            body: resultJson(recorded.result, {
              enteredByName: p.displayName,
              urgentTask: recorded.task
                ? { id: recorded.task.id, type: recorded.task.type, status: recorded.task.status }
                : null,
            }),
          };
        }),
      );
      return c.json(answer.body as z.infer<typeof InstrumentResult>, 201);
    },
  );

  defineRoute(
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
    async (c) => {
      const access = c.var.patientAccess!;
      const { episodeId: asked } = c.req.valid('query');
      const { db } = c.var.deps;
      const answer = await db.tx(async (tx) => {
        const episodeId = asked ?? (await findEpisodeInTreatment(tx, access.patientId))?.id;
        const rows = await listPatientResults(tx, access.patientId, episodeId);
        await auditPatient(c, tx, {
          action: 'instrument_result.list',
          entity: 'instrument_result',
          entityId: null,
          detail: episodeId ? { episodeId } : undefined,
        });
        return { episodeId: episodeId ?? null, rows };
      });
      const items = answer.rows.map((r) => resultJson(r.result, { enteredByName: r.enteredByName }));
      const instrumentIds = [...new Set(items.map((i) => i.instrumentId))];
      const trends = instrumentIds.map((instrumentId) => {
        const totals = items
          .filter((i) => i.instrumentId === instrumentId && i.total !== null)
          .map((i) => i.total as number);
        const baseline = totals[0] ?? null;
        const latest = totals.at(-1) ?? null;
        const twoOrMore = totals.length >= 2 && baseline !== null && latest !== null;
        const response =
          twoOrMore && (instrumentId === 'phq-9' || instrumentId === 'gad-7')
            ? responseToTreatment(baseline, latest, instrumentId)
            : null;
        return {
          instrumentId,
          instrumentName: instrumentName(instrumentId),
          baseline,
          latest,
          changeSinceIntake: twoOrMore ? latest - baseline : null,
          response: response
            ? {
                response: response.response,
                percentChange: response.percentChange,
                clinicallySignificantImprovement: response.clinicallySignificantImprovement,
                remission: response.remission,
              }
            : null,
        };
      });
      return c.json({ episodeId: answer.episodeId, items, trends }, 200);
    },
  );

  // ---- Urgent tasks
  defineRoute(
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
    async (c) => {
      const access = c.var.patientAccess!;
      const { status } = c.req.valid('query');
      const items = await c.var.deps.db.tx(async (tx) => {
        const rows = await listPatientTasks(tx, access.patientId, status);
        await auditPatient(c, tx, { action: 'urgent_task.list', entity: 'urgent_task', entityId: null });
        return rows.map(taskJson);
      });
      return c.json({ items, total: items.length }, 200);
    },
  );

  defineRoute(
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
    async (c) => {
      const access = c.var.patientAccess!;
      const { taskId } = c.req.valid('param');
      const { note } = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const task = await db.tx(async (tx) => {
        const updated = await acknowledgeTask(tx, access.patientId, taskId, p.userId, now(), note || null);
        if (!updated) {
          const existing = await findTask(tx, access.patientId, taskId);
          if (!existing) throw AppError.notFound('The task');
          throw AppError.conflict('This task was already acknowledged.', 'task_already_acknowledged');
        }
        await auditPatient(c, tx, {
          action: 'urgent_task.acknowledge',
          entity: 'urgent_task',
          entityId: updated.id,
          detail: { type: updated.type },
        });
        const [row] = (await listPatientTasks(tx, access.patientId, 'all')).filter(
          (r) => r.task.id === updated.id,
        );
        return taskJson(row!);
      });
      return c.json(task, 200);
    },
  );

  defineRoute(
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
    async (c) => {
      const { page, pageSize } = c.req.valid('query');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const answer = await db.tx(async (tx) => {
        const found = await listMyOpenTasks(tx, p.userId, p.siteIds, page, pageSize);
        if (found.items.length > 0) {
          await appendAudit(
            tx,
            auditActor(c),
            found.items.map((r) => ({
              action: 'urgent_task.list',
              entity: 'urgent_task',
              entityId: r.task.id,
              patientId: r.task.patientId,
              siteId: r.task.siteId,
            })),
            now(),
          );
        }
        return { items: found.items.map(taskJson), page, pageSize, total: found.total };
      });
      return c.json(answer, 200);
    },
  );

  // ---- Program outcomes (director)
  defineRoute(
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
    async (c) => {
      const { siteId } = c.req.valid('param');
      const rows = await c.var.deps.db.tx((tx) => listEpisodeTotals(tx, siteId));
      const groups = new Map<
        string,
        {
          programId: string;
          programName: string;
          instrumentId: string;
          pairs: { first: number; latest: number }[];
        }
      >();
      for (const row of rows) {
        const key = `${row.programId}|${row.instrumentId}`;
        const group = groups.get(key) ?? {
          programId: row.programId,
          programName: row.programName,
          instrumentId: row.instrumentId,
          pairs: [],
        };
        const totals = row.totals.map(Number);
        group.pairs.push({ first: totals[0]!, latest: totals.at(-1)! });
        groups.set(key, group);
      }
      const items = [...groups.values()]
        .map((g) => ({
          programId: g.programId,
          programName: g.programName,
          instrumentId: g.instrumentId,
          instrumentName: instrumentName(g.instrumentId),
          ...averageChange(g.pairs),
        }))
        .sort(
          (a, b) =>
            a.programName.localeCompare(b.programName) || a.instrumentId.localeCompare(b.instrumentId),
        );
      return c.json({ items }, 200);
    },
  );

  // ---- Portal
  defineRoute(
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
    async (c) => {
      const p = c.var.principal!;
      if (!p.patientId) throw AppError.forbidden();
      const patientId = p.patientId;
      const { db, now } = c.var.deps;
      const items = await db.tx(async (tx) => {
        const episode = await findEpisodeInTreatment(tx, patientId);
        if (!episode) return [];
        const today = await siteToday(tx, episode.siteId, now());
        const due = dueOnly(await listScheduledInstruments(tx, { patientId }), today).filter(
          ({ row }) => row.episodeId === episode.id && isInstrumentId(row.instrumentId),
        );
        await appendAudit(
          tx,
          auditActor(c),
          [
            {
              action: 'read',
              entity: 'portal_instruments',
              entityId: null,
              patientId,
              siteId: episode.siteId,
            },
          ],
          now(),
        );
        return due.flatMap(({ row, state, dueOn }) => {
          if (!isInstrumentId(row.instrumentId)) return [];
          const instrument = getInstrument(row.instrumentId);
          // Clinician-rated scales (CIWA-Ar, COWS) are scored by staff watching for signs, never self-reported.
          if (instrument.administeredBy !== 'patient') return [];
          return [
            {
              instrumentId: instrument.id,
              name: instrument.name,
              shortName: instrument.shortName,
              instructions: instrument.instructions,
              state,
              dueOn,
              items: instrument.items.map((item) => ({
                id: item.id,
                number: item.number,
                ...(item.part ? { part: item.part } : {}),
                text: item.text,
                options: item.options.map((o) => ({ value: o.value, label: o.label })),
                ...(item.askedWhen ? { askedWhen: { ...item.askedWhen } } : {}),
              })),
            },
          ];
        });
      });
      return c.json({ items }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'portal.self',
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
    async (c) => {
      const p = c.var.principal!;
      if (!p.patientId) throw AppError.forbidden();
      const patientId = p.patientId;
      const body = c.req.valid('json');
      const { db, now } = c.var.deps;
      const answer = await db.tx((tx) =>
        idempotent(c, tx, body, async () => {
          const episode = await findEpisodeInTreatment(tx, patientId);
          if (!episode?.admittedOn) {
            throw AppError.validation([
              { path: 'instrumentId', message: 'You have no program in progress to answer this for.' },
            ]);
          }
          const scheduled = (await listScheduledInstruments(tx, { patientId })).some(
            (r) => r.episodeId === episode.id && r.instrumentId === body.instrumentId,
          );
          if (
            !isInstrumentId(body.instrumentId) ||
            !scheduled ||
            getInstrument(body.instrumentId).administeredBy !== 'patient'
          ) {
            throw AppError.validation([
              {
                path: 'instrumentId',
                message: 'This questionnaire is not one your program asks you to answer.',
              },
            ]);
          }
          const recorded = await recordInstrumentResult(tx, {
            patientId,
            episode,
            instrumentId: body.instrumentId,
            answers: body.answers,
            administeredOn: (await siteToday(tx, episode.siteId, now())).toString(),
            enteredVia: 'portal',
            enteredBy: p.userId,
            at: now(),
          });
          await auditResultWrite(c, tx, recorded, { patientId, siteId: episode.siteId });
          return {
            status: 201,
            body: {
              id: recorded.result.id,
              instrumentId: recorded.result.instrumentId,
              instrumentName: recorded.instrument.shortName,
              administeredOn: recorded.result.administeredOn,
              showCrisisLine: showsCrisisLine(recorded.taskType),
              careTeamNotified: recorded.task !== null,
            },
          };
        }),
      );
      return c.json(answer.body as z.infer<typeof PortalResultAnswer>, 201);
    },
  );
}
