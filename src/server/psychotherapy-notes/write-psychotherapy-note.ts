import type { z } from '@hono/zod-openapi';
import { documentedService } from '../notes';
import { assertStaffOfSite } from '../platform/access/staff-references';
import type { PatientContext } from '../platform/http/route-wrappers';
import type { CreatePsychotherapyNoteRequest } from './psychotherapy-notes.schema';
import { insertPsychotherapyNote } from './psychotherapy-notes.store';
import { psychotherapyNoteJson } from './read-psychotherapy-notes';

/**
 * The therapist writes a psychotherapy note about a session of the patient's episode; the staff they grant
 * (working at the patient's site) are the only other readers.
 */
export async function writePsychotherapyNote(
  ctx: PatientContext,
  input: z.infer<typeof CreatePsychotherapyNoteRequest>,
) {
  const { tx, actor, patient, now } = ctx;
  const found = await documentedService(tx, actor.organizationId, patient.id, input);
  // Readers the author grants work at the patient's site (the author needs no grant).
  await assertStaffOfSite(
    tx,
    found.episode,
    input.grantedUserIds
      .map((userId, i) => ({ path: `grantedUserIds.${i}`, userId }))
      .filter((r) => r.userId !== actor.userId),
    'site_staff',
  );
  const note = await insertPsychotherapyNote(tx, {
    ...found.recordColumns,
    authorId: actor.userId,
    text: input.text,
    grantedUserIds: [...new Set(input.grantedUserIds.filter((id) => id !== actor.userId))],
    createdAt: now,
  });
  await ctx.audit('psychotherapy_note.create', 'psychotherapy_note', note.id);
  return psychotherapyNoteJson(note);
}
