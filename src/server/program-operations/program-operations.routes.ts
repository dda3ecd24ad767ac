import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { rotateCurriculum } from '../../domain/curriculum/rotate-curriculum';
import { type TopicAttendance, topicCoverage } from '../../domain/curriculum/topic-coverage';
import { topicKey } from '../../domain/curriculum/topic-key';
import { type DoseLevel, plannedLevels, targetForWeek } from '../../domain/dose/step-down';
import { stepDirection } from '../../domain/episodes/discharge';
import { InputError } from '../../domain/input-error';
import type { LevelCode } from '../../domain/placement/levels-of-care';
import { expandSchedule, type Occurrence } from '../../domain/schedule/expand-schedule';
import { programWeekOf } from '../../domain/schedule/program-week';
import type { episodes } from '../episodes';
import { insertLevelChange, updateEpisode } from '../episodes';
import { assertStaffOfSite } from '../platform/access/staff-references';
import { appendAudit } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { App, AppEnv } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { idempotent } from '../platform/http/idempotency';
import { auditPatient } from '../platform/http/patient-audit';
import { etag, requiredVersion, staleVersion } from '../platform/http/versioning';
import { loadProgram, type ProgramConfig, programToday } from '../programs';
import { findTrack, lockTrack, takeCurriculumVersion } from '../tracks';
import { participantMinutes } from './participant-csv';
import {
  AtRiskList,
  CancelSession,
  CreateEnrolment,
  CreateSchedule,
  CreateSession,
  CsvImport,
  CsvImportResult,
  Curriculum,
  Enrolment,
  MemberTopics,
  PatientDose,
  PortalSessions,
  Roster,
  SaveAttendance,
  SaveCurriculum,
  SaveTargetSteps,
  Session,
  SessionList,
  SessionsQuery,
  TargetStepsSaved,
  WeekQuery,
} from './program-operations.schema';
import {
  cancelSession,
  comingTopicSessions,
  currentEnrolmentOfEpisode,
  deletePlannedLevelChanges,
  endEnrolment,
  enrolledInProgramOn,
  findBookingConflict,
  findEnrolment,
  findEpisode,
  findSession,
  insertEnrolment,
  insertSchedule,
  insertSessions,
  listAttendance,
  listCurriculum,
  listEnrolmentsOfPatient,
  listSessions,
  openProgramsOfPatient,
  peakMembersFrom,
  replaceAttendance,
  replaceCurriculum,
  type SessionRow,
  topicSessionsOfPatient,
  trackMembersOn,
  upcomingSessionsOfPatient,
  updateEnrolmentSteps,
} from './program-operations.store';
import { weeklyDoseLedger } from './weekly-dose-ledger';

const tags = ['Program operations'];
const conflict = { 409: errorResponses[422] };
const versioned = { 409: errorResponses[422], 428: errorResponses[422] };
const SiteProgram = z.object({ siteId: UuidParam('siteId'), programId: UuidParam('programId') });
const SiteTrack = z.object({ siteId: UuidParam('siteId'), trackId: UuidParam('trackId') });
const SiteSession = z.object({ siteId: UuidParam('siteId'), sessionId: UuidParam('sessionId') });
const PatientParams = z.object({ patientId: UuidParam('patientId') });

/** Sessions in one request: a year of a five-day schedule, with room to spare. */
const MAX_SESSIONS_PER_SCHEDULE = 400;
/** Minutes beyond a session's length that attendance may claim (early arrival, overrun). */
const ATTENDANCE_SLACK_MINUTES = 60;
/** An episode takes a seat once admitted and until discharge. */
const ENROLLABLE: ReadonlySet<string> = new Set(['admitted', 'active', 'on_hold']);
/** domain.md §3: a group of fewer than 3 members is not a group. */
const MINIMUM_GROUP_SIZE = 3;

/** A rule's field errors, named as the request names them (`targetSteps.0.hours`). */
function asValidation<T>(f: () => T, prefix = ''): T {
  try {
    return f();
  } catch (e) {
    // The error handler answers it as 422; here it only gets the request's names for its fields.
    if (e instanceof InputError) throw e.prefixed(prefix);
    throw e;
  }
}

const sessionJson = (s: SessionRow, facilitatorName: string | null = null): z.infer<typeof Session> => ({
  id: s.id,
  programId: s.programId,
  trackId: s.trackId,
  scheduleId: s.scheduleId,
  sessionType: s.sessionType as z.infer<typeof Session>['sessionType'],
  topic: s.topic,
  curriculumTopicId: s.curriculumTopicId,
  localDate: s.localDate,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  minutes: s.minutes,
  facilitatorId: s.facilitatorId,
  facilitatorName,
  room: s.room,
  telehealthUrl: s.telehealthUrl,
  cancelled: s.cancelledAt !== null,
  cancelReason: s.cancelReason,
  cancelNote: s.cancelNote,
});

type Placement = {
  sessionType: string;
  topic?: string | null;
  facilitatorId?: string | null;
  room?: string | null;
  telehealthUrl?: string | null;
};

/**
 * Checks a booking before sessions are stored: a group needs a topic's licensed facilitator, and neither the
 * facilitator nor the room may already be booked at an overlapping time (409 naming that session).
 */
async function checkPlacement(
  tx: Tx,
  program: ProgramConfig,
  placement: Placement,
  occurrences: Occurrence[],
) {
  if (placement.facilitatorId) {
    // The facilitator is someone who works at the program's site; a group is led by a licensed clinician.
    await assertStaffOfSite(
      tx,
      program,
      [{ path: 'facilitatorId', userId: placement.facilitatorId }],
      placement.sessionType === 'group_therapy' ? 'licensed_clinician' : 'site_staff',
    );
  } else if (placement.sessionType === 'group_therapy') {
    throw AppError.validation([
      { path: 'facilitatorId', message: 'Group therapy needs a licensed facilitator.' },
    ]);
  }
  const clash = await findBookingConflict(
    tx,
    program.organizationId,
    { facilitatorId: placement.facilitatorId, room: placement.room, siteId: program.siteId },
    occurrences.map((o) => ({
      start: new Date(o.start.epochMilliseconds),
      end: new Date(o.end.epochMilliseconds),
    })),
  );
  if (clash) {
    const who =
      clash.facilitatorId && clash.facilitatorId === placement.facilitatorId ? 'facilitator' : 'room';
    throw AppError.conflict(
      `The ${who} is already booked for session ${clash.id} at an overlapping time.`,
      'double_booked',
      { conflictingSessionId: clash.id, resource: who },
    );
  }
}

function sessionValues(
  program: ProgramConfig,
  trackId: string | null,
  scheduleId: string | null,
  p: Placement,
) {
  return (o: Occurrence) => ({
    organizationId: program.organizationId,
    siteId: program.siteId,
    programId: program.programId,
    trackId,
    scheduleId,
    sessionType: p.sessionType,
    topic: p.topic ?? null,
    localDate: o.date.toString(),
    startsAt: new Date(o.start.epochMilliseconds),
    endsAt: new Date(o.end.epochMilliseconds),
    minutes: o.minutes,
    facilitatorId: p.facilitatorId ?? null,
    room: p.room ?? null,
    telehealthUrl: p.telehealthUrl ?? null,
  });
}

async function auditSite(
  c: Context<AppEnv>,
  tx: Tx,
  siteId: string,
  action: string,
  entity: string,
  entityId: string | null,
  detail?: Record<string, unknown>,
) {
  await appendAudit(tx, auditActor(c), [{ action, entity, entityId, siteId, detail }], c.var.deps.now());
}

export function registerProgramOperationRoutes(app: App) {
  // ---- Schedules and sessions
  defineRoute(
    app,
    {
      permission: 'schedule.write',
      route: createRoute({
        method: 'post',
        path: '/api/sites/{siteId}/tracks/{trackId}/schedules',
        tags,
        summary: "A track's recurring week, expanded in the program's zone into stored sessions",
        request: { params: SiteTrack, body: jsonBody(CreateSchedule) },
        responses: {
          201: jsonResponse(z.object({ scheduleId: z.string(), sessions: z.array(Session) }), 'Created'),
          ...conflict,
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const { siteId, trackId } = c.req.valid('param');
      const body = c.req.valid('json');
      if (body.endTime <= body.startTime) {
        throw AppError.validation([{ path: 'endTime', message: 'Must be after startTime.' }]);
      }
      if (body.endsOn < body.startsOn) {
        throw AppError.validation([{ path: 'endsOn', message: 'Must be on or after startsOn.' }]);
      }
      const answer = await c.var.deps.db.tx((tx) =>
        idempotent(c, tx, body, async () => {
          const track = await findTrack(tx, siteId, trackId);
          if (!track) throw AppError.notFound('The track');
          const program = await loadProgram(tx, siteId, track.programId);
          const startsOn = Temporal.PlainDate.from(body.startsOn);
          const endsOn = Temporal.PlainDate.from(body.endsOn);
          const occurrences = asValidation(() =>
            expandSchedule(
              {
                timeZone: program.timeZone,
                weekdays: body.weekdays,
                startTime: body.startTime,
                endTime: body.endTime,
                startsOn,
                endsOn,
              },
              { from: startsOn, to: endsOn },
            ),
          );
          if (occurrences.length === 0) {
            throw AppError.validation([
              { path: 'weekdays', message: 'The schedule yields no sessions between startsOn and endsOn.' },
            ]);
          }
          if (occurrences.length > MAX_SESSIONS_PER_SCHEDULE) {
            throw AppError.validation([
              { path: 'endsOn', message: `At most ${MAX_SESSIONS_PER_SCHEDULE} sessions per schedule.` },
            ]);
          }
          await checkPlacement(tx, program, body, occurrences);
          const topics = await topicsForSchedule(tx, trackId, body, occurrences.length);
          const schedule = await insertSchedule(tx, {
            organizationId: program.organizationId,
            siteId,
            trackId,
            weekdays: body.weekdays,
            startTime: body.startTime,
            endTime: body.endTime,
            startsOn: body.startsOn,
            endsOn: body.endsOn,
            timeZone: program.timeZone,
            sessionType: body.sessionType,
            topic: body.topic ?? null,
            curriculumTopicId: body.curriculumTopicId ?? null,
            rotatesCurriculum: body.rotateCurriculum ?? false,
            facilitatorId: body.facilitatorId ?? null,
            room: body.room ?? null,
            telehealthUrl: body.telehealthUrl ?? null,
            createdBy: c.var.principal!.userId,
          });
          const sessions = await insertSessions(
            tx,
            occurrences.map((o, i) => ({
              ...sessionValues(program, trackId, schedule.id, body)(o),
              ...(topics ? { topic: topics[i]!.title, curriculumTopicId: topics[i]!.id } : {}),
            })),
          );
          await auditSite(c, tx, siteId, 'create', 'track_schedule', schedule.id, {
            sessions: sessions.length,
          });
          return {
            status: 201,
            body: { scheduleId: schedule.id, sessions: sessions.map((s) => sessionJson(s)) },
          };
        }),
      );
      return c.json(answer.body as { scheduleId: string; sessions: z.infer<typeof Session>[] }, 201);
    },
  );

  defineRoute(
    app,
    {
      permission: 'schedule.write',
      route: createRoute({
        method: 'post',
        path: '/api/sites/{siteId}/programs/{programId}/sessions',
        tags,
        summary: 'A one-off session (individual, family, medical visit, a make-up group …)',
        request: { params: SiteProgram, body: jsonBody(CreateSession) },
        responses: { 201: jsonResponse(Session, 'Created'), ...conflict, ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, programId } = c.req.valid('param');
      const body = c.req.valid('json');
      if (body.endTime <= body.startTime) {
        throw AppError.validation([{ path: 'endTime', message: 'Must be after startTime.' }]);
      }
      const answer = await c.var.deps.db.tx((tx) =>
        idempotent(c, tx, body, async () => {
          const program = await loadProgram(tx, siteId, programId);
          if (body.curriculumTopicId && !body.trackId) {
            throw AppError.validation([
              {
                path: 'curriculumTopicId',
                message: "Needs trackId: the topic comes from the track's curriculum.",
              },
            ]);
          }
          if (body.trackId) {
            const track = await findTrack(tx, siteId, body.trackId);
            if (!track || track.programId !== programId) {
              throw AppError.validation([{ path: 'trackId', message: 'Must be a track of this program.' }]);
            }
          }
          const day = Temporal.PlainDate.from(body.date);
          const occurrences = asValidation(() =>
            expandSchedule(
              {
                timeZone: program.timeZone,
                weekdays: [day.dayOfWeek],
                startTime: body.startTime,
                endTime: body.endTime,
                startsOn: day,
                endsOn: day,
              },
              { from: day, to: day },
            ),
          );
          if (occurrences.length === 0) {
            throw AppError.validation([
              { path: 'startTime', message: 'This time does not exist on that day.' },
            ]);
          }
          await checkPlacement(tx, program, body, occurrences);
          const topics =
            body.trackId && body.curriculumTopicId
              ? await topicsForSchedule(tx, body.trackId, body, occurrences.length)
              : null;
          const [row] = await insertSessions(
            tx,
            occurrences.map((o) => ({
              ...sessionValues(program, body.trackId ?? null, null, body)(o),
              ...(topics ? { topic: topics[0]!.title, curriculumTopicId: topics[0]!.id } : {}),
            })),
          );
          await auditSite(c, tx, siteId, 'create', 'session', row!.id);
          return { status: 201, body: sessionJson(row!) };
        }),
      );
      return c.json(answer.body as z.infer<typeof Session>, 201);
    },
  );

  defineRoute(
    app,
    {
      permission: 'operations.read',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/programs/{programId}/sessions',
        tags,
        summary: "A program's sessions between two local days (the week calendar), optionally one track's",
        request: { params: SiteProgram, query: SessionsQuery },
        responses: { 200: jsonResponse(SessionList, 'Sessions'), ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, programId } = c.req.valid('param');
      const q = c.req.valid('query');
      if (q.to < q.from) throw AppError.validation([{ path: 'to', message: 'Must be on or after from.' }]);
      const rows = await c.var.deps.db.tx(async (tx) => {
        const program = await loadProgram(tx, siteId, programId);
        const from = Temporal.PlainDate.from(q.from).toZonedDateTime({ timeZone: program.timeZone });
        const to = Temporal.PlainDate.from(q.to)
          .add({ days: 1 })
          .toZonedDateTime({ timeZone: program.timeZone });
        return listSessions(
          tx,
          programId,
          new Date(from.epochMilliseconds),
          new Date(to.epochMilliseconds),
          q.trackId,
        );
      });
      return c.json({ items: rows.map((r) => sessionJson(r.session, r.facilitatorName)) }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'schedule.write',
      route: createRoute({
        method: 'post',
        path: '/api/sites/{siteId}/sessions/{sessionId}/cancel',
        tags,
        summary: 'Cancels a session (holiday, weather, other); enrolled patients see it in the portal',
        request: { params: SiteSession, body: jsonBody(CancelSession) },
        responses: { 200: jsonResponse(Session, 'Cancelled'), ...conflict, ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, sessionId } = c.req.valid('param');
      const body = c.req.valid('json');
      const row = await c.var.deps.db.tx(async (tx) => {
        const session = await findSession(tx, siteId, sessionId);
        if (!session) throw AppError.notFound('The session');
        const cancelled = await cancelSession(tx, sessionId, {
          cancelledAt: c.var.deps.now(),
          cancelReason: body.reason,
          cancelNote: body.note ?? null,
        });
        if (!cancelled) throw AppError.conflict('The session is already cancelled.', 'already_cancelled');
        await auditSite(c, tx, siteId, 'cancel', 'session', sessionId, { reason: body.reason });
        return cancelled;
      });
      return c.json(sessionJson(row), 200);
    },
  );

  // ---- Enrolment
  defineRoute(
    app,
    {
      permission: 'enrolment.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/enrolments',
        tags,
        summary: "The patient's track enrolments, newest first (transfers keep the earlier rows)",
        request: { params: PatientParams },
        responses: {
          200: jsonResponse(z.object({ items: z.array(Enrolment) }), 'Enrolments'),
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const { patientId } = c.req.valid('param');
      const rows = await c.var.deps.db.tx(async (tx) => {
        const list = await listEnrolmentsOfPatient(tx, patientId);
        await auditPatient(c, tx, { action: 'read', entity: 'enrolment', entityId: null });
        return list;
      });
      return c.json({ items: rows.map((r) => enrolmentJson(r.enrolment, r.trackName)) }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'enrolment.write',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/enrolments',
        tags,
        summary:
          'Enrols an open episode into a track from a day (a transfer when it is already in one); 409 when the track is full',
        request: { params: PatientParams, body: jsonBody(CreateEnrolment) },
        responses: { 201: jsonResponse(Enrolment, 'Enrolled'), ...conflict, ...errorResponses },
      }),
    },
    async (c) => {
      const { patientId } = c.req.valid('param');
      const body = c.req.valid('json');
      const answer = await c.var.deps.db.tx((tx) =>
        idempotent(c, tx, body, async () => {
          const episode = await findEpisode(tx, patientId, body.episodeId);
          if (!episode) throw AppError.notFound('The episode');
          if (!ENROLLABLE.has(episode.status)) {
            throw AppError.validation([
              { path: 'episodeId', message: 'The episode must be open (admitted).' },
            ]);
          }
          const track = await findTrack(tx, episode.siteId, body.trackId);
          if (!track || track.programId !== episode.programId) {
            throw AppError.validation([
              { path: 'trackId', message: "Must be a track of the episode's program." },
            ]);
          }
          const program = await loadProgram(tx, episode.siteId, episode.programId);
          const steps = body.targetSteps ?? [{ fromWeek: 1, toWeek: 1, hours: program.band.atLeastHours }];
          asValidation(() => stepsCheck(steps), 'targetSteps.');
          // The track row lock serializes seat counting: 13 concurrent enrolments into 12 seats give 12.
          await lockTrack(tx, track.id);
          const current = await currentEnrolmentOfEpisode(tx, episode.id, body.startsOn);
          if (current?.trackId === track.id) {
            throw AppError.conflict('The episode is already enrolled in this track.', 'already_enrolled');
          }
          // Every day of the new enrolment needs a seat, not only the first (members enrolled from later days).
          const taken = await peakMembersFrom(tx, track.id, body.startsOn);
          if (taken >= track.capacity) {
            throw AppError.conflict(`The track is full (${track.capacity} seats).`, 'track_full', {
              capacity: track.capacity,
            });
          }
          if (current) {
            if (current.startsOn >= body.startsOn) {
              throw AppError.validation([
                { path: 'startsOn', message: 'A transfer must start after the current enrolment started.' },
              ]);
            }
            const dayBefore = Temporal.PlainDate.from(body.startsOn).subtract({ days: 1 }).toString();
            await endEnrolment(tx, current.id, dayBefore);
          }
          const row = await insertEnrolment(tx, {
            organizationId: episode.organizationId,
            siteId: episode.siteId,
            patientId,
            episodeId: episode.id,
            programId: episode.programId,
            trackId: track.id,
            startsOn: body.startsOn,
            targetSteps: steps,
            medicareCoverage: body.medicareCoverage ?? current?.medicareCoverage ?? false,
            createdBy: c.var.principal!.userId,
          });
          await auditPatient(c, tx, {
            action: current ? 'transfer' : 'create',
            entity: 'enrolment',
            entityId: row.id,
            detail: current ? { fromTrackId: current.trackId } : undefined,
          });
          if (body.targetSteps) await recordPlannedLevels(c, tx, episode, program, steps);
          return { status: 201, body: enrolmentJson(row, track.name) };
        }),
      );
      return c.json(answer.body as z.infer<typeof Enrolment>, 201);
    },
  );

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

function enrolmentJson(
  e: Awaited<ReturnType<typeof insertEnrolment>>,
  trackName: string,
): z.infer<typeof Enrolment> {
  return {
    id: e.id,
    episodeId: e.episodeId,
    programId: e.programId,
    trackId: e.trackId,
    trackName,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    targetSteps: e.targetSteps,
    medicareCoverage: e.medicareCoverage,
    version: e.version,
  };
}

/** Steps must start at week 1 and follow each other (targetForWeek's own check). */
function stepsCheck(steps: { fromWeek: number; toWeek: number; hours: number }[]) {
  targetForWeek(steps, 1);
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
  const SiteTrackOnly = SiteTrack;
  defineRoute(
    app,
    {
      permission: 'operations.read',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/tracks/{trackId}/curriculum',
        tags,
        summary: "A track's curriculum: its topics in order (ETag for the next save)",
        request: { params: SiteTrackOnly },
        responses: { 200: jsonResponse(Curriculum, 'Curriculum'), ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, trackId } = c.req.valid('param');
      const result = await c.var.deps.db.tx(async (tx) => {
        const track = await findTrack(tx, siteId, trackId);
        if (!track) throw AppError.notFound('The track');
        return curriculumJson(track.id, track.curriculumVersion, await listCurriculum(tx, trackId));
      });
      c.header('ETag', etag(result.version));
      return c.json(result, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'program.setup',
      route: createRoute({
        method: 'put',
        path: '/api/sites/{siteId}/tracks/{trackId}/curriculum',
        tags,
        summary:
          "Saves a track's curriculum whole, in order (topics with an id are kept, new titles added, the rest archived); needs If-Match",
        request: { params: SiteTrackOnly, body: jsonBody(SaveCurriculum) },
        responses: { 200: jsonResponse(Curriculum, 'Saved'), ...versioned, ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, trackId } = c.req.valid('param');
      const { topics } = c.req.valid('json');
      const version = requiredVersion(c);
      const keys = topics.map((t) => topicKey(t.title));
      const fields = topics.flatMap((t, i) => [
        ...(keys[i] === '' ? [{ path: `topics.${i}.title`, message: 'Must have letters or digits.' }] : []),
        ...(keys[i] !== '' && keys.indexOf(keys[i]!) !== i
          ? [{ path: `topics.${i}.title`, message: 'Appears twice in the curriculum.' }]
          : []),
        ...(t.id && topics.findIndex((x) => x.id === t.id) !== i
          ? [{ path: `topics.${i}.id`, message: 'Appears twice.' }]
          : []),
      ]);
      if (fields.length > 0) throw AppError.validation(fields);
      const result = await c.var.deps.db.tx(async (tx) => {
        const track = await findTrack(tx, siteId, trackId);
        if (!track) throw AppError.notFound('The track');
        const current = await listCurriculum(tx, trackId);
        const known = new Set(current.map((t) => t.id));
        const stranger = topics.findIndex((t) => t.id && !known.has(t.id));
        if (stranger >= 0) {
          throw AppError.validation([
            { path: `topics.${stranger}.id`, message: "Not a topic of this track's curriculum." },
          ]);
        }
        if (!(await takeCurriculumVersion(tx, trackId, version))) throw staleVersion(track.curriculumVersion);
        await replaceCurriculum(tx, track, topics, c.var.deps.now());
        await auditSite(c, tx, siteId, 'update', 'curriculum', trackId, { topics: topics.length });
        return curriculumJson(trackId, version + 1, await listCurriculum(tx, trackId));
      });
      c.header('ETag', etag(result.version));
      return c.json(result, 200);
    },
  );

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
          const coverage = asValidation(() =>
            topicCoverage({
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
            }),
          );
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

  defineRoute(
    app,
    {
      permission: 'enrolment.write',
      route: createRoute({
        method: 'put',
        path: '/api/patients/{patientId}/enrolments/{enrolmentId}/target-steps',
        tags,
        summary:
          "Changes the member's weekly hour targets by week (step-down); a move to another level of care is written to the episode's level history; needs If-Match",
        request: {
          params: PatientParams.extend({ enrolmentId: UuidParam('enrolmentId') }),
          body: jsonBody(SaveTargetSteps),
        },
        responses: { 200: jsonResponse(TargetStepsSaved, 'Saved'), ...versioned, ...errorResponses },
      }),
    },
    async (c) => {
      const { patientId, enrolmentId } = c.req.valid('param');
      const { targetSteps } = c.req.valid('json');
      const version = requiredVersion(c);
      const result = await c.var.deps.db.tx(async (tx) => {
        const found = await findEnrolment(tx, patientId, enrolmentId);
        if (!found) throw AppError.notFound('The enrolment');
        const episode = await findEpisode(tx, patientId, found.enrolment.episodeId);
        if (!episode || episode.status === 'discharged') {
          throw AppError.conflict('The episode is discharged.', 'episode_discharged');
        }
        if (found.enrolment.endsOn !== null) {
          throw AppError.conflict('This enrolment has ended (a transfer or discharge).', 'enrolment_ended');
        }
        const program = await loadProgram(tx, episode.siteId, episode.programId);
        asValidation(() => stepsCheck(targetSteps), 'targetSteps.');
        const saved = await updateEnrolmentSteps(tx, enrolmentId, version, targetSteps);
        if (!saved) throw staleVersion(found.enrolment.version);
        await auditPatient(c, tx, {
          action: 'update',
          entity: 'enrolment',
          entityId: enrolmentId,
          detail: { targetSteps },
        });
        const levels = await recordPlannedLevels(c, tx, episode, program, targetSteps);
        return { enrolment: enrolmentJson(saved, found.trackName), ...levels };
      });
      c.header('ETag', etag(result.enrolment.version));
      return c.json(result, 200);
    },
  );
}

/** How far ahead the next session covering a topic is looked for. */
const TOPIC_LOOKAHEAD_DAYS = 56;
/** The reason written on level changes that come from a weekly-target plan (a new plan replaces planned ones). */
const STEP_PLAN_REASON = 'Weekly hour target step';

const toInstant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());

function curriculumJson(
  trackId: string,
  version: number,
  topics: { id: string; position: number; title: string }[],
): z.infer<typeof Curriculum> {
  return {
    trackId,
    version,
    topics: topics.map((t, i) => ({ id: t.id, position: i + 1, title: t.title })),
  };
}

/**
 * The topic of each new session: one chosen topic for all, or the track's curriculum in rotation (from the
 * chosen topic, else the first). Null when the request names no curriculum topic.
 */
async function topicsForSchedule(
  tx: Tx,
  trackId: string,
  body: { curriculumTopicId?: string | null; rotateCurriculum?: boolean },
  count: number,
) {
  if (!body.curriculumTopicId && !body.rotateCurriculum) return null;
  const curriculum = await listCurriculum(tx, trackId);
  if (body.rotateCurriculum && curriculum.length === 0) {
    throw AppError.validation([
      { path: 'rotateCurriculum', message: 'The track has no curriculum yet: add its topics first.' },
    ]);
  }
  let startAt = 0;
  if (body.curriculumTopicId) {
    startAt = curriculum.findIndex((t) => t.id === body.curriculumTopicId);
    if (startAt < 0) {
      throw AppError.validation([
        { path: 'curriculumTopicId', message: "Must be a topic of the track's curriculum." },
      ]);
    }
    if (!body.rotateCurriculum) return Array.from({ length: count }, () => curriculum[startAt]!);
  }
  return rotateCurriculum(curriculum, count, startAt);
}

/** ASAM 4th edition calls outpatient 1.0; the dose rule speaks 3rd-edition codes. */
function levelCode(level: DoseLevel, edition: number): string {
  return edition === 4 && level === '1' ? '1.0' : level;
}

/**
 * A weekly-target plan moves the episode between levels of care (below the IOP floor is outpatient, 1; from
 * the PHP floor up, 2.5). In the same transaction: the level in effect this week becomes the episode's level
 * (a history row effective from that step's first week), and the plan's later moves are written to the
 * history as planned rows with their own dates; a new plan replaces the planned rows of the old one.
 */
async function recordPlannedLevels(
  c: Context<AppEnv>,
  tx: Tx,
  episode: typeof episodes.$inferSelect,
  program: ProgramConfig,
  steps: { fromWeek: number; toWeek: number; hours: number }[],
) {
  const today = programToday(program, c.var.deps.now());
  const admitted = episode.admittedOn ?? today;
  const plan = asValidation(() => plannedLevels(steps, program.population), 'targetSteps.');
  const firstWeek = programWeekOf(Temporal.PlainDate.from(admitted), program.weekStartsOn, program.timeZone);
  const dated = plan.map((p) => {
    const start = firstWeek.start.add({ weeks: p.fromWeek - 1 }).toString();
    // Never before the admission (ISO dates compare as strings).
    return { level: levelCode(p.level, episode.edition), effectiveOn: [start, admitted].sort()[1]! };
  });
  await deletePlannedLevelChanges(tx, episode.id, today, STEP_PLAN_REASON);
  const inEffect = dated.filter((d) => d.effectiveOn <= today).at(-1) ?? dated[0]!;
  const planned = dated.filter((d) => d.effectiveOn > today && d !== inEffect);
  const written: { fromLevel: string | null; toLevel: string; effectiveOn: string }[] = [];
  let level = episode.level;
  const userId = c.var.principal!.userId;
  const now = c.var.deps.now();
  const write = async (toLevel: string, effectiveOn: string) => {
    await insertLevelChange(tx, {
      organizationId: episode.organizationId,
      siteId: episode.siteId,
      episodeId: episode.id,
      fromLevel: level,
      toLevel,
      direction: stepDirection(level as LevelCode, toLevel as LevelCode),
      effectiveOn,
      reason: STEP_PLAN_REASON,
      changedBy: userId,
      createdAt: now,
    });
    written.push({ fromLevel: level, toLevel, effectiveOn });
    level = toLevel;
  };
  if (inEffect.level !== episode.level) {
    if (!(await updateEpisode(tx, episode.id, episode.version, { level: inEffect.level }, now))) {
      throw staleVersion(episode.version);
    }
    await write(inEffect.level, inEffect.effectiveOn);
    await auditPatient(c, tx, {
      action: 'episode.level_change',
      entity: 'episode',
      entityId: episode.id,
      detail: { from: episode.level, to: inEffect.level, reason: STEP_PLAN_REASON },
    });
  }
  const episodeLevel = level;
  for (const p of planned) if (p.level !== level) await write(p.level, p.effectiveOn);
  return { episodeLevel, levelChanges: written };
}
