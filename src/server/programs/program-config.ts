import { Temporal } from 'temporal-polyfill';
import { bandFor, type HourBand, type Population, type ProgramKind } from '../../domain/dose/hour-bands';
import type { IsoWeekday } from '../../domain/schedule/calendar-checks';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { findProgram } from './programs.store';

export type ProgramConfig = {
  programId: string;
  organizationId: string;
  siteId: string;
  name: string;
  kind: ProgramKind;
  population: Population;
  weekStartsOn: IsoWeekday;
  timeZone: string;
  band: HourBand;
  /** False until someone saves the settings: the values shown are the defaults. */
  configured: boolean;
  /** The saved settings' version (If-Match), 0 while they are the defaults. */
  version: number;
};

/** The program's stored kind (`iop_adult`, `php_adolescent`, `aftercare` …) as the dose rules name it. */
export function kindAndPopulation(stored: string): { kind: ProgramKind; population: Population } {
  const population: Population = stored.includes('adolescent') ? 'adolescent' : 'adult';
  const kind: ProgramKind = stored.startsWith('php')
    ? 'php'
    : stored.startsWith('iop')
      ? 'iop'
      : 'outpatient';
  return { kind, population };
}

/** Settings as saved, else the defaults: Monday weeks, the site's zone, the band from `domain/dose`. */
export function programConfig(found: NonNullable<Awaited<ReturnType<typeof findProgram>>>): ProgramConfig {
  const { program, settings, siteTimeZone } = found;
  const { kind, population } = kindAndPopulation(program.kind);
  return {
    programId: program.id,
    organizationId: program.organizationId,
    siteId: program.siteId,
    name: program.name,
    kind,
    population,
    weekStartsOn: (settings?.weekStartsOn ?? 1) as IsoWeekday,
    timeZone: settings?.timeZone ?? siteTimeZone,
    band: settings
      ? { atLeastHours: settings.bandAtLeastHours, lessThanHours: settings.bandLessThanHours }
      : bandFor(kind, population),
    configured: settings !== null,
    version: settings?.version ?? 0,
  };
}

/** The program's configuration, or 404 when the site has no such program. */
export async function loadProgram(tx: Tx, siteId: string, programId: string): Promise<ProgramConfig> {
  const found = await findProgram(tx, siteId, programId);
  if (!found) throw AppError.notFound('The program');
  return programConfig(found);
}

/** The calendar day `now` falls on in the program's zone (ISO date). */
export function programToday(program: ProgramConfig, now: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(program.timeZone)
    .toPlainDate()
    .toString();
}
