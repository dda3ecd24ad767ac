import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { openProgramsOfPatient } from '../enrolment';
import type { Tx } from '../platform/db/database';
import { loadProgram, programToday } from '../programs';
import type { PatientDose } from './dose.schema';
import { weeklyDoseLedger } from './weekly-dose-ledger';

export function doseJson(d: Awaited<ReturnType<typeof weeklyDoseLedger>>['members'][number]['dose']) {
  return {
    scheduledHours: d.scheduledHours,
    attendedHours: d.attendedHours,
    remainingScheduledHours: d.remainingScheduledHours,
    forecastHours: d.forecastHours,
    gapMinutes: d.gapMinutes,
    status: d.status,
    qualifyingDays: d.qualifyingDays.map((x) => x.toString()),
    perDiemBillableWeek: d.perDiemBillableWeek,
    medicareMinimumMet: d.medicareMinimumMet ?? null,
  };
}

/** The patient's week in each program they are enrolled in; `week` null means the current week. */
export async function patientWeeks(tx: Tx, patientId: string, week: Temporal.PlainDate | null, now: Date) {
  const programsOf = await openProgramsOfPatient(tx, patientId);
  const out: z.infer<typeof PatientDose>['items'] = [];
  for (const { programId, siteId } of programsOf) {
    const program = await loadProgram(tx, siteId, programId);
    const day = week ?? Temporal.PlainDate.from(programToday(program, now));
    const ledger = await weeklyDoseLedger(tx, program, day, now, patientId);
    const m = ledger.members[0];
    if (!m) continue;
    out.push({
      programId,
      programName: program.name,
      weekStart: ledger.weekStart,
      weekEnd: ledger.weekEnd,
      weekNumber: m.weekNumber,
      targetHours: m.targetHours,
      band: program.band,
      dose: doseJson(m.dose),
      sessions: m.sessions.map(({ session: s, attendance: a }) => ({
        id: s.id,
        sessionType: s.sessionType,
        localDate: s.localDate,
        startsAt: s.startsAt.toISOString(),
        minutes: s.minutes,
        cancelled: s.cancelledAt !== null,
        attendance: a ?? null,
      })),
    });
  }
  return out;
}
