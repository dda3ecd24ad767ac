import type { z } from '@hono/zod-openapi';
import { getInstrument, isInstrumentId } from '../../domain/instruments';
import type { InstrumentResult, UrgentTask } from './measurement.schema';
import type { listPatientTasks, ResultRow } from './measurement.store';

export const instrumentName = (id: string) => (isInstrumentId(id) ? getInstrument(id).shortName : id);
export const fullName = (r: { givenName: string; familyName: string; preferredName: string | null }) =>
  `${r.givenName}${r.preferredName ? ` (${r.preferredName})` : ''} ${r.familyName}`;

export function resultJson(r: ResultRow, extra: Partial<z.infer<typeof InstrumentResult>> = {}) {
  return {
    id: r.id,
    patientId: r.patientId,
    episodeId: r.episodeId,
    instrumentId: r.instrumentId,
    instrumentName: instrumentName(r.instrumentId),
    instrumentVersion: r.instrumentVersion,
    answers: r.answers,
    total: r.total,
    subscales: r.subscales ?? null,
    bandId: r.bandId,
    bandLabel: r.bandLabel,
    riskFlags: r.riskFlags,
    administeredOn: r.administeredOn,
    enteredVia: r.enteredVia,
    enteredBy: r.enteredBy,
    createdAt: r.createdAt.toISOString(),
    ...extra,
  };
}

type TaskListRow = Awaited<ReturnType<typeof listPatientTasks>>[number];
export function taskJson(row: TaskListRow): z.infer<typeof UrgentTask> {
  const t = row.task;
  return {
    id: t.id,
    type: t.type,
    status: t.status,
    patientId: t.patientId,
    patientName: fullName(row),
    mrn: row.mrn,
    episodeId: t.episodeId,
    resultId: t.resultId,
    instrumentId: row.instrumentId,
    instrumentName: instrumentName(row.instrumentId),
    total: row.total,
    bandLabel: row.bandLabel,
    administeredOn: row.administeredOn,
    enteredVia: row.enteredVia,
    assignedTo: t.assignedTo,
    createdAt: t.createdAt.toISOString(),
    acknowledgedBy: t.acknowledgedBy,
    acknowledgedAt: t.acknowledgedAt?.toISOString() ?? null,
    acknowledgeNote: t.acknowledgeNote,
  };
}
