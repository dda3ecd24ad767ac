import type { App } from '../platform/http/app-env';
import { siteParams, undescribedConflicts } from '../platform/http/common.schema';
import { siteRoutes } from '../platform/http/route-builder';
import { readPatientRecord, type SiteContext } from '../platform/http/route-wrappers';
import { findSession } from '../sessions';
import { CsvImport, CsvImportResult, Roster, SaveAttendance } from './attendance.schema';
import { matchParticipants } from './match-participants';
import { readRoster } from './read-roster';
import { saveRoster } from './save-roster';

const SiteSession = siteParams('sessionId');

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
  const sites = siteRoutes(app, { tags: ['Program operations'] });

  sites.get(
    '/api/sites/{siteId}/sessions/{sessionId}/attendance',
    {
      permission: 'operations.read',
      etag: true,
      summary: "A session's roster: the track's members that day and any attendance recorded",
      params: SiteSession,
      ok: [Roster, 'Roster'],
    },
    async (ctx, { param }) => {
      const roster = await readRoster(ctx.tx, await sessionAt(ctx, param));
      return auditRoster(ctx, 'read', param.sessionId, roster, (r) => r.members.map((m) => m.patientId));
    },
  );

  sites.put(
    '/api/sites/{siteId}/sessions/{sessionId}/attendance',
    {
      permission: 'attendance.write',
      versioned: true,
      summary:
        "Saves a session's whole roster in one transaction (replaces what was recorded); needs If-Match with the roster's version (428 without, 409 version_conflict when someone saved since)",
      params: SiteSession,
      body: SaveAttendance,
      ok: [Roster, 'Saved'],
      responses: undescribedConflicts,
    },
    async (ctx, { param, json }) => {
      const at = { ...param, version: ctx.version, userId: ctx.actor.userId };
      return auditRoster(ctx, 'update', param.sessionId, await saveRoster(ctx.tx, at, json.rows), () =>
        json.rows.map((r) => r.patientId),
      );
    },
  );

  sites.post(
    '/api/sites/{siteId}/sessions/{sessionId}/attendance/import',
    {
      permission: 'attendance.write',
      summary:
        "Matches a virtual session's participant CSV (name/email, join, leave) to the roster; saves nothing",
      params: SiteSession,
      body: CsvImport,
      ok: [CsvImportResult, 'Matched'],
    },
    async (ctx, { param, json }) => {
      const result = await matchParticipants(ctx.tx, await sessionAt(ctx, param), json.csv);
      return auditRoster(ctx, 'read', param.sessionId, result, (r) => r.matched.map((m) => m.patientId));
    },
  );
}
