import { z } from '@hono/zod-openapi';
import { INSTRUMENT_IDS } from '../../domain/instruments';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date (YYYY-MM-DD).');

export const ScheduleItem = z.strictObject({
  instrumentId: z.enum(INSTRUMENT_IDS as [string, ...string[]], {
    message: `Must be one of ${INSTRUMENT_IDS.join(', ')}.`,
  }),
  atIntake: z.boolean(),
  everyDays: z
    .number()
    .int('Must be a whole number of days.')
    .min(1, 'Must be at least 1 day.')
    .max(365, 'Must be at most 365 days.')
    .nullable(),
});

export const ReplaceScheduleRequest = z
  .strictObject({ items: z.array(ScheduleItem).max(20) })
  .openapi('ReplaceInstrumentSchedule');

export const InstrumentSchedules = z
  .object({
    instruments: z.array(
      z.object({ id: z.string(), shortName: z.string(), name: z.string(), administeredBy: z.string() }),
    ),
    programs: z.array(
      z.object({
        programId: z.string(),
        programName: z.string(),
        items: z.array(
          z.object({ instrumentId: z.string(), atIntake: z.boolean(), everyDays: z.number().nullable() }),
        ),
      }),
    ),
  })
  .openapi('InstrumentSchedules');

export const DueItem = z.object({
  patientId: z.string(),
  patientName: z.string(),
  mrn: z.string(),
  episodeId: z.string(),
  programName: z.string(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  state: z.enum(['due', 'overdue']),
  dueOn: z.string(),
  lastGivenOn: z.string().nullable(),
});

export const DueList = z
  .object({ items: z.array(DueItem), page: z.number(), pageSize: z.number(), total: z.number() })
  .openapi('MeasurementDueList');

export const CreateResultRequest = z
  .strictObject({
    instrumentId: z.string().max(40),
    answers: z.record(z.string().max(40), z.number().nullable()),
    episodeId: z.uuid('Must be a UUID.').optional(),
    administeredOn: IsoDate.optional(),
  })
  .openapi('CreateInstrumentResult');

export const PortalResultRequest = z
  .strictObject({
    instrumentId: z.string().max(40),
    answers: z.record(z.string().max(40), z.number().nullable()),
  })
  .openapi('PortalInstrumentResult');

export const UrgentTaskSummary = z.object({ id: z.string(), type: z.string(), status: z.string() });

export const InstrumentResult = z
  .object({
    id: z.string(),
    patientId: z.string(),
    episodeId: z.string(),
    instrumentId: z.string(),
    instrumentName: z.string(),
    instrumentVersion: z.string(),
    answers: z.record(z.string(), z.number()),
    total: z.number().nullable(),
    subscales: z.record(z.string(), z.number()).nullable(),
    bandId: z.string(),
    bandLabel: z.string(),
    riskFlags: z.array(z.string()),
    administeredOn: z.string(),
    enteredVia: z.string(),
    enteredBy: z.string(),
    enteredByName: z.string().optional(),
    createdAt: z.string(),
    urgentTask: UrgentTaskSummary.nullable().optional(),
  })
  .openapi('InstrumentResult');

export const InstrumentTrend = z.object({
  instrumentId: z.string(),
  instrumentName: z.string(),
  baseline: z.number().nullable(),
  latest: z.number().nullable(),
  changeSinceIntake: z.number().nullable(),
  /** PHQ-9 and GAD-7: response (≥ 50% drop); PHQ-9 also ≥ 5-point improvement and remission. */
  response: z
    .object({
      response: z.boolean(),
      percentChange: z.number().nullable(),
      clinicallySignificantImprovement: z.boolean().optional(),
      remission: z.boolean().optional(),
    })
    .nullable(),
});

export const PatientResults = z
  .object({
    episodeId: z.string().nullable(),
    items: z.array(InstrumentResult),
    trends: z.array(InstrumentTrend),
  })
  .openapi('PatientInstrumentResults');

export const UrgentTask = z
  .object({
    id: z.string(),
    type: z.string(),
    status: z.string(),
    patientId: z.string(),
    patientName: z.string(),
    mrn: z.string(),
    episodeId: z.string(),
    resultId: z.string(),
    instrumentId: z.string(),
    instrumentName: z.string(),
    total: z.number().nullable(),
    bandLabel: z.string(),
    administeredOn: z.string(),
    enteredVia: z.string(),
    assignedTo: z.string().nullable(),
    createdAt: z.string(),
    acknowledgedBy: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    acknowledgeNote: z.string().nullable(),
  })
  .openapi('UrgentTask');

export const UrgentTaskList = z
  .object({
    items: z.array(UrgentTask),
    page: z.number().optional(),
    pageSize: z.number().optional(),
    total: z.number(),
  })
  .openapi('UrgentTaskList');

export const AcknowledgeRequest = z
  .strictObject({ note: z.string().trim().max(2000).optional() })
  .openapi('AcknowledgeUrgentTask');

export const ProgramOutcomes = z
  .object({
    items: z.array(
      z.object({
        programId: z.string(),
        programName: z.string(),
        instrumentId: z.string(),
        instrumentName: z.string(),
        patients: z.number(),
        averageChange: z.number().nullable(),
        responders: z.number(),
      }),
    ),
  })
  .openapi('MeasurementOutcomes');

const PortalItem = z.object({
  id: z.string(),
  number: z.number(),
  part: z.string().optional(),
  text: z.string(),
  options: z.array(z.object({ value: z.number(), label: z.string() })),
  askedWhen: z.object({ itemId: z.string(), atLeast: z.number() }).optional(),
});

export const PortalDueInstruments = z
  .object({
    items: z.array(
      z.object({
        instrumentId: z.string(),
        name: z.string(),
        shortName: z.string(),
        instructions: z.string(),
        state: z.enum(['due', 'overdue']),
        dueOn: z.string(),
        items: z.array(PortalItem),
      }),
    ),
  })
  .openapi('PortalDueInstruments');

export const PortalResultAnswer = z
  .object({
    id: z.string(),
    instrumentId: z.string(),
    instrumentName: z.string(),
    administeredOn: z.string(),
    /** The 24-hour crisis line is shown right away when an answer raised a suicide-risk task. */
    showCrisisLine: z.boolean(),
    careTeamNotified: z.boolean(),
  })
  .openapi('PortalResultAnswer');
