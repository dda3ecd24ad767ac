import { z } from '@hono/zod-openapi';
import { HourBandSchema as Band } from '../programs';
import { Session } from '../sessions';

const Day = z.iso.date({ message: 'Must be a date, YYYY-MM-DD.' });

export const ATTENDANCE_STATUSES = ['present', 'late', 'left_early', 'excused', 'unexcused'] as const;

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

export const AttendanceRowInput = z.strictObject({
  patientId: z.uuid(),
  status: z.enum(ATTENDANCE_STATUSES),
  /** Minutes attended; computed from arrivedAt/leftAt when absent; 0 for absences. */
  minutes: z.number().int().min(0).optional(),
  arrivedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  leftAt: z.iso.datetime({ offset: true }).nullable().optional(),
  absenceReason: z.string().trim().max(200).nullable().optional(),
});

export const SaveAttendance = z
  .strictObject({ rows: z.array(AttendanceRowInput).max(60) })
  .openapi('SaveAttendance');

export const Roster = z
  .object({
    session: Session,
    members: z.array(
      z.object({
        patientId: z.string(),
        givenName: z.string(),
        familyName: z.string(),
        enrolled: z.boolean(),
        attendance: z
          .object({
            status: z.enum(ATTENDANCE_STATUSES),
            minutes: z.number(),
            arrivedAt: z.string().nullable(),
            leftAt: z.string().nullable(),
            absenceReason: z.string().nullable(),
          })
          .nullable(),
      }),
    ),
    attendees: z.number(),
    /** Fewer than 3 members attended (domain.md §3 minimum group size); only once attendance is recorded. */
    belowMinimumGroupSize: z.boolean(),
    /** The roster's version (also the ETag): a save sends it back as If-Match. */
    version: z.number(),
  })
  .openapi('SessionRoster');

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

export const CsvImport = z
  .strictObject({ csv: z.string().min(1).max(200_000) })
  .openapi('AttendanceCsvImport');

export const CsvImportResult = z
  .object({
    /** Roster members found in the file, minutes summed over rejoins (capped at session length + 60). */
    matched: z.array(
      z.object({
        patientId: z.string(),
        givenName: z.string(),
        familyName: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        minutes: z.number(),
      }),
    ),
    /** Participants matched to no member: shown for a manual match. */
    unmatched: z.array(z.object({ name: z.string(), email: z.string().nullable(), minutes: z.number() })),
    problems: z.array(z.object({ line: z.number(), message: z.string() })),
  })
  .openapi('AttendanceCsvImportResult');
