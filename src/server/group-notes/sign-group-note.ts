import type { z } from '@hono/zod-openapi';
import {
  cosignatureColumns,
  lateEntry,
  reauthenticate,
  type SignRequest,
  setMembersLifecycle,
  signatureColumns,
  transition,
  updateGroupNote,
} from '../notes';
import { AppError } from '../platform/errors';
import { type SiteContext, versionedUpdate } from '../platform/http/route-wrappers';
import { staleVersion } from '../platform/http/versioning';
import { auditMembers, everyMember, groupJson, type LoadedGroup, loadGroup } from './group-note';
import { signingProblems } from './signing-problems';

type Proof = z.infer<typeof SignRequest>;
type Lifecycle = Parameters<typeof setMembersLifecycle>[2] & Parameters<typeof updateGroupNote>[3];

/** The group note and every member's copy take the same lifecycle change, at the version the client read. */
async function applyToAll(ctx: SiteContext<true>, loaded: LoadedGroup, lifecycle: Lifecycle) {
  const { tx, version, now } = ctx;
  await versionedUpdate(updateGroupNote(tx, loaded.group.id, version, lifecycle, now), loaded.group);
  await setMembersLifecycle(tx, loaded.group.id, lifecycle, now);
}

/**
 * The author signs for every member, once no field is missing, no two member parts read the same and no part
 * names another member: a supervised author waits for the co-signature, anyone else's note locks.
 */
export async function signGroupNote(ctx: SiteContext<true>, groupNoteId: string, proof: Proof) {
  const { tx, actor, site, version, now } = ctx;
  const loaded = await loadGroup(tx, site.id, groupNoteId);
  if (loaded.group.authorId !== actor.userId) {
    throw AppError.forbidden("Only the note's author may sign it.", 'not_author');
  }
  transition(loaded.group.status, 'sign');
  if (loaded.group.version !== version) throw staleVersion(loaded.group.version);
  const problem = signingProblems(loaded);
  if (problem) throw problem;
  const signer = await reauthenticate(tx, actor.userId, proof, now);
  const status = transition(loaded.group.status, 'sign', signer.supervisorUserId !== null);
  const lifecycle = {
    status,
    supervisorId: signer.supervisorUserId,
    ...signatureColumns(signer, now),
    lateEntry: lateEntry(loaded.group.serviceAt, now, ctx.deps.config.noteLateEntryHours),
  };
  await applyToAll(ctx, loaded, lifecycle);
  await auditMembers(ctx, loaded.group, everyMember(loaded), 'group_note.sign', {
    status,
    method: signer.method,
    lateEntry: lifecycle.lateEntry,
  });
  return groupJson(await loadGroup(tx, site.id, groupNoteId));
}

/** The author's supervisor co-signs a group note awaiting co-signature; it locks for every member. */
export async function cosignGroupNote(ctx: SiteContext<true>, groupNoteId: string, proof: Proof) {
  const { tx, actor, site, now } = ctx;
  const loaded = await loadGroup(tx, site.id, groupNoteId);
  const status = transition(loaded.group.status, 'cosign');
  if (loaded.group.supervisorId !== actor.userId) {
    throw AppError.forbidden("Only the author's supervisor may co-sign this note.", 'not_supervisor');
  }
  const signer = await reauthenticate(tx, actor.userId, proof, now);
  await applyToAll(ctx, loaded, { status, ...cosignatureColumns(signer, now) });
  await auditMembers(ctx, loaded.group, everyMember(loaded), 'group_note.cosign');
  return groupJson(await loadGroup(tx, site.id, groupNoteId));
}
