import { z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { siteParams, undescribedConflict } from '../platform/http/common.schema';
import { siteRoutes } from '../platform/http/route-builder';
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

const SiteProgram = siteParams('programId');
const SiteTrack = siteParams('trackId');
const SiteSession = siteParams('sessionId');

export function registerSessionRoutes(app: App) {
  const sites = siteRoutes(app, { tags: ['Program operations'] });

  sites.post(
    '/api/sites/{siteId}/tracks/{trackId}/schedules',
    {
      permission: 'schedule.write',
      status: 201,
      idempotent: true,
      summary: "A track's recurring week, expanded in the program's zone into stored sessions",
      params: SiteTrack,
      body: CreateSchedule,
      ok: [z.object({ scheduleId: z.string(), sessions: z.array(Session) }), 'Created'],
      responses: undescribedConflict,
    },
    async ({ tx, actor, audit }, { param, json }) => {
      const { schedule, sessions } = await scheduleTrack(tx, { ...param, userId: actor.userId }, json);
      await audit('create', 'track_schedule', schedule.id, { sessions: sessions.length });
      return { scheduleId: schedule.id, sessions: sessions.map((s) => sessionJson(s)) };
    },
  );

  sites.post(
    '/api/sites/{siteId}/programs/{programId}/sessions',
    {
      permission: 'schedule.write',
      status: 201,
      idempotent: true,
      summary: 'A one-off session (individual, family, medical visit, a make-up group …)',
      params: SiteProgram,
      body: CreateSession,
      ok: [Session, 'Created'],
      responses: undescribedConflict,
    },
    async ({ tx, audit }, { param, json }) => {
      const row = await addOneOffSession(tx, param, json);
      await audit('create', 'session', row.id);
      return sessionJson(row);
    },
  );

  sites.get(
    '/api/sites/{siteId}/programs/{programId}/sessions',
    {
      permission: 'operations.read',
      summary: "A program's sessions between two local days (the week calendar), optionally one track's",
      params: SiteProgram,
      query: SessionsQuery,
      ok: [SessionList, 'Sessions'],
    },
    async ({ tx }, { param, query }) => {
      const rows = await sessionsBetween(tx, param, query);
      return { items: rows.map((r) => sessionJson(r.session, r.facilitatorName)) };
    },
  );

  sites.post(
    '/api/sites/{siteId}/sessions/{sessionId}/cancel',
    {
      permission: 'schedule.write',
      summary: 'Cancels a session (holiday, weather, other); enrolled patients see it in the portal',
      params: SiteSession,
      body: CancelSession,
      ok: [Session, 'Cancelled'],
      responses: undescribedConflict,
    },
    async ({ tx, now, audit }, { param, json }) => {
      const row = await cancelSession(tx, { ...param, now }, json);
      await audit('cancel', 'session', param.sessionId, { reason: json.reason });
      return sessionJson(row);
    },
  );
}
