import { z } from '@hono/zod-openapi';
import { CodeSuggestion, GroupMemberPart, GroupSharedPart, noteLifecycle, Part2 } from '../notes';

/** A group note as staff see it: the shared part and every member's part. */
export const UpdateGroupNoteRequest = z
  .strictObject({
    shared: GroupSharedPart.partial().optional(),
    /** Only the members listed change; each must be a member present at the session. */
    members: z
      .array(z.strictObject({ patientId: z.uuid('Must be a UUID.'), part: GroupMemberPart.partial() }))
      .max(30)
      .optional(),
  })
  .openapi('UpdateGroupNote', {
    example: {
      shared: { topic: 'Relapse prevention: high-risk situations' },
      members: [
        {
          patientId: '5b1c8a2e-8f3e-4c55-9a57-0d3c8f0b9e11',
          part: { participation: 'Named two work triggers.', risk: { level: 'none' } },
        },
      ],
    },
  });

export const GroupNote = z
  .object({
    id: z.string(),
    siteId: z.string(),
    programId: z.string(),
    sessionId: z.string(),
    session: z.object({
      localDate: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      minutes: z.number(),
    }),
    shared: GroupSharedPart.partial().describe('The shared part so far (GroupSharedPart once complete).'),
    members: z.array(
      z.object({
        noteId: z.string(),
        patientId: z.string(),
        episodeId: z.string(),
        givenName: z.string(),
        familyName: z.string(),
        preferredName: z.string().nullable(),
        attendanceStatus: z.string().nullable(),
        minutes: z.number().nullable(),
        codeSuggestion: CodeSuggestion,
        part: GroupMemberPart.partial().describe(
          "This member's part so far (GroupMemberPart once complete).",
        ),
        /** The member's treatment-plan objectives to pick from (empty when the episode has no plan). */
        objectives: z.array(z.object({ id: z.string(), description: z.string(), status: z.string() })),
      }),
    ),
    part2: Part2,
    ...noteLifecycle,
  })
  .openapi('GroupNote');
