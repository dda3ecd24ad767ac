import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../platform/errors';
import type { PatientContext } from '../platform/http/route-wrappers';
import { siteToday } from '../sites';
import type { CreateResultRequest } from './measurement.schema';
import { findEpisodeInTreatment } from './measurement.store';
import { resultJson } from './measurement-json';
import { recordInstrumentResult, resultAuditEvents } from './record-instrument-result';

/**
 * Staff enter an instrument item by item for a patient in treatment, given between the admission and today
 * (the site's day); a risk answer raises the urgent task in the same transaction.
 */
export async function enterInstrumentResult(ctx: PatientContext, body: z.infer<typeof CreateResultRequest>) {
  const { tx, actor, patient, now } = ctx;
  const episode = await findEpisodeInTreatment(tx, patient.id, body.episodeId);
  if (!episode?.admittedOn) {
    throw AppError.validation([
      {
        path: 'episodeId',
        message: body.episodeId
          ? 'Not an episode of this patient that is in treatment.'
          : 'The patient has no episode in treatment.',
      },
    ]);
  }
  const today = await siteToday(tx, episode.siteId, now);
  const administeredOn = body.administeredOn ?? today.toString();
  if (body.administeredOn) {
    const on = Temporal.PlainDate.from(body.administeredOn, { overflow: 'reject' });
    if (Temporal.PlainDate.compare(on, today) > 0 || on.toString() < episode.admittedOn) {
      throw AppError.validation([
        { path: 'administeredOn', message: 'Must be between the admission and today.' },
      ]);
    }
  }
  const recorded = await recordInstrumentResult(tx, {
    patientId: patient.id,
    episode,
    instrumentId: body.instrumentId,
    answers: body.answers,
    administeredOn,
    enteredVia: 'staff',
    enteredBy: actor.userId,
    at: now,
  });
  for (const e of resultAuditEvents(recorded)) await ctx.audit(e.action, e.entity, e.entityId, e.detail);
  const { task } = recorded;
  return resultJson(recorded.result, {
    enteredByName: actor.displayName,
    urgentTask: task ? { id: task.id, type: task.type, status: task.status } : null,
  });
}
