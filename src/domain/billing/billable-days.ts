import { Temporal } from 'temporal-polyfill';
import { psychotherapyCodeForMinutes } from '../documentation/psychotherapy-code';
import type { BillableDay, DayService } from './charges-for-day';

/** A member's attendance at one session of the program (present, late or left early: minutes > 0). */
export type AttendedSession = {
  readonly attendanceId: string;
  readonly sessionId: string;
  readonly patientId: string;
  readonly date: Temporal.PlainDate;
  readonly minutes: number;
  readonly sessionType: string;
};

/** A chart note of a member: `locked` once signed and, where a supervisor must, co-signed. */
export type ChartNote = {
  readonly noteId: string;
  readonly patientId: string;
  readonly sessionId: string | null;
  readonly date: Temporal.PlainDate;
  readonly noteType: string;
  readonly minutes: number | null;
  readonly locked: boolean;
};

/**
 * Family psychotherapy (90847) is a 50-minute service; a unit of time is met once the midpoint is passed
 * (CPT time rule), so 26 minutes or more.
 */
export const FAMILY_PSYCHOTHERAPY_MINUTES = 26;

/** The professional code a service supports: by the note when there is one, else by the session. */
export function serviceCode(kind: string, minutes: number | null): string | null {
  if (minutes === null || minutes <= 0) return null;
  if (kind === 'group_therapy') return psychotherapyCodeForMinutes(minutes, 'group')?.code ?? null;
  if (kind === 'individual_therapy' || kind === 'individual') {
    return psychotherapyCodeForMinutes(minutes, 'individual')?.code ?? null;
  }
  if (kind === 'family_session' || kind === 'family') {
    return minutes >= FAMILY_PSYCHOTHERAPY_MINUTES ? '90847' : null;
  }
  return null;
}

/**
 * Each member's billable days from attendance and chart notes — no documentation, no charge:
 * - a day's attended minutes are the sum of its sessions (the dose ledger's figure);
 * - an attended session is documented when the member has a locked note for it; a day's rosters count as
 *   settled ("locked") only when every session attended that day is documented, so a per diem never rests on
 *   attendance nobody has attested;
 * - every therapy service with a code is a service of the day, documented or not (undocumented ones are shown
 *   in the charge queue as making no charge); a locked note with no session (an individual session held
 *   outside the schedule) is a service on its own date.
 * Days come out per member in date order.
 */
export function billableDays(
  attended: readonly AttendedSession[],
  notes: readonly ChartNote[],
): Map<string, BillableDay[]> {
  const noteFor = new Map<string, ChartNote>();
  for (const note of notes) {
    if (note.sessionId && note.locked) noteFor.set(`${note.patientId}|${note.sessionId}`, note);
  }
  type Day = { date: Temporal.PlainDate; minutes: number; settled: boolean; services: DayService[] };
  const days = new Map<string, Map<string, Day>>();
  const dayOf = (patientId: string, date: Temporal.PlainDate) => {
    const member = days.get(patientId) ?? new Map<string, Day>();
    days.set(patientId, member);
    const key = date.toString();
    const day = member.get(key) ?? { date, minutes: 0, settled: true, services: [] };
    member.set(key, day);
    return day;
  };
  for (const a of attended) {
    const day = dayOf(a.patientId, a.date);
    day.minutes += a.minutes;
    const note = noteFor.get(`${a.patientId}|${a.sessionId}`);
    if (!note) day.settled = false;
    const code = note
      ? serviceCode(note.noteType, note.minutes ?? a.minutes)
      : serviceCode(a.sessionType, a.minutes);
    if (code) {
      day.services.push({
        serviceId: note?.noteId ?? a.attendanceId,
        code,
        minutes: note?.minutes ?? a.minutes,
        documented: note !== undefined,
      });
    }
  }
  for (const note of notes) {
    if (note.sessionId || !note.locked) continue;
    const code = serviceCode(note.noteType, note.minutes);
    if (code) {
      dayOf(note.patientId, note.date).services.push({
        serviceId: note.noteId,
        code,
        minutes: note.minutes ?? 0,
        documented: true,
      });
    }
  }
  const result = new Map<string, BillableDay[]>();
  for (const [patientId, member] of days) {
    result.set(
      patientId,
      [...member.values()]
        .sort((a, b) => Temporal.PlainDate.compare(a.date, b.date))
        .map((d) => ({
          date: d.date,
          attendedMinutes: d.minutes,
          rostersLocked: d.settled,
          services: d.services,
        })),
    );
  }
  return result;
}
