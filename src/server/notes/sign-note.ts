import type { z } from '@hono/zod-openapi';
import type { NoteType } from '../../domain/documentation/note-types';
import { AppError } from '../platform/errors';
import { type PatientContext, versionedUpdate } from '../platform/http/route-wrappers';
import { notAMemberCopy, noteAnswer, onlyTheAuthor, readNote } from './chart-note';
import { checkBody } from './draft-body';
import { lateEntry, transition } from './note-rules';
import type { SignRequest } from './notes.schema';
import { updateNote } from './notes.store';
import { cosignatureColumns, reauthenticate, signatureColumns } from './reauthenticate';

type Proof = z.infer<typeof SignRequest>;

/** The patient's note a signature acts on; a group member's copy is signed through its group note. */
async function noteToSign(ctx: PatientContext<true>, noteId: string, throughGroup: string) {
  const row = await readNote(ctx.tx, ctx.patient.id, noteId);
  notAMemberCopy(row.note, throughGroup, 'sign_through_group_note');
  return row;
}

/**
 * The author signs their draft once every required field is filled: an author with a supervisor waits for the
 * co-signature, anyone else's note locks. Signed past the late-entry threshold, it is marked a late entry.
 */
export async function signNote(ctx: PatientContext<true>, noteId: string, proof: Proof) {
  const { tx, actor, version, now } = ctx;
  const row = await noteToSign(ctx, noteId, 'Sign the group note: its members are signed together.');
  const n = row.note;
  onlyTheAuthor(actor, n, 'sign');
  transition(n.status, 'sign');
  checkBody(n.noteType as NoteType, n.body, true);
  const signer = await reauthenticate(tx, actor.userId, proof, now);
  const status = transition(n.status, 'sign', signer.supervisorUserId !== null);
  const changes = {
    status,
    supervisorId: signer.supervisorUserId,
    ...signatureColumns(signer, now),
    lateEntry: lateEntry(n.serviceAt, now, ctx.deps.config.noteLateEntryHours),
  };
  const saved = await versionedUpdate(updateNote(tx, n.id, version, changes, now), n);
  await ctx.audit('note.sign', 'note', n.id, { status, method: signer.method, lateEntry: saved.lateEntry });
  return noteAnswer(tx, row, saved);
}

/** The author's supervisor co-signs a note awaiting co-signature; it locks. */
export async function cosignNote(ctx: PatientContext<true>, noteId: string, proof: Proof) {
  const { tx, actor, version, now } = ctx;
  const row = await noteToSign(ctx, noteId, 'Co-sign the group note.');
  const n = row.note;
  const status = transition(n.status, 'cosign');
  if (n.supervisorId !== actor.userId) {
    throw AppError.forbidden("Only the author's supervisor may co-sign this note.", 'not_supervisor');
  }
  const signer = await reauthenticate(tx, actor.userId, proof, now);
  const changes = { status, ...cosignatureColumns(signer, now) };
  const saved = await versionedUpdate(updateNote(tx, n.id, version, changes, now), n);
  await ctx.audit('note.cosign', 'note', n.id);
  return noteAnswer(tx, row, saved);
}
