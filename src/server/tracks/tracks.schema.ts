import { z } from '@hono/zod-openapi';
import { visibleText } from '../platform/http/safe-text';

export const Track = z
  .object({
    id: z.string(),
    programId: z.string(),
    name: z.string(),
    timeOfDay: z.enum(['day', 'evening', 'weekend']),
    modality: z.enum(['in_person', 'virtual', 'hybrid']),
    capacity: z.number(),
    members: z.number(),
  })
  .openapi('Track');

export const CreateTrack = z
  .strictObject({
    name: visibleText(120),
    timeOfDay: z.enum(['day', 'evening', 'weekend']),
    modality: z.enum(['in_person', 'virtual', 'hybrid']),
    // At most 15: larger groups lose the therapeutic benefit (SAMHSA TIP 41, Substance Abuse Treatment: Group Therapy, on group size).
    capacity: z.number().int().min(1).max(15, 'Must be 15 or fewer.').default(12),
  })
  .openapi('CreateTrack');
