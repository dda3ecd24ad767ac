import { Temporal } from 'temporal-polyfill';
import { type MakeUpCandidate, suggestMakeUpSessions } from '../../domain/dose/make-up-suggestions';
import { targetForWeek } from '../../domain/dose/step-down';
import {
  type AttendanceStatus,
  type DoseSession,
  type WeeklyDose,
  weeklyDose,
} from '../../domain/dose/weekly-dose';
import { programWeekBounds, programWeekOf, weekNumberSince } from '../../domain/schedule/program-week';
import type { Tx } from '../platform/db/database';
import type { ProgramConfig } from '../programs';
import type { SessionRow } from '../sessions';
import { listTracks } from '../tracks';
import { programEnrolmentsInWeek, programWeek } from './program-operations.store';

/** Medicare IOP (from 2024): at least 9 hours a week, certified by a physician (domain.md §6). */
export const MEDICARE_WEEKLY_MINIMUM_HOURS = 9;

const toInstant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());

export type MakeUpSession = MakeUpCandidate & { trackName: string; localDate: string; sessionType: string };

export type MemberDose = {
  patientId: string;
  givenName: string;
  familyName: string;
  trackId: string;
  weekNumber: number;
  /** The plan's target for the week, raised to 9 h for Medicare coverage. */
  targetHours: number;
  medicareCoverage: boolean;
  dose: WeeklyDose;
  sessions: { session: SessionRow; attendance?: { status: AttendanceStatus; minutes: number } }[];
  makeUp: { sessions: MakeUpSession[]; closesGap: boolean; minutesAfter: number } | null;
};

/**
 * The dose ledger of one program week for every member (or one patient), with make-up suggestions for the
 * members at risk. A fixed number of queries whatever the member count: enrolments, tracks, sessions and
 * attendance of the week are loaded in bulk and grouped here.
 */
export async function weeklyDoseLedger(
  tx: Tx,
  program: ProgramConfig,
  weekOf: Temporal.PlainDate,
  nowDate: Date,
  patientId?: string,
): Promise<{ weekStart: string; weekEnd: string; members: MemberDose[] }> {
  const week = programWeekOf(weekOf, program.weekStartsOn, program.timeZone);
  const bounds = programWeekBounds(week, program.timeZone);
  const weekStart = week.start.toString();
  const weekEnd = week.end.toString();
  const now = toInstant(nowDate);

  const enrolRows = await programEnrolmentsInWeek(tx, program.programId, weekStart, weekEnd, patientId);
  const trackRows = await listTracks(tx, program.programId);
  const { sessions, attendance } = await programWeek(
    tx,
    program.programId,
    new Date(bounds.startsAt.epochMilliseconds),
    new Date(bounds.endsBefore.epochMilliseconds),
    patientId,
  );

  const trackById = new Map(trackRows.map((t) => [t.id, t]));
  const attendanceByKey = new Map(attendance.map((a) => [`${a.sessionId}:${a.patientId}`, a]));
  const within = (date: string, from: string, to: string | null) =>
    date >= from && (to === null || date <= to);
  // Everything per session or per track is worked out once, not once per member: at 1,000 members the
  // per-member work must stay proportional to the member's own sessions.
  const seatsMemo = new Map<string, number>();
  const seatsTaken = (trackId: string, date: string) => {
    const key = `${trackId}:${date}`;
    let n = seatsMemo.get(key);
    if (n === undefined) {
      n = enrolRows.filter(
        (r) => r.enrolment.trackId === trackId && within(date, r.enrolment.startsOn, r.enrolment.endsOn),
      ).length;
      seatsMemo.set(key, n);
    }
    return n;
  };
  const timeOf = new Map(
    sessions.map((s) => [s.id, { start: toInstant(s.startsAt), end: toInstant(s.endsAt) }]),
  );
  const dateOf = new Map(sessions.map((s) => [s.id, Temporal.PlainDate.from(s.localDate)]));
  const sessionsOfTrack = new Map<string, SessionRow[]>();
  for (const s of sessions) {
    if (!s.trackId) continue;
    const list = sessionsOfTrack.get(s.trackId) ?? [];
    list.push(s);
    sessionsOfTrack.set(s.trackId, list);
  }
  const attendedSessionsOf = new Map<string, Set<string>>();
  for (const a of attendance) {
    const set = attendedSessionsOf.get(a.patientId) ?? new Set<string>();
    set.add(a.sessionId);
    attendedSessionsOf.set(a.patientId, set);
  }
  const weekNumbers = new Map<string, number>();
  let makeUpPool: MakeUpSession[] | null = null;
  const makeUpCandidates = () => {
    makeUpPool ??= sessions
      .filter(
        (s) =>
          s.trackId && s.cancelledAt === null && Temporal.Instant.compare(timeOf.get(s.id)!.start, now) >= 0,
      )
      .map((s) => ({
        id: s.id,
        start: timeOf.get(s.id)!.start,
        minutes: s.minutes,
        capacityLeft: (trackById.get(s.trackId!)?.capacity ?? 0) - seatsTaken(s.trackId!, s.localDate),
        trackId: s.trackId!,
        trackName: trackById.get(s.trackId!)?.name ?? '',
        localDate: s.localDate,
        sessionType: s.sessionType,
      }));
    return makeUpPool;
  };

  const byPatient = new Map<string, typeof enrolRows>();
  for (const row of enrolRows) {
    const list = byPatient.get(row.enrolment.patientId) ?? [];
    list.push(row);
    byPatient.set(row.enrolment.patientId, list);
  }

  const members: MemberDose[] = [];
  for (const [memberId, rows] of byPatient) {
    rows.sort((a, b) => a.enrolment.startsOn.localeCompare(b.enrolment.startsOn));
    const current = rows.at(-1)!;
    const attended = attendedSessionsOf.get(memberId);
    const ownIds = new Set<string>(attended);
    for (const r of rows) {
      for (const s of sessionsOfTrack.get(r.enrolment.trackId) ?? []) {
        if (within(s.localDate, r.enrolment.startsOn, r.enrolment.endsOn)) ownIds.add(s.id);
      }
    }
    const own = sessions.filter((s) => ownIds.has(s.id));
    const memberSessions = own.map((session) => {
      const a = attendanceByKey.get(`${session.id}:${memberId}`);
      return {
        session,
        attendance: a ? { status: a.status as AttendanceStatus, minutes: a.minutes } : undefined,
      };
    });
    const doseSessions: DoseSession[] = memberSessions.map(({ session, attendance: a }) => ({
      id: session.id,
      start: timeOf.get(session.id)!.start,
      end: timeOf.get(session.id)!.end,
      date: dateOf.get(session.id)!,
      scheduledMinutes: session.minutes,
      attendance: a,
      cancelled: session.cancelledAt !== null,
    }));
    const admitted = Temporal.PlainDate.from(current.admittedOn ?? rows[0]!.enrolment.startsOn);
    const counted = Temporal.PlainDate.compare(week.end, admitted) < 0 ? admitted : week.end;
    const weekKey = `${admitted}|${counted}`;
    let weekNumber = weekNumbers.get(weekKey);
    if (weekNumber === undefined) {
      weekNumber = weekNumberSince(admitted, counted, program.weekStartsOn);
      weekNumbers.set(weekKey, weekNumber);
    }
    const medicareCoverage = current.enrolment.medicareCoverage;
    const planned = targetForWeek(current.enrolment.targetSteps, weekNumber);
    const targetHours = medicareCoverage ? Math.max(planned, MEDICARE_WEEKLY_MINIMUM_HOURS) : planned;
    const dose = weeklyDose({
      ...(medicareCoverage ? { medicareWeeklyMinimumHours: MEDICARE_WEEKLY_MINIMUM_HOURS } : {}),
      weekStart: week.start,
      weekEnd: week.end,
      timeZone: program.timeZone,
      now,
      targetHours,
      band: program.band,
      sessions: doseSessions,
    });

    let makeUp: MemberDose['makeUp'] = null;
    if (dose.status === 'at_risk' && !patientId) {
      const candidates = makeUpCandidates().filter((c) => !ownIds.has(c.id));
      makeUp = suggestMakeUpSessions({
        gapMinutes: dose.gapMinutes,
        candidates,
        memberSessions: own.filter((s) => s.cancelledAt === null).map((s) => timeOf.get(s.id)!),
        notBefore: now,
      });
    }
    members.push({
      patientId: memberId,
      givenName: current.givenName,
      familyName: current.familyName,
      trackId: current.enrolment.trackId,
      weekNumber,
      targetHours,
      medicareCoverage,
      dose,
      sessions: memberSessions,
      makeUp,
    });
  }
  members.sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
  return { weekStart, weekEnd, members };
}
