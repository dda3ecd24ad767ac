import { z } from '@hono/zod-openapi';

export const Curriculum = z
  .object({
    trackId: z.string(),
    version: z.number(),
    topics: z.array(z.object({ id: z.string(), position: z.number(), title: z.string() })),
  })
  .openapi('Curriculum');

export const SaveCurriculum = z
  .strictObject({
    topics: z
      .array(z.strictObject({ id: z.uuid().optional(), title: z.string().trim().min(1).max(200) }))
      .max(60),
  })
  .openapi('SaveCurriculum');
