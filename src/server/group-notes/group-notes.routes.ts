import { z } from '@hono/zod-openapi';
import { auditRefusedSignature, findGroupNoteOfSession, type RollbackContext, SignRequest } from '../notes';
import type { App } from '../platform/http/app-env';
import { siteParams, undescribedConflict, undescribedConflicts } from '../platform/http/common.schema';
import { siteRoutes } from '../platform/http/route-builder';
import { readPatientRecord, type SiteContext } from '../platform/http/route-wrappers';
import { draftGroupNote } from './draft-group-note';
import { auditMembers, everyMember, groupJson, loadGroup } from './group-note';
import { GroupNote, UpdateGroupNoteRequest } from './group-notes.schema';
import { saveGroupNote } from './save-group-note';
import { cosignGroupNote, signGroupNote } from './sign-group-note';

const SiteSession = siteParams('sessionId');
const SiteGroupNote = siteParams('groupNoteId');

/** Staff read a group note: every member's part, so a read of every member's record. */
async function readGroupNote(ctx: SiteContext, groupNoteId: string) {
  const loaded = await loadGroup(ctx.tx, ctx.site.id, groupNoteId);
  await auditMembers(ctx, loaded.group, everyMember(loaded), 'group_note.read');
  return groupJson(loaded);
}

/** A wrong password or code at signing leaves its trace on the group note after the request rolled back. */
const refusedSignature = (ctx: RollbackContext, error: unknown) =>
  auditRefusedSignature(ctx, { entity: 'group_note', entityId: ctx.c.req.param('groupNoteId') ?? '' }, error);

export function registerGroupNoteRoutes(app: App) {
  const sites = siteRoutes(app, { tags: ['Group notes'] });

  const groupPath = '/api/sites/{siteId}/group-notes/{groupNoteId}';
  const sessionNotePath = '/api/sites/{siteId}/sessions/{sessionId}/group-note';

  sites.post(
    sessionNotePath,
    {
      permission: 'group_note.write',
      status: 201,
      idempotent: true,
      etag: true,
      summary:
        "Draft the session's group note from its attendance: the shared part prefilled (topic, curriculum item, duration) and one member part for each member present, late or left early, with their minutes. Only group_therapy sessions; one note per session (409 group_note_exists with details.groupNoteId). Body: {}. Takes Idempotency-Key.",
      params: SiteSession,
      body: z.strictObject({}).openapi('CreateGroupNote'),
      ok: [GroupNote, 'The draft'],
      responses: undescribedConflict,
    },
    (ctx, { param }) => draftGroupNote(ctx, param.sessionId),
  );

  sites.get(
    sessionNotePath,
    {
      permission: 'group_note.write',
      etag: true,
      summary: "The session's group note (staff view: every member's part), if drafted",
      params: SiteSession,
      ok: [GroupNote, 'The group note'],
    },
    async (ctx, { param }) => {
      const existing = await readPatientRecord(
        findGroupNoteOfSession(ctx.tx, ctx.site.id, param.sessionId),
        'The group note',
      );
      return readGroupNote(ctx, existing.id);
    },
  );

  sites.get(
    groupPath,
    {
      permission: 'group_note.write',
      etag: true,
      summary:
        "A group note, staff view: the shared part and every member's part with the objectives of each member's own plan to pick from (ETag carries the version)",
      params: SiteGroupNote,
      ok: [GroupNote, 'The group note'],
    },
    (ctx, { param }) => readGroupNote(ctx, param.groupNoteId),
  );

  sites.put(
    groupPath,
    {
      permission: 'group_note.write',
      versioned: true,
      summary:
        "The author saves the draft: fields of the shared part given are replaced; each listed member's part is replaced whole (members not listed keep theirs). Needs If-Match (409 version_conflict: nothing saved). A member not present at the session → 422 members.N.patientId; an objective not in that member's own plan → 422 members.N.part.objectives.M.objectiveId.",
      params: SiteGroupNote,
      body: UpdateGroupNoteRequest,
      ok: [GroupNote, 'Saved'],
      responses: undescribedConflicts,
    },
    (ctx, { param, json }) => saveGroupNote(ctx, param.groupNoteId, json),
  );

  const signing = [
    {
      step: 'sign',
      permission: 'group_note.write',
      summary:
        'The author signs the group note for every member (password or authenticator code); needs If-Match. Refused with 422 naming the members (fields members.N.part) when parts are identical or ≥ 90% similar (code member_parts_too_similar) or a part names another member (other_member_named); incomplete fields → 422 validation_failed. Supervised author → awaiting_cosignature, else locked; late entry after 72 h.',
      answered: 'Signed',
      run: signGroupNote,
    },
    {
      step: 'cosign',
      permission: 'group_note.cosign',
      summary:
        "The author's supervisor co-signs a group note awaiting co-signature (password or authenticator code); it locks for every member. Needs If-Match. Anyone else → 403 not_supervisor.",
      answered: 'Co-signed',
      run: cosignGroupNote,
    },
  ] as const;
  for (const s of signing) {
    sites.post(
      `${groupPath}/${s.step}`,
      {
        permission: s.permission,
        versioned: true,
        afterRollback: refusedSignature,
        summary: s.summary,
        params: SiteGroupNote,
        body: SignRequest,
        ok: [GroupNote, s.answered],
        responses: undescribedConflicts,
      },
      (ctx, { param, json }) => s.run(ctx, param.groupNoteId, json),
    );
  }
}
