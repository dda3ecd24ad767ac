import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { dischargeFieldErrors } from '../../domain/episodes/discharge';
import { findLevel } from '../../domain/placement/levels-of-care';
import { closeEpisode, type EpisodeRow } from '../episodes';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError, type FieldError } from '../platform/errors';
import { siteToday } from '../sites';
import { aftercareRecord } from './discharge-json';
import type { DischargeRequest } from './discharges.schema';
import { type DischargeRow, insertDischarge } from './discharges.store';

/**
 * Discharges the episode: a TEDS reason and a day between the admission and today at the site, levels of the
 * episode's edition, then the episode closes (at the If-Match version) and the discharge with its aftercare
 * plan is written once (409 already_discharged).
 */
export async function dischargeEpisode(
  tx: Tx,
  input: {
    /** The patient the guard reached, and the site whose calendar says what today is. */
    patient: { id: string; siteId: string };
    episode: EpisodeRow;
    request: z.infer<typeof DischargeRequest>;
    version: number;
    dischargedBy: string;
    now: Date;
    audit: AuditWrite;
  },
): Promise<DischargeRow> {
  const { episode, request: body, now } = input;
  const today = await siteToday(tx, input.patient.siteId, now);
  const fields: FieldError[] = dischargeFieldErrors(
    {
      reason: body.reason ?? null,
      dischargedOn: body.dischargedOn ? Temporal.PlainDate.from(body.dischargedOn) : null,
      admittedOn: episode.admittedOn ? Temporal.PlainDate.from(episode.admittedOn) : null,
    },
    today,
  );
  const edition = episode.edition === 4 ? 4 : 3;
  for (const key of ['levelAtDischarge', 'nextLevel'] as const) {
    const code = body[key];
    if (code && !findLevel(edition, code)) {
      fields.push({ path: key, message: `${code} is not a level of the ASAM edition ${edition}.` });
    }
  }
  const { reason, dischargedOn } = body;
  if (fields.length > 0 || !reason || !dischargedOn) throw AppError.validation(fields);
  await closeEpisode(tx, { episode, dischargedOn, version: input.version, now });
  const row = await insertDischarge(tx, {
    organizationId: episode.organizationId,
    siteId: episode.siteId,
    patientId: input.patient.id,
    episodeId: episode.id,
    dischargedOn,
    reasonCode: reason,
    levelAtDischarge: body.levelAtDischarge ?? episode.level,
    summary: body.summary,
    referralTo: body.referralTo ?? null,
    nextLevel: body.nextLevel ?? null,
    aftercare: aftercareRecord(body.aftercare),
    dischargedBy: input.dischargedBy,
    createdAt: now,
  });
  if (!row) throw AppError.conflict('The episode is already discharged.', 'already_discharged');
  await input.audit('episode.discharge', 'discharge', row.id, {
    episodeId: episode.id,
    reason: row.reasonCode,
  });
  return row;
}
