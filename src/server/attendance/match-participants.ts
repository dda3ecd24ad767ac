import type { z } from '@hono/zod-openapi';
import { trackMembersOn } from '../enrolment';
import type { Tx } from '../platform/db/database';
import { loadProgram } from '../programs';
import type { SessionRow } from '../sessions';
import type { CsvImportResult } from './attendance.schema';
import { ATTENDANCE_SLACK_MINUTES } from './attendance-values';
import { participantMinutes } from './participant-csv';

type Result = z.infer<typeof CsvImportResult>;

const norm = (x: string) =>
  x
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/**
 * Matches a virtual session's participant export to the track's members that day, by email or by name
 * (either order); a member's rows are summed and capped at the session's length plus the slack. Saves nothing.
 */
export async function matchParticipants(tx: Tx, session: SessionRow, csv: string): Promise<Result> {
  const program = await loadProgram(tx, session.siteId, session.programId);
  const { participants, problems } = participantMinutes(csv, program.timeZone);
  const members = session.trackId ? await trackMembersOn(tx, session.trackId, session.localDate) : [];
  const matched: Result['matched'] = [];
  const unmatched: Result['unmatched'] = [];
  for (const p of participants) {
    const member = members.find(
      (m) =>
        (p.email && m.email?.toLowerCase() === p.email) ||
        [norm(`${m.givenName} ${m.familyName}`), norm(`${m.familyName} ${m.givenName}`)].includes(
          norm(p.name),
        ),
    );
    if (!member) {
      unmatched.push(p);
      continue;
    }
    const existing = matched.find((m) => m.patientId === member.patientId);
    if (existing) {
      existing.minutes += p.minutes;
      continue;
    }
    matched.push({
      patientId: member.patientId,
      givenName: member.givenName,
      familyName: member.familyName,
      name: p.name,
      email: p.email,
      minutes: p.minutes,
    });
  }
  for (const m of matched) m.minutes = Math.min(m.minutes, session.minutes + ATTENDANCE_SLACK_MINUTES);
  return { matched, unmatched, problems };
}
