import type { z } from '@hono/zod-openapi';
import { attachObjectives, setMemberPart, transition, updateGroupNote } from '../notes';
import { AppError, type FieldError } from '../platform/errors';
import { type SiteContext, versionedUpdate } from '../platform/http/route-wrappers';
import { auditMembers, everyMember, groupJson, type LoadedGroup, loadGroup } from './group-note';
import type { UpdateGroupNoteRequest } from './group-notes.schema';

type Input = z.infer<typeof UpdateGroupNoteRequest>;

/**
 * Each listed member's new part, whole: only a member present at the session has one, and its objective
 * progress names objectives of that member's own plan. Every problem at once, as 422 fields.
 */
function memberUpdates(loaded: LoadedGroup, members: NonNullable<Input['members']>) {
  const fields: FieldError[] = [];
  const updates: { noteId: string; body: Record<string, unknown> }[] = [];
  members.forEach((m, i) => {
    const member = loaded.members.find((x) => x.note.patientId === m.patientId);
    if (!member) {
      fields.push({
        path: `members.${i}.patientId`,
        message:
          'Was not present at this session (present, late or left early); no part can be written for them.',
      });
      return;
    }
    const { progress, fields: bad } = attachObjectives(
      m.part.objectives,
      loaded.objectivesOf.get(member.note.episodeId) ?? [],
      `members.${i}.part.objectives`,
    );
    fields.push(...bad);
    updates.push({
      noteId: member.note.id,
      body: { ...m.part, ...(progress ? { objectives: progress } : {}) },
    });
  });
  const ids = members.map((m) => m.patientId);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) fields.push({ path: `members.${twice}.patientId`, message: 'Appears twice.' });
  if (fields.length > 0) throw AppError.validation(fields);
  return updates;
}

/**
 * The author saves the draft: the shared fields given are replaced, and each listed member's part is
 * replaced whole (members not listed keep theirs).
 */
export async function saveGroupNote(ctx: SiteContext<true>, groupNoteId: string, input: Input) {
  const { tx, actor, site, version, now } = ctx;
  const loaded = await loadGroup(tx, site.id, groupNoteId);
  transition(loaded.group.status, 'edit');
  if (loaded.group.authorId !== actor.userId) {
    throw AppError.forbidden("Only the note's author may edit it.", 'not_author');
  }
  const members = input.members ?? [];
  const updates = memberUpdates(loaded, members);
  const shared = { ...loaded.group.shared, ...(input.shared ?? {}) };
  await versionedUpdate(updateGroupNote(tx, groupNoteId, version, { shared }, now), loaded.group);
  for (const u of updates) await setMemberPart(tx, u.noteId, u.body, now);
  const changed = members.map((m) => m.patientId);
  await auditMembers(
    ctx,
    loaded.group,
    changed.length > 0 ? changed : everyMember(loaded),
    'group_note.update',
  );
  return groupJson(await loadGroup(tx, site.id, groupNoteId));
}
