import { z } from '@hono/zod-openapi';
import { noteText } from '../notes';

export const CreatePsychotherapyNoteRequest = z
  .strictObject({
    episodeId: z.uuid('Must be a UUID.'),
    sessionId: z.uuid('Must be a UUID.').nullable().optional(),
    text: noteText(20_000),
    /** Other staff the author lets read this note (for example a supervisor); nobody else ever can. */
    grantedUserIds: z.array(z.uuid('Must be a UUID.')).max(10).default([]),
  })
  .openapi('CreatePsychotherapyNote');

export const PsychotherapyNote = z
  .object({
    id: z.string(),
    patientId: z.string(),
    episodeId: z.string(),
    sessionId: z.string().nullable(),
    authorId: z.string(),
    text: z.string(),
    grantedUserIds: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi('PsychotherapyNote');

export const PsychotherapyNoteList = z
  .object({ items: z.array(PsychotherapyNote) })
  .openapi('PsychotherapyNoteList');
