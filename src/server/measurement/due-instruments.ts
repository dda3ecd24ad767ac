import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { instrumentDue } from '../../domain/measurement';
import type { SiteContext } from '../platform/http/route-wrappers';
import { siteToday } from '../sites';
import type { DueList } from './measurement.schema';
import { listScheduledInstruments } from './measurement.store';
import { fullName, instrumentName } from './measurement-json';

/** Scheduled instruments that are due or overdue today (domain/measurement decides). */
export function dueOnly<
  R extends {
    admittedOn: string | null;
    lastGivenOn: string | null;
    atIntake: boolean;
    everyDays: number | null;
  },
>(rows: R[], today: Temporal.PlainDate) {
  return rows.flatMap((row) => {
    if (!row.admittedOn) return [];
    const due = instrumentDue(
      row,
      {
        admittedOn: Temporal.PlainDate.from(row.admittedOn),
        lastGivenOn: row.lastGivenOn ? Temporal.PlainDate.from(row.lastGivenOn) : null,
      },
      today,
    );
    if (due.state === 'not-due' || !due.dueOn) return [];
    return [{ row, state: due.state, dueOn: due.dueOn.toString() }];
  });
}

/** Patients in treatment at the site with an instrument due or overdue today, overdue first. */
export async function siteDueList(
  ctx: SiteContext,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<z.infer<typeof DueList>> {
  const { tx, site } = ctx;
  const today = await siteToday(tx, site.id, ctx.now);
  const due = dueOnly(await listScheduledInstruments(tx, { siteId: site.id }), today).sort(
    (a, b) => (a.state === b.state ? 0 : a.state === 'overdue' ? -1 : 1) || a.dueOn.localeCompare(b.dueOn),
  );
  const items = due.slice((page - 1) * pageSize, page * pageSize).map(({ row, state, dueOn }) => ({
    patientId: row.patientId,
    patientName: fullName(row),
    mrn: row.mrn,
    episodeId: row.episodeId,
    programName: row.programName,
    instrumentId: row.instrumentId,
    instrumentName: instrumentName(row.instrumentId),
    state,
    dueOn,
    lastGivenOn: row.lastGivenOn,
  }));
  // Every patient on the page is a disclosure to this user: one row each.
  await ctx.auditEach(
    [...new Set(items.map((i) => i.patientId))].map((patientId) => ({
      action: 'measurement_due.list',
      entity: 'patient',
      entityId: patientId,
      patientId,
      siteId: site.id,
    })),
  );
  return { items, page, pageSize, total: due.length };
}
