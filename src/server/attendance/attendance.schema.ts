import { z } from '@hono/zod-openapi';
import { Session } from '../sessions';

export const ATTENDANCE_STATUSES = ['present', 'late', 'left_early', 'excused', 'unexcused'] as const;

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
    /** Fewer than 3 members attended (the minimum group size; SAMHSA TIP 41, Substance Abuse Treatment: Group Therapy); only once attendance is recorded. */
    belowMinimumGroupSize: z.boolean(),
    /** The roster's version (also the ETag): a save sends it back as If-Match. */
    version: z.number(),
  })
  .openapi('SessionRoster');

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
