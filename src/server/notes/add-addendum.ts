import type { z } from '@hono/zod-openapi';
import { otherMemberNames } from '../../domain/documentation/name-leak';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { PatientContext } from '../platform/http/route-wrappers';
import { noteAnswer, readNote } from './chart-note';
import { transition } from './note-rules';
import type { AddendumRequest } from './notes.schema';
import { groupMemberNames, insertAddendum, type NoteRow } from './notes.store';
import { reauthenticate } from './reauthenticate';

/** A member's copy goes to that patient's chart only: its addendum may not name another member of the group. */
async function assertNamesNoOtherMember(tx: Tx, n: NoteRow, text: string) {
  if (!n.groupNoteId) return;
  const everyone = await groupMemberNames(tx, n.groupNoteId);
  const leaks = otherMemberNames(
    everyone.map((m) => ({ ...m, memberId: m.patientId })),
    [{ memberId: n.patientId, text }],
  );
  const [leak] = leaks;
  if (leak) {
    throw new AppError(422, 'other_member_named', 'The addendum names another member of the group.', [
      {
        path: 'text',
        message: `Names another group member ("${leak.name}"); this copy goes to this patient's chart only.`,
      },
    ]);
  }
}

/** A signed addendum to a locked note: the original stays as it was, the addenda show in order. */
export async function addAddendum(
  ctx: PatientContext,
  noteId: string,
  { text, ...proof }: z.infer<typeof AddendumRequest>,
) {
  const { tx, actor, patient, now } = ctx;
  const row = await readNote(tx, patient.id, noteId);
  const n = row.note;
  transition(n.status, 'addendum');
  await assertNamesNoOtherMember(tx, n, text);
  const signer = await reauthenticate(tx, actor.userId, proof, now);
  await insertAddendum(tx, {
    organizationId: n.organizationId,
    siteId: n.siteId,
    patientId: n.patientId,
    noteId: n.id,
    text,
    authorId: signer.userId,
    signedName: signer.name,
    signedCredential: signer.credential,
    signedMethod: signer.method,
    signedAt: now,
  });
  await ctx.audit('note.addendum', 'note', n.id);
  return noteAnswer(tx, row);
}
