import type { z } from '@hono/zod-openapi';
import { listInstruments } from '../../domain/instruments';
import { AppError } from '../platform/errors';
import type { SiteContext } from '../platform/http/route-wrappers';
import { listSitePrograms } from '../programs';
import { findSiteProgram } from '../referrals';
import type { InstrumentSchedules, ReplaceScheduleRequest } from './measurement.schema';
import { listSiteSchedules, replaceProgramSchedule } from './measurement.store';

type Item = z.infer<typeof ReplaceScheduleRequest>['items'][number];
const itemJson = (s: Item) => ({
  instrumentId: s.instrumentId,
  atIntake: s.atIntake,
  everyDays: s.everyDays,
});

/** The instruments OpenIOP knows, and which each of the site's programs gives at intake and how often after. */
export async function siteSchedules(ctx: SiteContext): Promise<z.infer<typeof InstrumentSchedules>> {
  const programRows = await listSitePrograms(ctx.tx, ctx.site.id);
  const schedules = await listSiteSchedules(ctx.tx, ctx.site.id);
  const programs = programRows.map((p) => ({
    programId: p.id,
    programName: p.name,
    items: schedules.filter((s) => s.programId === p.id).map(itemJson),
  }));
  const instruments = listInstruments().map((i) => ({
    id: i.id,
    shortName: i.shortName,
    name: i.name,
    administeredBy: i.administeredBy,
  }));
  return { instruments, programs };
}

/** Each instrument once, given at intake, every so many days, or both. */
function checkItems(items: Item[]) {
  const fields = items.flatMap((item, i) => {
    const errors = [];
    if (items.findIndex((other) => other.instrumentId === item.instrumentId) !== i) {
      errors.push({
        path: `items.${i}.instrumentId`,
        message: 'This instrument is already in the schedule.',
      });
    }
    if (!item.atIntake && item.everyDays === null) {
      errors.push({
        path: `items.${i}.everyDays`,
        message: 'Give it at intake, every so many days, or both.',
      });
    }
    return errors;
  });
  if (fields.length > 0) throw AppError.validation(fields);
}

/** Replaces a program's measurement schedule: what it gives at intake and how often after. */
export async function scheduleInstruments(ctx: SiteContext, programId: string, items: Item[]) {
  checkItems(items);
  const { tx, site } = ctx;
  const program = await findSiteProgram(tx, site.id, programId);
  if (!program) throw AppError.notFound('The program');
  const rows = await replaceProgramSchedule(
    tx,
    { organizationId: program.organizationId, siteId: site.id, programId },
    items,
    ctx.actor.userId,
    ctx.now,
  );
  await ctx.audit('instrument_schedule.replace', 'program', programId, { items });
  return { programId, programName: program.name, items: rows.map(itemJson) };
}
