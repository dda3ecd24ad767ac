import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineSiteRoute } from '../platform/http/route-wrappers';
import { loadProgram, type ProgramConfig } from './program-config';
import { ProgramSettings, SaveProgramSettings } from './program-settings.schema';
import { saveProgramSettings } from './save-program-settings';

const tags = ['Program operations'];
const versioned = { 409: errorResponses[422], 428: errorResponses[422] };
const SiteProgram = z.object({ siteId: UuidParam('siteId'), programId: UuidParam('programId') });

const settingsJson = (p: ProgramConfig): z.infer<typeof ProgramSettings> => ({
  programId: p.programId,
  name: p.name,
  kind: p.kind,
  population: p.population,
  weekStartsOn: p.weekStartsOn,
  timeZone: p.timeZone,
  band: p.band,
  configured: p.configured,
  version: p.version,
});

export function registerProgramSettingsRoutes(app: App) {
  defineSiteRoute(
    app,
    {
      permission: 'operations.read',
      etag: true,
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/programs/{programId}/settings',
        tags,
        summary: "A program's week start, time zone and weekly hour band (defaults until saved)",
        request: { params: SiteProgram },
        responses: { 200: jsonResponse(ProgramSettings, 'Settings'), ...errorResponses },
      }),
    },
    async ({ tx }, { param }) => settingsJson(await loadProgram(tx, param.siteId, param.programId)),
  );

  defineSiteRoute(
    app,
    {
      permission: 'program.setup',
      versioned: true,
      route: createRoute({
        method: 'put',
        path: '/api/sites/{siteId}/programs/{programId}/settings',
        tags,
        summary:
          'Sets a program\'s week start day, IANA time zone and (optionally) its weekly hour band; needs If-Match ("0" before the first save)',
        request: { params: SiteProgram, body: jsonBody(SaveProgramSettings) },
        responses: { 200: jsonResponse(ProgramSettings, 'Settings'), ...versioned, ...errorResponses },
      }),
    },
    async ({ tx, version, now, audit }, { param, json }) => {
      const { siteId, programId } = param;
      const saved = await saveProgramSettings(tx, { siteId, programId, version, now }, json);
      await audit('update', 'program_settings', programId);
      return settingsJson(saved);
    },
  );
}
