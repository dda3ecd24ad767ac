import { z } from '@hono/zod-openapi';

/** A weekly hour band: at least, and (when not open-ended) less than. */
export const HourBandSchema = z.object({
  atLeastHours: z.number().min(0).max(80),
  lessThanHours: z.number().min(0).max(80).nullable(),
});

export const ProgramSettings = z
  .object({
    programId: z.string(),
    name: z.string(),
    kind: z.enum(['outpatient', 'iop', 'php']),
    population: z.enum(['adult', 'adolescent']),
    weekStartsOn: z.number(),
    timeZone: z.string(),
    band: HourBandSchema,
    configured: z.boolean(),
    /** Send as If-Match when saving (0 until first saved). */
    version: z.number(),
  })
  .openapi('ProgramSettings');

export const SaveProgramSettings = z
  .strictObject({
    weekStartsOn: z.number().int().min(1).max(7),
    timeZone: z.string().min(1).max(64),
    band: z
      .strictObject({
        atLeastHours: z.number().int().min(0).max(80),
        lessThanHours: z.number().int().min(1).max(80).nullable(),
      })
      .optional(),
  })
  .openapi('SaveProgramSettings');

/** A calendar day as requests name it. */
export const CalendarDay = z.iso.date({ message: 'Must be a date, YYYY-MM-DD.' });
