import { createRoute, z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { type TopicAttendance, topicCoverage } from '../../domain/curriculum/topic-coverage';
import { listCurriculum } from '../curriculum';
import { listEnrolmentsOfPatient, openProgramsOfPatient } from '../enrolment';
import { appendAudit } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { auditPatient } from '../platform/http/patient-audit';
import { loadProgram, programToday } from '../programs';
import {
  AtRiskList,
  MemberTopics,
  PatientDose,
  PortalSessions,
  WeekQuery,
} from './program-operations.schema';
import {
  comingTopicSessions,
  topicSessionsOfPatient,
  upcomingSessionsOfPatient,
} from './program-operations.store';
import { weeklyDoseLedger } from './weekly-dose-ledger';

const tags = ['Program operations'];
const _conflict = { 409: errorResponses[422] };
const _versioned = { 409: errorResponses[422], 428: errorResponses[422] };
const SiteProgram = z.object({ siteId: UuidParam('siteId'), programId: UuidParam('programId') });
const _SiteSession = z.object({ siteId: UuidParam('siteId'), sessionId: UuidParam('sessionId') });
const PatientParams = z.object({ patientId: UuidParam('patientId') });

export function registerProgramOperationRoutes(app: App) {
  // ---- Dose
  defineRoute(
    app,
    {
      permission: 'dose.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/dose',
        tags,
        summary:
          "The patient's weekly dose in each program they are enrolled in, for the week holding `week`",
        request: { params: PatientParams, query: WeekQuery },
        responses: { 200: jsonResponse(PatientDose, 'Dose'), ...errorResponses },
      }),
    },
    async (c) => {
      const { patientId } = c.req.valid('param');
      const { week } = c.req.valid('query');
      const items = await c.var.deps.db.tx(async (tx) => {
        const result = await patientWeeks(tx, patientId, Temporal.PlainDate.from(week), c.var.deps.now());
        await auditPatient(c, tx, { action: 'read', entity: 'dose', entityId: null, detail: { week } });
        return result;
      });
      return c.json({ items }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'operations.read',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/programs/{programId}/at-risk',
        tags,
        summary: 'Members at risk or short this week, with the make-up sessions that would close the gap',
        request: { params: SiteProgram, query: WeekQuery },
        responses: { 200: jsonResponse(AtRiskList, 'At risk'), ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, programId } = c.req.valid('param');
      const { week } = c.req.valid('query');
      const result = await c.var.deps.db.tx(async (tx) => {
        const program = await loadProgram(tx, siteId, programId);
        const ledger = await weeklyDoseLedger(tx, program, Temporal.PlainDate.from(week), c.var.deps.now());
        const items = ledger.members
          .filter((m) => m.dose.status === 'at_risk' || m.dose.status === 'short')
          .map((m) => ({
            patientId: m.patientId,
            givenName: m.givenName,
            familyName: m.familyName,
            trackId: m.trackId,
            weekNumber: m.weekNumber,
            targetHours: m.targetHours,
            medicareCoverage: m.medicareCoverage,
            dose: doseJson(m.dose),
            makeUp: m.makeUp
              ? {
                  closesGap: m.makeUp.closesGap,
                  minutesAfter: m.makeUp.minutesAfter,
                  sessions: m.makeUp.sessions.map((s) => ({
                    id: s.id,
                    trackId: s.trackId,
                    trackName: s.trackName,
                    sessionType: s.sessionType,
                    localDate: s.localDate,
                    startsAt: s.start.toString(),
                    minutes: s.minutes,
                    capacityLeft: s.capacityLeft,
                  })),
                }
              : null,
          }));
        await appendAudit(
          tx,
          auditActor(c),
          items.map((m) => ({
            action: 'read',
            entity: 'dose',
            entityId: null,
            patientId: m.patientId,
            siteId,
          })),
          c.var.deps.now(),
        );
        return { weekStart: ledger.weekStart, weekEnd: ledger.weekEnd, items };
      });
      return c.json(result, 200);
    },
  );

  registerCurriculumAndStepRoutes(app);

  // ---- Portal
  defineRoute(
    app,
    {
      permission: 'portal.self',
      route: createRoute({
        method: 'get',
        path: '/api/portal/sessions',
        tags,
        summary: 'My upcoming sessions (with telehealth links and cancellations) and my hours this week',
        responses: { 200: jsonResponse(PortalSessions, 'My sessions'), ...errorResponses },
      }),
    },
    async (c) => {
      const p = c.var.principal!;
      if (!p.patientId) throw AppError.forbidden();
      const patientId = p.patientId;
      const now = c.var.deps.now();
      const result = await c.var.deps.db.tx(async (tx) => {
        const upcoming = await upcomingSessionsOfPatient(tx, patientId, now);
        const weeks = await patientWeeks(tx, patientId, null, now);
        await appendAudit(
          tx,
          auditActor(c),
          [{ action: 'read', entity: 'portal_sessions', entityId: null, patientId }],
          now,
        );
        return {
          items: upcoming.map(({ session: s, trackName }) => ({
            id: s.id,
            trackName,
            sessionType: s.sessionType,
            topic: s.topic,
            localDate: s.localDate,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            telehealthUrl: s.cancelledAt ? null : s.telehealthUrl,
            room: s.room,
            cancelled: s.cancelledAt !== null,
            cancelReason: s.cancelReason,
            cancelNote: s.cancelNote,
          })),
          thisWeek: weeks.map((w) => ({
            programName: w.programName,
            weekStart: w.weekStart,
            weekEnd: w.weekEnd,
            targetHours: w.targetHours,
            attendedHours: w.dose.attendedHours,
            scheduledHours: w.dose.scheduledHours,
          })),
        };
      });
      return c.json(result, 200);
    },
  );
}

function doseJson(d: Awaited<ReturnType<typeof weeklyDoseLedger>>['members'][number]['dose']) {
  return {
    scheduledHours: d.scheduledHours,
    attendedHours: d.attendedHours,
    remainingScheduledHours: d.remainingScheduledHours,
    forecastHours: d.forecastHours,
    gapMinutes: d.gapMinutes,
    status: d.status,
    qualifyingDays: d.qualifyingDays.map((x) => x.toString()),
    perDiemBillableWeek: d.perDiemBillableWeek,
    medicareMinimumMet: d.medicareMinimumMet ?? null,
  };
}

/** The patient's week in each program they are enrolled in; `week` null means the current week. */
async function patientWeeks(tx: Tx, patientId: string, week: Temporal.PlainDate | null, now: Date) {
  const programsOf = await openProgramsOfPatient(tx, patientId);
  const out: z.infer<typeof PatientDose>['items'] = [];
  for (const { programId, siteId } of programsOf) {
    const program = await loadProgram(tx, siteId, programId);
    const day = week ?? Temporal.PlainDate.from(programToday(program, now));
    const ledger = await weeklyDoseLedger(tx, program, day, now, patientId);
    const m = ledger.members[0];
    if (!m) continue;
    out.push({
      programId,
      programName: program.name,
      weekStart: ledger.weekStart,
      weekEnd: ledger.weekEnd,
      weekNumber: m.weekNumber,
      targetHours: m.targetHours,
      band: program.band,
      dose: doseJson(m.dose),
      sessions: m.sessions.map(({ session: s, attendance: a }) => ({
        id: s.id,
        sessionType: s.sessionType,
        localDate: s.localDate,
        startsAt: s.startsAt.toISOString(),
        minutes: s.minutes,
        cancelled: s.cancelledAt !== null,
        attendance: a ?? null,
      })),
    });
  }
  return out;
}

function registerCurriculumAndStepRoutes(app: App) {
  defineRoute(
    app,
    {
      permission: 'dose.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/topics',
        tags,
        summary:
          "The member's curriculum topics in their current track: covered, missed or not yet, with the next session (any track of the program) that covers each",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(MemberTopics, 'Topics'), ...errorResponses },
      }),
    },
    async (c) => {
      const { patientId } = c.req.valid('param');
      const nowDate = c.var.deps.now();
      const items = await c.var.deps.db.tx(async (tx) => {
        const out: z.infer<typeof MemberTopics>['items'] = [];
        const enrolled = await listEnrolmentsOfPatient(tx, patientId);
        for (const { programId, siteId } of await openProgramsOfPatient(tx, patientId)) {
          const program = await loadProgram(tx, siteId, programId);
          const today = programToday(program, nowDate);
          const ofProgram = enrolled.filter((e) => e.enrolment.programId === programId);
          const current =
            ofProgram.find((e) => e.enrolment.startsOn <= today && (e.enrolment.endsOn ?? today) >= today) ??
            ofProgram[0];
          if (!current) continue;
          const curriculum = await listCurriculum(tx, current.enrolment.trackId);
          const mine = await topicSessionsOfPatient(tx, programId, patientId, nowDate);
          const horizon = new Date(nowDate.getTime() + TOPIC_LOOKAHEAD_DAYS * 86_400_000);
          const coming = await comingTopicSessions(tx, programId, nowDate, horizon);
          const coverage = topicCoverage({
            curriculum: curriculum.map((t) => ({ id: t.id, title: t.title })),
            memberSessions: mine.map(({ session: s, status }) => ({
              sessionId: s.id,
              topicTitle: s.topic ?? '',
              start: toInstant(s.startsAt),
              end: toInstant(s.endsAt),
              cancelled: s.cancelledAt !== null,
              attendance: (status ?? undefined) as TopicAttendance | undefined,
            })),
            candidates: coming.map((r) => ({
              sessionId: r.session.id,
              trackId: r.session.trackId!,
              trackName: r.trackName,
              localDate: r.session.localDate,
              topicTitle: r.session.topic ?? '',
              start: toInstant(r.session.startsAt),
              cancelled: false,
              capacityLeft: r.capacityLeft,
            })),
            now: toInstant(nowDate),
          });
          const dateOf = new Map(mine.map((m) => [m.session.id, m.session.localDate]));
          out.push({
            programId,
            programName: program.name,
            trackId: current.enrolment.trackId,
            trackName: current.trackName,
            topics: coverage.map((t) => ({
              topicId: t.topic.id,
              position: t.position,
              title: t.topic.title,
              status: t.status,
              sessionDate: t.sessionId ? (dateOf.get(t.sessionId) ?? null) : null,
              next: t.next
                ? {
                    sessionId: t.next.sessionId,
                    trackId: t.next.trackId,
                    trackName: t.next.trackName,
                    localDate: t.next.localDate,
                    startsAt: t.next.start.toString(),
                  }
                : null,
            })),
          });
        }
        await auditPatient(c, tx, { action: 'read', entity: 'curriculum_topics', entityId: null });
        return out;
      });
      return c.json({ items }, 200);
    },
  );
}

/** How far ahead the next session covering a topic is looked for. */
const TOPIC_LOOKAHEAD_DAYS = 56;
const toInstant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());
