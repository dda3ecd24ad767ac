import { z } from '@hono/zod-openapi';
import { CalendarDay as Day } from '../programs';

const TargetSteps = z
  .array(
    z.strictObject({
      fromWeek: z.number().int().min(1),
      toWeek: z.number().int().min(1),
      hours: z.number().min(0).max(40),
    }),
  )
  .min(1)
  .max(52);

export const CreateEnrolment = z
  .strictObject({
    episodeId: z.uuid(),
    trackId: z.uuid(),
    startsOn: Day,
    targetSteps: TargetSteps.optional(),
    /** Medicare IOP coverage: the ledger checks at least 9 h a week whatever the target. */
    medicareCoverage: z.boolean().optional(),
  })
  .openapi('CreateEnrolment');

export const SaveTargetSteps = z.strictObject({ targetSteps: TargetSteps }).openapi('SaveTargetSteps');

export const Enrolment = z
  .object({
    id: z.string(),
    episodeId: z.string(),
    programId: z.string(),
    trackId: z.string(),
    trackName: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    targetSteps: z.array(z.object({ fromWeek: z.number(), toWeek: z.number(), hours: z.number() })),
    medicareCoverage: z.boolean(),
    /** Send as If-Match when changing the target steps. */
    version: z.number(),
  })
  .openapi('Enrolment');

export const TargetStepsSaved = z
  .object({
    enrolment: Enrolment,
    /** The episode's level now (the plan's level for this week). */
    episodeLevel: z.string(),
    /** Level changes the plan wrote to the episode's history, planned ones (later weeks) included. */
    levelChanges: z.array(
      z.object({ fromLevel: z.string().nullable(), toLevel: z.string(), effectiveOn: z.string() }),
    ),
  })
  .openapi('TargetStepsSaved');
