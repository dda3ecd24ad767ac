import type { z } from '@hono/zod-openapi';
import { isIanaTimeZone } from '../../domain/schedule/calendar-checks';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { versionedUpdate } from '../platform/http/route-wrappers';
import { loadProgram, type ProgramConfig } from './program-config';
import type { SaveProgramSettings } from './program-settings.schema';
import { saveSettings } from './programs.store';

/**
 * Saves a program's week start, zone and (optionally) hour band at the version the client read; the band
 * stays as it was (saved or the default) when the request leaves it out.
 */
export async function saveProgramSettings(
  tx: Tx,
  at: { siteId: string; programId: string; version: number; now: Date },
  body: z.infer<typeof SaveProgramSettings>,
): Promise<ProgramConfig> {
  if (!isIanaTimeZone(body.timeZone)) {
    throw AppError.validation([
      { path: 'timeZone', message: 'Must be an IANA time zone such as America/Chicago.' },
    ]);
  }
  if (body.band?.lessThanHours != null && body.band.lessThanHours <= body.band.atLeastHours) {
    throw AppError.validation([{ path: 'band.lessThanHours', message: 'Must be above atLeastHours.' }]);
  }
  const program = await loadProgram(tx, at.siteId, at.programId);
  const band = body.band ?? program.band;
  await versionedUpdate(
    saveSettings(
      tx,
      {
        programId: at.programId,
        organizationId: program.organizationId,
        siteId: at.siteId,
        weekStartsOn: body.weekStartsOn,
        timeZone: body.timeZone,
        bandAtLeastHours: band.atLeastHours,
        bandLessThanHours: band.lessThanHours,
        updatedAt: at.now,
      },
      at.version,
    ),
    program,
  );
  return loadProgram(tx, at.siteId, at.programId);
}
