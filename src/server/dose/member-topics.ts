import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { type TopicAttendance, topicCoverage } from '../../domain/curriculum/topic-coverage';
import { listCurriculum } from '../curriculum';
import { listEnrolmentsOfPatient, openProgramsOfPatient } from '../enrolment';
import type { Tx } from '../platform/db/database';
import { loadProgram, programToday } from '../programs';
import type { MemberTopics } from './dose.schema';
import { comingTopicSessions, topicSessionsOfPatient } from './dose.store';

/** How far ahead the next session covering a topic is looked for. */
const TOPIC_LOOKAHEAD_DAYS = 56;
const toInstant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());

/**
 * The member's curriculum topics in their current track of each open program: covered, missed or not yet,
 * with the next session (any track of the program) that covers each. They are read from the member's
 * attendance, so they sit with the dose rather than with the curriculum (which sessions build on).
 */
export async function memberTopics(tx: Tx, patientId: string, now: Date) {
  const out: z.infer<typeof MemberTopics>['items'] = [];
  const enrolled = await listEnrolmentsOfPatient(tx, patientId);
  for (const { programId, siteId } of await openProgramsOfPatient(tx, patientId)) {
    const program = await loadProgram(tx, siteId, programId);
    const today = programToday(program, now);
    const ofProgram = enrolled.filter((e) => e.enrolment.programId === programId);
    const current =
      ofProgram.find((e) => e.enrolment.startsOn <= today && (e.enrolment.endsOn ?? today) >= today) ??
      ofProgram[0];
    if (!current) continue;
    const curriculum = await listCurriculum(tx, current.enrolment.trackId);
    const mine = await topicSessionsOfPatient(tx, programId, patientId, now);
    const horizon = new Date(now.getTime() + TOPIC_LOOKAHEAD_DAYS * 86_400_000);
    const coming = await comingTopicSessions(tx, programId, now, horizon);
    const coverage = topicCoverage({
      curriculum: curriculum.map((t) => ({ id: t.id, title: t.title })),
      memberSessions: mine.map(({ session: s, status }) => ({
        sessionId: s.id,
        topicTitle: s.topic ?? '',
        start: toInstant(s.startsAt),
        end: toInstant(s.endsAt),
        cancelled: s.cancelledAt !== null,
        attendance: (status ?? undefined) as TopicAttendance | undefined,
      })),
      candidates: coming.map((r) => ({
        sessionId: r.session.id,
        trackId: r.session.trackId!,
        trackName: r.trackName,
        localDate: r.session.localDate,
        topicTitle: r.session.topic ?? '',
        start: toInstant(r.session.startsAt),
        cancelled: false,
        capacityLeft: r.capacityLeft,
      })),
      now: toInstant(now),
    });
    const dateOf = new Map(mine.map((m) => [m.session.id, m.session.localDate]));
    out.push({
      programId,
      programName: program.name,
      trackId: current.enrolment.trackId,
      trackName: current.trackName,
      topics: coverage.map((t) => ({
        topicId: t.topic.id,
        position: t.position,
        title: t.topic.title,
        status: t.status,
        sessionDate: t.sessionId ? (dateOf.get(t.sessionId) ?? null) : null,
        next: t.next
          ? {
              sessionId: t.next.sessionId,
              trackId: t.next.trackId,
              trackName: t.next.trackName,
              localDate: t.next.localDate,
              startsAt: t.next.start.toString(),
            }
          : null,
      })),
    });
  }
  return out;
}
