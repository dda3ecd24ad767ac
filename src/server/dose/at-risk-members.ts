import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import type { Tx } from '../platform/db/database';
import { loadProgram } from '../programs';
import type { AtRiskList } from './dose.schema';
import { doseJson } from './patient-weeks';
import { weeklyDoseLedger } from './weekly-dose-ledger';

/** The program's members at risk or short in the week holding `week`, with make-up sessions to close the gap. */
export async function atRiskMembers(
  tx: Tx,
  at: { siteId: string; programId: string; week: string; now: Date },
): Promise<z.infer<typeof AtRiskList>> {
  const program = await loadProgram(tx, at.siteId, at.programId);
  const ledger = await weeklyDoseLedger(tx, program, Temporal.PlainDate.from(at.week), at.now);
  const items = ledger.members
    .filter((m) => m.dose.status === 'at_risk' || m.dose.status === 'short')
    .map((m) => ({
      patientId: m.patientId,
      givenName: m.givenName,
      familyName: m.familyName,
      trackId: m.trackId,
      weekNumber: m.weekNumber,
      targetHours: m.targetHours,
      medicareCoverage: m.medicareCoverage,
      dose: doseJson(m.dose),
      makeUp: m.makeUp
        ? {
            closesGap: m.makeUp.closesGap,
            minutesAfter: m.makeUp.minutesAfter,
            sessions: m.makeUp.sessions.map((s) => ({
              id: s.id,
              trackId: s.trackId,
              trackName: s.trackName,
              sessionType: s.sessionType,
              localDate: s.localDate,
              startsAt: s.start.toString(),
              minutes: s.minutes,
              capacityLeft: s.capacityLeft,
            })),
          }
        : null,
    }));
  return { weekStart: ledger.weekStart, weekEnd: ledger.weekEnd, items };
}
