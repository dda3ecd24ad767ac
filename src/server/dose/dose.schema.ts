import { z } from '@hono/zod-openapi';
import { ATTENDANCE_STATUSES } from '../attendance';
import { HourBandSchema as Band, CalendarDay as Day } from '../programs';

const NextTopicSession = z.object({
  sessionId: z.string(),
  trackId: z.string(),
  trackName: z.string(),
  localDate: z.string(),
  startsAt: z.string(),
});

export const MemberTopics = z
  .object({
    items: z.array(
      z.object({
        programId: z.string(),
        programName: z.string(),
        trackId: z.string(),
        trackName: z.string(),
        topics: z.array(
          z.object({
            topicId: z.string(),
            position: z.number(),
            title: z.string(),
            status: z.enum(['covered', 'missed', 'not_yet']),
            /** The session that covered it or the latest one missed. */
            sessionDate: z.string().nullable(),
            next: NextTopicSession.nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('MemberTopics');

export const WeekQuery = z.strictObject({ week: Day });

const Dose = z.object({
  scheduledHours: z.number(),
  attendedHours: z.number(),
  remainingScheduledHours: z.number(),
  forecastHours: z.number(),
  gapMinutes: z.number(),
  status: z.enum(['on_track', 'at_risk', 'short', 'over_band']),
  qualifyingDays: z.array(z.string()),
  perDiemBillableWeek: z.boolean(),
  /** Only for members with Medicare coverage: at least 9 h attended so far this week. */
  medicareMinimumMet: z.boolean().nullable(),
});

const MakeUp = z.object({
  id: z.string(),
  trackId: z.string(),
  trackName: z.string(),
  sessionType: z.string(),
  localDate: z.string(),
  startsAt: z.string(),
  minutes: z.number(),
  capacityLeft: z.number(),
});

export const MemberWeek = z.object({
  programId: z.string(),
  programName: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  weekNumber: z.number(),
  targetHours: z.number(),
  band: Band,
  dose: Dose,
  sessions: z.array(
    z.object({
      id: z.string(),
      sessionType: z.string(),
      localDate: z.string(),
      startsAt: z.string(),
      minutes: z.number(),
      cancelled: z.boolean(),
      attendance: z.object({ status: z.enum(ATTENDANCE_STATUSES), minutes: z.number() }).nullable(),
    }),
  ),
});

export const PatientDose = z.object({ items: z.array(MemberWeek) }).openapi('PatientDose');

export const AtRiskList = z
  .object({
    weekStart: z.string(),
    weekEnd: z.string(),
    items: z.array(
      z.object({
        patientId: z.string(),
        givenName: z.string(),
        familyName: z.string(),
        trackId: z.string(),
        weekNumber: z.number(),
        targetHours: z.number(),
        /** Medicare IOP coverage: the target is at least 9 h. */
        medicareCoverage: z.boolean(),
        dose: Dose,
        makeUp: z
          .object({ sessions: z.array(MakeUp), closesGap: z.boolean(), minutesAfter: z.number() })
          .nullable(),
      }),
    ),
  })
  .openapi('AtRiskList');

export const PortalSessions = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        trackName: z.string(),
        sessionType: z.string(),
        topic: z.string().nullable(),
        localDate: z.string(),
        startsAt: z.string(),
        endsAt: z.string(),
        telehealthUrl: z.string().nullable(),
        room: z.string().nullable(),
        cancelled: z.boolean(),
        cancelReason: z.string().nullable(),
        cancelNote: z.string().nullable(),
      }),
    ),
    thisWeek: z.array(
      z.object({
        programName: z.string(),
        weekStart: z.string(),
        weekEnd: z.string(),
        targetHours: z.number(),
        attendedHours: z.number(),
        scheduledHours: z.number(),
      }),
    ),
  })
  .openapi('PortalSessions');
