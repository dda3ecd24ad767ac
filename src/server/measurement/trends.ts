import type { z } from '@hono/zod-openapi';
import { responseToTreatment } from '../../domain/instruments';
import { averageChange } from '../../domain/measurement';
import type { PatientContext, SiteContext } from '../platform/http/route-wrappers';
import type { PatientResults, ProgramOutcomes } from './measurement.schema';
import { findEpisodeInTreatment, listEpisodeTotals, listPatientResults } from './measurement.store';
import { instrumentName, resultJson } from './measurement-json';

type Item = ReturnType<typeof resultJson>;

/** Per instrument: first score, latest, the change since intake and, for PHQ-9 and GAD-7, the response. */
function trendOf(items: Item[], instrumentId: string) {
  const totals = items
    .filter((i) => i.instrumentId === instrumentId && i.total !== null)
    .map((i) => i.total as number);
  const baseline = totals[0] ?? null;
  const latest = totals.at(-1) ?? null;
  const twoOrMore = totals.length >= 2 && baseline !== null && latest !== null;
  const response =
    twoOrMore && (instrumentId === 'phq-9' || instrumentId === 'gad-7')
      ? responseToTreatment(baseline, latest, instrumentId)
      : null;
  return {
    instrumentId,
    instrumentName: instrumentName(instrumentId),
    baseline,
    latest,
    changeSinceIntake: twoOrMore ? latest - baseline : null,
    response: response
      ? {
          response: response.response,
          percentChange: response.percentChange,
          clinicallySignificantImprovement: response.clinicallySignificantImprovement,
          remission: response.remission,
        }
      : null,
  };
}

/** The patient's scores over the episode (the one in treatment unless named), oldest first, with trends. */
export async function patientTrends(
  ctx: PatientContext,
  asked: string | undefined,
): Promise<z.infer<typeof PatientResults>> {
  const { tx, patient } = ctx;
  const episodeId = asked ?? (await findEpisodeInTreatment(tx, patient.id))?.id;
  const rows = await listPatientResults(tx, patient.id, episodeId);
  await ctx.audit('instrument_result.list', 'instrument_result', null, episodeId ? { episodeId } : undefined);
  const items = rows.map((r) => resultJson(r.result, { enteredByName: r.enteredByName }));
  const trends = [...new Set(items.map((i) => i.instrumentId))].map((id) => trendOf(items, id));
  return { episodeId: episodeId ?? null, items, trends };
}

/** Each program's average change per instrument, first score to latest, with responders. */
export async function programOutcomes(ctx: SiteContext): Promise<z.infer<typeof ProgramOutcomes>> {
  const rows = await listEpisodeTotals(ctx.tx, ctx.site.id);
  const groups = new Map<
    string,
    {
      programId: string;
      programName: string;
      instrumentId: string;
      pairs: { first: number; latest: number }[];
    }
  >();
  for (const row of rows) {
    const key = `${row.programId}|${row.instrumentId}`;
    const group = groups.get(key) ?? {
      programId: row.programId,
      programName: row.programName,
      instrumentId: row.instrumentId,
      pairs: [],
    };
    const totals = row.totals.map(Number);
    group.pairs.push({ first: totals[0]!, latest: totals.at(-1)! });
    groups.set(key, group);
  }
  const items = [...groups.values()]
    .map((g) => ({
      programId: g.programId,
      programName: g.programName,
      instrumentId: g.instrumentId,
      instrumentName: instrumentName(g.instrumentId),
      ...averageChange(g.pairs),
    }))
    .sort(
      (a, b) => a.programName.localeCompare(b.programName) || a.instrumentId.localeCompare(b.instrumentId),
    );
  return { items };
}
