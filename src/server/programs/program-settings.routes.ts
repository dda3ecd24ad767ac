import type { z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { siteParams, undescribedConflicts } from '../platform/http/common.schema';
import { siteRoutes } from '../platform/http/route-builder';
import { loadProgram, type ProgramConfig } from './program-config';
import { ProgramSettings, SaveProgramSettings } from './program-settings.schema';
import { saveProgramSettings } from './save-program-settings';

const SiteProgram = siteParams('programId');

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
  const sites = siteRoutes(app, { tags: ['Program operations'] });

  sites.get(
    '/api/sites/{siteId}/programs/{programId}/settings',
    {
      permission: 'operations.read',
      etag: true,
      summary: "A program's week start, time zone and weekly hour band (defaults until saved)",
      params: SiteProgram,
      ok: [ProgramSettings, 'Settings'],
    },
    async ({ tx }, { param }) => settingsJson(await loadProgram(tx, param.siteId, param.programId)),
  );

  sites.put(
    '/api/sites/{siteId}/programs/{programId}/settings',
    {
      permission: 'program.setup',
      versioned: true,
      summary:
        'Sets a program\'s week start day, IANA time zone and (optionally) its weekly hour band; needs If-Match ("0" before the first save)',
      params: SiteProgram,
      body: SaveProgramSettings,
      ok: [ProgramSettings, 'Settings'],
      responses: undescribedConflicts,
    },
    async ({ tx, version, now, audit }, { param, json }) => {
      const { siteId, programId } = param;
      const saved = await saveProgramSettings(tx, { siteId, programId, version, now }, json);
      await audit('update', 'program_settings', programId);
      return settingsJson(saved);
    },
  );
}
