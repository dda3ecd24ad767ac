import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineSiteRoute } from '../platform/http/route-wrappers';
import { addOneOffSession } from './add-one-off-session';
import { cancelSession } from './cancel-session';
import { sessionsBetween } from './list-sessions';
import { scheduleTrack } from './schedule-track';
import { sessionJson } from './session-json';
import {
  CancelSession,
  CreateSchedule,
  CreateSession,
  Session,
  SessionList,
  SessionsQuery,
} from './sessions.schema';

const tags = ['Program operations'];
const conflict = { 409: errorResponses[422] };
const SiteProgram = z.object({ siteId: UuidParam('siteId'), programId: UuidParam('programId') });
const SiteTrack = z.object({ siteId: UuidParam('siteId'), trackId: UuidParam('trackId') });
const SiteSession = z.object({ siteId: UuidParam('siteId'), sessionId: UuidParam('sessionId') });

export function registerSessionRoutes(app: App) {
  defineSiteRoute(
    app,
    {
      permission: 'schedule.write',
      status: 201,
      idempotent: true,
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
    async ({ tx, actor, audit }, { param, json }) => {
      const { schedule, sessions } = await scheduleTrack(tx, { ...param, userId: actor.userId }, json);
      await audit('create', 'track_schedule', schedule.id, { sessions: sessions.length });
      return { scheduleId: schedule.id, sessions: sessions.map((s) => sessionJson(s)) };
    },
  );

  defineSiteRoute(
    app,
    {
      permission: 'schedule.write',
      status: 201,
      idempotent: true,
      route: createRoute({
        method: 'post',
        path: '/api/sites/{siteId}/programs/{programId}/sessions',
        tags,
        summary: 'A one-off session (individual, family, medical visit, a make-up group …)',
        request: { params: SiteProgram, body: jsonBody(CreateSession) },
        responses: { 201: jsonResponse(Session, 'Created'), ...conflict, ...errorResponses },
      }),
    },
    async ({ tx, audit }, { param, json }) => {
      const row = await addOneOffSession(tx, param, json);
      await audit('create', 'session', row.id);
      return sessionJson(row);
    },
  );

  defineSiteRoute(
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
    async ({ tx }, { param, query }) => {
      const rows = await sessionsBetween(tx, param, query);
      return { items: rows.map((r) => sessionJson(r.session, r.facilitatorName)) };
    },
  );

  defineSiteRoute(
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
    async ({ tx, now, audit }, { param, json }) => {
      const row = await cancelSession(tx, { ...param, now }, json);
      await audit('cancel', 'session', param.sessionId, { reason: json.reason });
      return sessionJson(row);
    },
  );
}
