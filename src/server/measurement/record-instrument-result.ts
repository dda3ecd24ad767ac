import { getInstrument, isInstrumentId, scoreInstrument } from '../../domain/instruments';
import { scoreOptionsForProgram, urgentTaskFor } from '../../domain/measurement';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { findEpisodeInTreatment } from './measurement.store';
import { insertResult, insertTask } from './measurement.store';

type Episode = NonNullable<Awaited<ReturnType<typeof findEpisodeInTreatment>>>;

/**
 * Scores one administration and stores it with every item answer; when an answer raises a risk flag, the
 * urgent task for the primary clinician is created in the same transaction. CIWA-Ar and
 * COWS escalate at the program's own intake thresholds.
 *
 * @throws AppError 422 naming `instrumentId` or `answers.<item>` when the answers cannot be scored.
 */
export async function recordInstrumentResult(
  tx: Tx,
  input: {
    patientId: string;
    episode: Episode;
    instrumentId: string;
    answers: Record<string, number | null>;
    administeredOn: string;
    enteredVia: 'staff' | 'portal';
    enteredBy: string;
    at: Date;
  },
) {
  if (!isInstrumentId(input.instrumentId)) {
    throw AppError.validation([{ path: 'instrumentId', message: 'Not an instrument OpenIOP knows.' }]);
  }
  const answers = Object.fromEntries(Object.entries(input.answers).filter(([, v]) => v !== null)) as Record<
    string,
    number
  >;
  const score = scoreInstrument(
    input.instrumentId,
    answers,
    scoreOptionsForProgram(input.instrumentId, input.episode),
  );
  const result = await insertResult(tx, {
    organizationId: input.episode.organizationId,
    siteId: input.episode.siteId,
    patientId: input.patientId,
    episodeId: input.episode.id,
    instrumentId: input.instrumentId,
    instrumentVersion: score.version,
    answers,
    total: score.total,
    subscales: score.subscales ?? null,
    bandId: score.band.id,
    bandLabel: score.band.label,
    riskFlags: score.riskFlags,
    administeredOn: input.administeredOn,
    enteredVia: input.enteredVia,
    enteredBy: input.enteredBy,
    createdAt: input.at,
  });
  const taskType = urgentTaskFor(score);
  const task = taskType
    ? await insertTask(tx, {
        organizationId: input.episode.organizationId,
        siteId: input.episode.siteId,
        patientId: input.patientId,
        episodeId: input.episode.id,
        resultId: result.id,
        type: taskType,
        status: 'open',
        assignedTo: input.episode.primaryClinicianId,
        createdAt: input.at,
      })
    : null;
  return { result, task, taskType, instrument: getInstrument(input.instrumentId) };
}

/** What recording a result writes, for the audit log: the result, and the urgent task it raised. */
export function resultAuditEvents(recorded: Awaited<ReturnType<typeof recordInstrumentResult>>) {
  const { result, task } = recorded;
  return [
    {
      action: 'instrument_result.create',
      entity: 'instrument_result',
      entityId: result.id,
      detail: { instrumentId: result.instrumentId, via: result.enteredVia },
    },
    ...(task
      ? [
          {
            action: 'urgent_task.create',
            entity: 'urgent_task',
            entityId: task.id,
            detail: { type: task.type, assignedTo: task.assignedTo },
          },
        ]
      : []),
  ];
}
