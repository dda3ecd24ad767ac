import type { z } from '@hono/zod-openapi';
import { getInstrument, isInstrumentId } from '../../domain/instruments';
import { showsCrisisLine } from '../../domain/measurement';
import { AppError } from '../platform/errors';
import type { UserContext } from '../platform/http/route-wrappers';
import { siteToday } from '../sites';
import { dueOnly } from './due-instruments';
import type { PortalDueInstruments, PortalResultAnswer, PortalResultRequest } from './measurement.schema';
import { findEpisodeInTreatment, listScheduledInstruments } from './measurement.store';
import { recordInstrumentResult, resultAuditEvents } from './record-instrument-result';

/** The portal is the patient's own: only a patient's account has a record to answer for. */
function ownRecord(ctx: UserContext): string {
  if (!ctx.actor.patientId) throw AppError.forbidden();
  return ctx.actor.patientId;
}

/** My questionnaires that are due, with their questions and answer choices. */
export async function dueQuestionnaires(ctx: UserContext): Promise<z.infer<typeof PortalDueInstruments>> {
  const patientId = ownRecord(ctx);
  const { tx } = ctx;
  const episode = await findEpisodeInTreatment(tx, patientId);
  if (!episode) return { items: [] };
  const today = await siteToday(tx, episode.siteId, ctx.now);
  const due = dueOnly(await listScheduledInstruments(tx, { patientId }), today).filter(
    ({ row }) => row.episodeId === episode.id && isInstrumentId(row.instrumentId),
  );
  await ctx.auditEach([
    { action: 'read', entity: 'portal_instruments', entityId: null, patientId, siteId: episode.siteId },
  ]);
  const items = due.flatMap(({ row, state, dueOn }) => {
    if (!isInstrumentId(row.instrumentId)) return [];
    const instrument = getInstrument(row.instrumentId);
    // Clinician-rated scales (CIWA-Ar, COWS) are scored by staff watching for signs, never self-reported.
    if (instrument.administeredBy !== 'patient') return [];
    return [
      {
        instrumentId: instrument.id,
        name: instrument.name,
        shortName: instrument.shortName,
        instructions: instrument.instructions,
        state,
        dueOn,
        items: instrument.items.map((item) => ({
          id: item.id,
          number: item.number,
          ...(item.part ? { part: item.part } : {}),
          text: item.text,
          options: item.options.map((o) => ({ value: o.value, label: o.label })),
          ...(item.askedWhen ? { askedWhen: { ...item.askedWhen } } : {}),
        })),
      },
    ];
  });
  return { items };
}

/**
 * I answer a questionnaire my program gives me; a risk answer alerts my care team and shows the 24-hour
 * crisis line.
 */
export async function answerQuestionnaire(
  ctx: UserContext,
  body: z.infer<typeof PortalResultRequest>,
): Promise<z.infer<typeof PortalResultAnswer>> {
  const patientId = ownRecord(ctx);
  const { tx, now } = ctx;
  const episode = await findEpisodeInTreatment(tx, patientId);
  if (!episode?.admittedOn) {
    throw AppError.validation([
      { path: 'instrumentId', message: 'You have no program in progress to answer this for.' },
    ]);
  }
  const scheduled = (await listScheduledInstruments(tx, { patientId })).some(
    (r) => r.episodeId === episode.id && r.instrumentId === body.instrumentId,
  );
  if (
    !isInstrumentId(body.instrumentId) ||
    !scheduled ||
    getInstrument(body.instrumentId).administeredBy !== 'patient'
  ) {
    throw AppError.validation([
      { path: 'instrumentId', message: 'This questionnaire is not one your program asks you to answer.' },
    ]);
  }
  const recorded = await recordInstrumentResult(tx, {
    patientId,
    episode,
    instrumentId: body.instrumentId,
    answers: body.answers,
    administeredOn: (await siteToday(tx, episode.siteId, now)).toString(),
    enteredVia: 'portal',
    enteredBy: ctx.actor.userId,
    at: now,
  });
  await ctx.auditEach(resultAuditEvents(recorded).map((e) => ({ ...e, patientId, siteId: episode.siteId })));
  return {
    id: recorded.result.id,
    instrumentId: recorded.result.instrumentId,
    instrumentName: recorded.instrument.shortName,
    administeredOn: recorded.result.administeredOn,
    showCrisisLine: showsCrisisLine(recorded.taskType),
    careTeamNotified: recorded.task !== null,
  };
}
