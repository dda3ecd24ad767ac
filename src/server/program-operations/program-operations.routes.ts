import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { type TopicAttendance, topicCoverage } from '../../domain/curriculum/topic-coverage';
import { listCurriculum } from '../curriculum';
import {
  enrolledInProgramOn,
  listEnrolmentsOfPatient,
  openProgramsOfPatient,
  trackMembersOn,
} from '../enrolment';
import { appendAudit } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { App, AppEnv } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { auditPatient } from '../platform/http/patient-audit';
import { etag, requiredVersion, staleVersion } from '../platform/http/versioning';
import { loadProgram, programToday } from '../programs';
import { findSession, type SessionRow, sessionJson } from '../sessions';
import { participantMinutes } from './participant-csv';
import {
  AtRiskList,
  CsvImport,
  CsvImportResult,
  MemberTopics,
  PatientDose,
  PortalSessions,
  Roster,
  SaveAttendance,
  WeekQuery,
} from './program-operations.schema';
import {
  comingTopicSessions,
  listAttendance,
  replaceAttendance,
  topicSessionsOfPatient,
  upcomingSessionsOfPatient,
} from './program-operations.store';
import { weeklyDoseLedger } from './weekly-dose-ledger';

const tags = ['Program operations'];
const _conflict = { 409: errorResponses[422] };
const _versioned = { 409: errorResponses[422], 428: errorResponses[422] };
const SiteProgram = z.object({ siteId: UuidParam('siteId'), programId: UuidParam('programId') });
const SiteSession = z.object({ siteId: UuidParam('siteId'), sessionId: UuidParam('sessionId') });
const PatientParams = z.object({ patientId: UuidParam('patientId') });

/** Minutes beyond a session's length that attendance may claim (early arrival, overrun). */
const ATTENDANCE_SLACK_MINUTES = 60;
/** domain.md §3: a group of fewer than 3 members is not a group. */
const MINIMUM_GROUP_SIZE = 3;

export function registerProgramOperationRoutes(app: App) {
  // ---- Attendance
  defineRoute(
    app,
    {
      permission: 'operations.read',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/sessions/{sessionId}/attendance',
        tags,
        summary: "A session's roster: the track's members that day and any attendance recorded",
        request: { params: SiteSession },
        responses: { 200: jsonResponse(Roster, 'Roster'), ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, sessionId } = c.req.valid('param');
      const roster = await c.var.deps.db.tx(async (tx) => {
        const session = await findSession(tx, siteId, sessionId);
        if (!session) throw AppError.notFound('The session');
        const result = await rosterOf(tx, session);
        await auditRoster(
          c,
          tx,
          siteId,
          'read',
          sessionId,
          result.members.map((m) => m.patientId),
        );
        return result;
      });
      c.header('ETag', etag(roster.version));
      return c.json(roster, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'attendance.write',
      route: createRoute({
        method: 'put',
        path: '/api/sites/{siteId}/sessions/{sessionId}/attendance',
        tags,
        summary:
          "Saves a session's whole roster in one transaction (replaces what was recorded); needs If-Match with the roster's version (428 without, 409 version_conflict when someone saved since)",
        request: { params: SiteSession, body: jsonBody(SaveAttendance) },
        responses: {
          200: jsonResponse(Roster, 'Saved'),
          409: errorResponses[422],
          428: errorResponses[422],
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const { siteId, sessionId } = c.req.valid('param');
      const { rows } = c.req.valid('json');
      const version = requiredVersion(c);
      const roster = await c.var.deps.db.tx(async (tx) => {
        const session = await findSession(tx, siteId, sessionId);
        if (!session) throw AppError.notFound('The session');
        if (session.cancelledAt) {
          throw AppError.conflict('The session was cancelled.', 'session_cancelled');
        }
        const values = rows.map((r, i) => attendanceValues(session, r, i, c.var.principal!.userId));
        const ids = rows.map((r) => r.patientId);
        const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
        if (duplicate >= 0) {
          throw AppError.validation([{ path: `rows.${duplicate}.patientId`, message: 'Appears twice.' }]);
        }
        const enrolled = await enrolledInProgramOn(tx, session.programId, ids, session.localDate);
        const stranger = ids.findIndex((id) => !enrolled.has(id));
        if (stranger >= 0) {
          throw AppError.validation([
            {
              path: `rows.${stranger}.patientId`,
              message: 'Is not enrolled in this program on the session day.',
            },
          ]);
        }
        // Attendance feeds the dose ledger and billing: a save made from a stale roster must not erase another's.
        const saved = await replaceAttendance(tx, sessionId, version, values);
        if (saved === undefined) {
          const current = await findSession(tx, siteId, sessionId);
          throw staleVersion(current?.rosterVersion ?? version);
        }
        const result = await rosterOf(tx, { ...session, rosterVersion: saved });
        await auditRoster(c, tx, siteId, 'update', sessionId, ids);
        return result;
      });
      c.header('ETag', etag(roster.version));
      return c.json(roster, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'attendance.write',
      route: createRoute({
        method: 'post',
        path: '/api/sites/{siteId}/sessions/{sessionId}/attendance/import',
        tags,
        summary:
          "Matches a virtual session's participant CSV (name/email, join, leave) to the roster; saves nothing",
        request: { params: SiteSession, body: jsonBody(CsvImport) },
        responses: { 200: jsonResponse(CsvImportResult, 'Matched'), ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, sessionId } = c.req.valid('param');
      const { csv } = c.req.valid('json');
      const result = await c.var.deps.db.tx(async (tx) => {
        const session = await findSession(tx, siteId, sessionId);
        if (!session) throw AppError.notFound('The session');
        const program = await loadProgram(tx, siteId, session.programId);
        const { participants, problems } = participantMinutes(csv, program.timeZone);
        const members = session.trackId ? await trackMembersOn(tx, session.trackId, session.localDate) : [];
        const norm = (x: string) =>
          x
            .toLowerCase()
            .replace(/[^a-z]+/g, ' ')
            .trim();
        const matched: z.infer<typeof CsvImportResult>['matched'] = [];
        const unmatched: z.infer<typeof CsvImportResult>['unmatched'] = [];
        for (const p of participants) {
          const member = members.find(
            (m) =>
              (p.email && m.email?.toLowerCase() === p.email) ||
              [norm(`${m.givenName} ${m.familyName}`), norm(`${m.familyName} ${m.givenName}`)].includes(
                norm(p.name),
              ),
          );
          if (!member) {
            unmatched.push(p);
            continue;
          }
          const existing = matched.find((m) => m.patientId === member.patientId);
          if (existing) {
            existing.minutes += p.minutes;
            continue;
          }
          matched.push({
            patientId: member.patientId,
            givenName: member.givenName,
            familyName: member.familyName,
            name: p.name,
            email: p.email,
            minutes: p.minutes,
          });
        }
        for (const m of matched) {
          m.minutes = Math.min(m.minutes, session.minutes + ATTENDANCE_SLACK_MINUTES);
        }
        await auditRoster(
          c,
          tx,
          siteId,
          'read',
          sessionId,
          matched.map((m) => m.patientId),
        );
        return { matched, unmatched, problems };
      });
      return c.json(result, 200);
    },
  );

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

type AttendanceInput = z.infer<typeof SaveAttendance>['rows'][number];

/** One roster row as stored; minutes come from arrival and departure when not typed, absences are 0. */
function attendanceValues(session: SessionRow, r: AttendanceInput, i: number, userId: string) {
  const absent = r.status === 'excused' || r.status === 'unexcused';
  const arrived = r.arrivedAt ? new Date(r.arrivedAt) : null;
  const left = r.leftAt ? new Date(r.leftAt) : null;
  if (arrived && left && left <= arrived) {
    throw AppError.validation([{ path: `rows.${i}.leftAt`, message: 'Must be after arrivedAt.' }]);
  }
  let minutes = r.minutes;
  if (minutes === undefined) {
    if (absent) minutes = 0;
    else if (arrived || left) {
      const from = arrived ?? session.startsAt;
      const to = left ?? session.endsAt;
      minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
    } else minutes = session.minutes;
  }
  const limit = session.minutes + ATTENDANCE_SLACK_MINUTES;
  if (minutes > limit) {
    const field = r.minutes !== undefined ? 'minutes' : 'leftAt';
    throw AppError.validation([
      { path: `rows.${i}.${field}`, message: `Must be at most ${limit} minutes (session length + 60).` },
    ]);
  }
  return {
    organizationId: session.organizationId,
    siteId: session.siteId,
    sessionId: session.id,
    patientId: r.patientId,
    status: r.status,
    minutes: absent ? 0 : minutes,
    arrivedAt: arrived,
    leftAt: left,
    absenceReason: absent ? (r.absenceReason ?? null) : null,
    recordedBy: userId,
  };
}

async function rosterOf(tx: Tx, session: SessionRow): Promise<z.infer<typeof Roster>> {
  const members = session.trackId ? await trackMembersOn(tx, session.trackId, session.localDate) : [];
  const recorded = await listAttendance(tx, session.id);
  const byPatient = new Map(recorded.map((r) => [r.row.patientId, r]));
  const list = members.map(({ email: _email, ...m }) => ({ ...m, enrolled: true }));
  for (const r of recorded) {
    if (!members.some((m) => m.patientId === r.row.patientId)) {
      list.push({
        patientId: r.row.patientId,
        givenName: r.givenName,
        familyName: r.familyName,
        enrolled: false,
      });
    }
  }
  const attendees = recorded.filter((r) => r.row.status !== 'excused' && r.row.status !== 'unexcused').length;
  return {
    session: sessionJson(session),
    members: list.map((m) => {
      const a = byPatient.get(m.patientId)?.row;
      return {
        ...m,
        attendance: a
          ? {
              status: a.status as AttendanceInput['status'],
              minutes: a.minutes,
              arrivedAt: a.arrivedAt?.toISOString() ?? null,
              leftAt: a.leftAt?.toISOString() ?? null,
              absenceReason: a.absenceReason,
            }
          : null,
      };
    }),
    attendees,
    belowMinimumGroupSize: recorded.length > 0 && attendees < MINIMUM_GROUP_SIZE,
    version: session.rosterVersion,
  };
}

async function auditRoster(
  c: Context<AppEnv>,
  tx: Tx,
  siteId: string,
  action: string,
  sessionId: string,
  patientIds: string[],
) {
  await appendAudit(
    tx,
    auditActor(c),
    patientIds.map((patientId) => ({ action, entity: 'attendance', entityId: sessionId, patientId, siteId })),
    c.var.deps.now(),
  );
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
