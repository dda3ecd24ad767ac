import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineSiteRoute, readPatientRecord, type SiteContext } from '../platform/http/route-wrappers';
import { findSession } from '../sessions';
import { CsvImport, CsvImportResult, Roster, SaveAttendance } from './attendance.schema';
import { matchParticipants } from './match-participants';
import { readRoster } from './read-roster';
import { saveRoster } from './save-roster';

const tags = ['Program operations'];
const SiteSession = z.object({ siteId: UuidParam('siteId'), sessionId: UuidParam('sessionId') });

/** One audit row per member shown or changed: each is a disclosure of that patient's attendance. */
async function auditRoster<T>(
  ctx: SiteContext<boolean>,
  action: string,
  sessionId: string,
  answer: T,
  patientIds: (answer: T) => string[],
): Promise<T> {
  await ctx.auditEach(
    patientIds(answer).map((patientId) => ({
      action,
      entity: 'attendance',
      entityId: sessionId,
      patientId,
      siteId: ctx.site.id,
    })),
  );
  return answer;
}

const sessionAt = (ctx: SiteContext<boolean>, param: { siteId: string; sessionId: string }) =>
  readPatientRecord(findSession(ctx.tx, param.siteId, param.sessionId), 'The session');

export function registerAttendanceRoutes(app: App) {
  defineSiteRoute(
    app,
    {
      permission: 'operations.read',
      etag: true,
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/sessions/{sessionId}/attendance',
        tags,
        summary: "A session's roster: the track's members that day and any attendance recorded",
        request: { params: SiteSession },
        responses: { 200: jsonResponse(Roster, 'Roster'), ...errorResponses },
      }),
    },
    async (ctx, { param }) => {
      const roster = await readRoster(ctx.tx, await sessionAt(ctx, param));
      return auditRoster(ctx, 'read', param.sessionId, roster, (r) => r.members.map((m) => m.patientId));
    },
  );

  defineSiteRoute(
    app,
    {
      permission: 'attendance.write',
      versioned: true,
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
    async (ctx, { param, json }) => {
      const at = { ...param, version: ctx.version, userId: ctx.actor.userId };
      return auditRoster(ctx, 'update', param.sessionId, await saveRoster(ctx.tx, at, json.rows), () =>
        json.rows.map((r) => r.patientId),
      );
    },
  );

  defineSiteRoute(
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
    async (ctx, { param, json }) => {
      const result = await matchParticipants(ctx.tx, await sessionAt(ctx, param), json.csv);
      return auditRoster(ctx, 'read', param.sessionId, result, (r) => r.matched.map((m) => m.patientId));
    },
  );
}
