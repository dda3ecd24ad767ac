import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { membersNamedInSharedText, otherMemberNames } from '../../domain/documentation/name-leak';
import { noteCodeSuggestion } from '../../domain/documentation/note-types';
import { nearlyIdenticalParts } from '../../domain/documentation/part-similarity';
import { isPart2Program } from '../../domain/documentation/part2-label';
import { appendAudit } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError, type FieldError } from '../platform/errors';
import type { App, AppEnv } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { idempotent } from '../platform/http/idempotency';
import { etag, requiredVersion, staleVersion } from '../platform/http/versioning';
import { GroupMemberPart, GroupSharedPart } from './note-bodies.schema';
import { lifecycleJson, part2Json } from './note-json';
import {
  attachObjectives,
  issuesToFields,
  lateEntry,
  partText,
  planObjectives,
  transition,
} from './note-rules';
import { GroupNote, SignRequest, UpdateGroupNoteRequest } from './notes.schema';
import {
  findGroupNote,
  findGroupNoteOfSession,
  findSessionForNote,
  groupMembers,
  insertGroupNote,
  insertNotes,
  plansOfEpisodes,
  presentMembers,
  setMemberPart,
  setMembersLifecycle,
  updateGroupNote,
} from './notes.store';
import {
  auditingRefusedSignature,
  cosignatureColumns,
  reauthenticate,
  signatureColumns,
} from './reauthenticate';

const tags = ['Group notes'];
const conflictResponses = { 409: errorResponses[422], 428: errorResponses[422] };
const SiteSession = z.object({ siteId: UuidParam('siteId'), sessionId: UuidParam('sessionId') });
const SiteGroupNote = z.object({ siteId: UuidParam('siteId'), groupNoteId: UuidParam('groupNoteId') });
type GroupNoteJson = z.infer<typeof GroupNote>;

async function loadGroup(tx: Tx, siteId: string, id: string) {
  const found = await findGroupNote(tx, siteId, id);
  if (!found) throw AppError.notFound('The group note');
  const members = await groupMembers(tx, id);
  const plans = await plansOfEpisodes(
    tx,
    members.map((m) => m.note.episodeId),
  );
  const objectivesOf = new Map(plans.map((p) => [p.episodeId, planObjectives(p.document)]));
  return { ...found, members, objectivesOf };
}
type LoadedGroup = Awaited<ReturnType<typeof loadGroup>>;

function groupJson(g: LoadedGroup): GroupNoteJson {
  return {
    id: g.group.id,
    siteId: g.group.siteId,
    programId: g.group.programId,
    sessionId: g.group.sessionId,
    session: {
      localDate: g.session.localDate,
      startsAt: g.session.startsAt.toISOString(),
      endsAt: g.session.endsAt.toISOString(),
      minutes: g.session.minutes,
    },
    shared: g.group.shared,
    members: g.members.map((m) => ({
      noteId: m.note.id,
      patientId: m.note.patientId,
      episodeId: m.note.episodeId,
      givenName: m.givenName,
      familyName: m.familyName,
      preferredName: m.preferredName,
      attendanceStatus: m.note.attendanceStatus,
      minutes: m.note.minutes,
      codeSuggestion: noteCodeSuggestion('group_therapy', m.note.minutes),
      part: m.note.body,
      objectives: g.objectivesOf.get(m.note.episodeId) ?? [],
    })),
    part2: part2Json(isPart2Program(g.programKind)),
    ...lifecycleJson(g.group, g.author),
  };
}

/** One audit row per member: a group note is a read or write of every member's record. */
async function auditMembers(
  c: Context<AppEnv>,
  tx: Tx,
  g: { siteId: string; id: string },
  patientIds: string[],
  action: string,
  detail?: Record<string, unknown>,
) {
  await appendAudit(
    tx,
    auditActor(c),
    patientIds.map((patientId) => ({
      action,
      entity: 'group_note',
      entityId: g.id,
      patientId,
      siteId: g.siteId,
      detail,
    })),
    c.var.deps.now(),
  );
}

const memberName = (m: LoadedGroup['members'][number]) => `${m.givenName} ${m.familyName}`;

/**
 * What must hold before a group note is signed: every field filled, no two member parts that read the same
 * (≥ 0.90 similar), and no member named in another member's part or in the shared part. All problems at once.
 */
function signingProblems(g: LoadedGroup): AppError | null {
  const fields: FieldError[] = [];
  const shared = GroupSharedPart.safeParse(g.group.shared);
  if (!shared.success) fields.push(...issuesToFields(shared.error, 'shared'));
  g.members.forEach((m, i) => {
    const part = GroupMemberPart.safeParse(m.note.body);
    if (!part.success) {
      fields.push(
        ...issuesToFields(part.error, `members.${i}.part`).map((f) => ({
          ...f,
          message: `${memberName(m)}: ${f.message}`,
        })),
      );
    }
  });
  if (fields.length > 0) {
    return AppError.validation(fields, 'Fill in every required field before signing.');
  }
  const names = g.members.map((m) => ({
    memberId: m.note.patientId,
    givenName: m.givenName,
    familyName: m.familyName,
    preferredName: m.preferredName,
  }));
  const index = new Map(g.members.map((m, i) => [m.note.patientId, i]));
  const byId = new Map(g.members.map((m) => [m.note.patientId, m]));
  const parts = g.members.map((m) => ({
    memberId: m.note.patientId,
    text: partText(m.note.body),
    ownNames: [m.givenName, m.familyName, m.preferredName ?? ''].filter(Boolean),
  }));
  const similar = nearlyIdenticalParts(parts);
  for (const pair of similar) {
    for (const [self, other] of [pair.memberIds, [pair.memberIds[1], pair.memberIds[0]]] as const) {
      fields.push({
        path: `members.${index.get(self)}.part`,
        message: `${memberName(byId.get(self)!)}: reads the same as ${memberName(byId.get(other)!)}'s part (${Math.round(pair.similarity * 100)}% similar). Individualize it.`,
      });
    }
  }
  const leaks = otherMemberNames(names, parts);
  for (const leak of leaks) {
    fields.push({
      path: `members.${index.get(leak.memberId)}.part`,
      message: `${memberName(byId.get(leak.memberId)!)}: names another member ("${leak.name}"). Each member's copy goes to their own chart.`,
    });
  }
  const sharedText = partText({ ...g.group.shared, interventions: undefined });
  for (const leak of membersNamedInSharedText(names, sharedText)) {
    fields.push({
      path: 'shared',
      message: `Names a member ("${leak.name}"); the shared part goes to every member's chart.`,
    });
  }
  if (fields.length === 0) return null;
  const code = similar.length > 0 ? 'member_parts_too_similar' : 'other_member_named';
  return new AppError(
    422,
    code,
    similar.length > 0
      ? 'Some member parts are identical or nearly identical; payers deny such notes. Individualize them.'
      : "A member's copy names another member; fix it before signing.",
    fields,
    {
      similarPairs: similar.map((p) => ({ patientIds: p.memberIds, similarity: p.similarity })),
      nameLeaks: leaks.map((l) => ({ patientId: l.memberId, namedPatientId: l.namedMemberId })),
    },
  );
}

export function registerGroupNoteRoutes(app: App) {
  const groupPath = '/api/sites/{siteId}/group-notes/{groupNoteId}';
  const sessionNotePath = '/api/sites/{siteId}/sessions/{sessionId}/group-note';

  defineRoute(
    app,
    {
      permission: 'group_note.write',
      route: createRoute({
        method: 'post',
        path: sessionNotePath,
        tags,
        summary:
          "Draft the session's group note from its attendance: the shared part prefilled (topic, curriculum item, duration) and one member part for each member present, late or left early, with their minutes. Only group_therapy sessions; one note per session (409 group_note_exists with details.groupNoteId). Body: {}. Takes Idempotency-Key.",
        request: { params: SiteSession, body: jsonBody(z.strictObject({}).openapi('CreateGroupNote')) },
        responses: { 201: jsonResponse(GroupNote, 'The draft'), 409: errorResponses[422], ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, sessionId } = c.req.valid('param');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const answer = await db.tx((tx) =>
        idempotent(c, tx, { sessionId }, async () => {
          const found = await findSessionForNote(tx, siteId, sessionId);
          if (!found) throw AppError.notFound('The session');
          const s = found.session;
          if (s.cancelledAt) throw AppError.conflict('The session was cancelled.', 'session_cancelled');
          if (s.sessionType !== 'group_therapy') {
            throw AppError.validation([
              {
                path: 'sessionId',
                message: `Is a ${s.sessionType} session; group notes document group therapy.`,
              },
            ]);
          }
          const existing = await findGroupNoteOfSession(tx, siteId, sessionId);
          if (existing) {
            throw AppError.conflict('This session already has a group note.', 'group_note_exists', {
              groupNoteId: existing.id,
            });
          }
          // A transfer on the session day can leave two enrolments: one member part per patient.
          const present = (await presentMembers(tx, s)).filter(
            (m, i, all) => all.findIndex((x) => x.patientId === m.patientId) === i,
          );
          if (present.length === 0) {
            throw AppError.conflict(
              'No member is recorded as present: take attendance first.',
              'no_members_present',
            );
          }
          const at = now();
          const group = await insertGroupNote(tx, {
            organizationId: p.organizationId,
            siteId,
            programId: s.programId,
            sessionId,
            shared: {
              topic: found.topicTitle ?? s.topic ?? undefined,
              curriculumItem: found.topicTitle ?? null,
              interventions: [],
              durationMinutes: s.minutes,
            },
            authorId: p.userId,
            serviceAt: s.endsAt,
            createdAt: at,
            updatedAt: at,
          });
          if (!group) {
            throw AppError.conflict('This session already has a group note.', 'group_note_exists');
          }
          await insertNotes(
            tx,
            present.map((m) => ({
              organizationId: p.organizationId,
              siteId,
              patientId: m.patientId,
              episodeId: m.episodeId,
              sessionId,
              groupNoteId: group.id,
              noteType: 'group_therapy',
              body: {},
              minutes: m.minutes,
              attendanceStatus: m.status,
              part2: isPart2Program(found.programKind),
              authorId: p.userId,
              serviceAt: s.endsAt,
              createdAt: at,
              updatedAt: at,
            })),
          );
          await auditMembers(
            c,
            tx,
            group,
            present.map((m) => m.patientId),
            'group_note.create',
          );
          return { status: 201, body: groupJson(await loadGroup(tx, siteId, group.id)) };
        }),
      );
      c.header('ETag', etag((answer.body as GroupNoteJson).version));
      return c.json(answer.body as GroupNoteJson, 201);
    },
  );

  defineRoute(
    app,
    {
      permission: 'group_note.write',
      route: createRoute({
        method: 'get',
        path: sessionNotePath,
        tags,
        summary: "The session's group note (staff view: every member's part), if drafted",
        request: { params: SiteSession },
        responses: { 200: jsonResponse(GroupNote, 'The group note'), ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, sessionId } = c.req.valid('param');
      const g = await c.var.deps.db.tx(async (tx) => {
        const existing = await findGroupNoteOfSession(tx, siteId, sessionId);
        if (!existing) throw AppError.notFound('The group note');
        const loaded = await loadGroup(tx, siteId, existing.id);
        await auditMembers(
          c,
          tx,
          loaded.group,
          loaded.members.map((m) => m.note.patientId),
          'group_note.read',
        );
        return loaded;
      });
      c.header('ETag', etag(g.group.version));
      return c.json(groupJson(g), 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'group_note.write',
      route: createRoute({
        method: 'get',
        path: groupPath,
        tags,
        summary:
          "A group note, staff view: the shared part and every member's part with the objectives of each member's own plan to pick from (ETag carries the version)",
        request: { params: SiteGroupNote },
        responses: { 200: jsonResponse(GroupNote, 'The group note'), ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, groupNoteId } = c.req.valid('param');
      const g = await c.var.deps.db.tx(async (tx) => {
        const loaded = await loadGroup(tx, siteId, groupNoteId);
        await auditMembers(
          c,
          tx,
          loaded.group,
          loaded.members.map((m) => m.note.patientId),
          'group_note.read',
        );
        return loaded;
      });
      c.header('ETag', etag(g.group.version));
      return c.json(groupJson(g), 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'group_note.write',
      route: createRoute({
        method: 'put',
        path: groupPath,
        tags,
        summary:
          "The author saves the draft: fields of the shared part given are replaced; each listed member's part is replaced whole (members not listed keep theirs). Needs If-Match (409 version_conflict: nothing saved). A member not present at the session → 422 members.N.patientId; an objective not in that member's own plan → 422 members.N.part.objectives.M.objectiveId.",
        request: { params: SiteGroupNote, body: jsonBody(UpdateGroupNoteRequest) },
        responses: { 200: jsonResponse(GroupNote, 'Saved'), ...conflictResponses, ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, groupNoteId } = c.req.valid('param');
      const input = c.req.valid('json');
      const version = requiredVersion(c);
      const { db, now } = c.var.deps;
      const g = await db.tx(async (tx) => {
        const loaded = await loadGroup(tx, siteId, groupNoteId);
        transition(loaded.group.status, 'edit');
        if (loaded.group.authorId !== c.var.principal!.userId) {
          throw AppError.forbidden("Only the note's author may edit it.", 'not_author');
        }
        const fields: FieldError[] = [];
        const updates: { noteId: string; body: Record<string, unknown> }[] = [];
        (input.members ?? []).forEach((m, i) => {
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
        const ids = (input.members ?? []).map((m) => m.patientId);
        const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
        if (twice >= 0) fields.push({ path: `members.${twice}.patientId`, message: 'Appears twice.' });
        if (fields.length > 0) throw AppError.validation(fields);
        const at = now();
        const saved = await updateGroupNote(
          tx,
          groupNoteId,
          version,
          { shared: { ...loaded.group.shared, ...(input.shared ?? {}) } },
          at,
        );
        if (!saved) throw staleVersion(loaded.group.version);
        for (const u of updates) await setMemberPart(tx, u.noteId, u.body, at);
        await auditMembers(
          c,
          tx,
          loaded.group,
          ids.length > 0 ? ids : loaded.members.map((m) => m.note.patientId),
          'group_note.update',
        );
        return loadGroup(tx, siteId, groupNoteId);
      });
      c.header('ETag', etag(g.group.version));
      return c.json(groupJson(g), 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'group_note.write',
      route: createRoute({
        method: 'post',
        path: `${groupPath}/sign`,
        tags,
        summary:
          'The author signs the group note for every member (password or authenticator code); needs If-Match. Refused with 422 naming the members (fields members.N.part) when parts are identical or ≥ 90% similar (code member_parts_too_similar) or a part names another member (other_member_named); incomplete fields → 422 validation_failed. Supervised author → awaiting_cosignature, else locked; late entry after 72 h.',
        request: { params: SiteGroupNote, body: jsonBody(SignRequest) },
        responses: { 200: jsonResponse(GroupNote, 'Signed'), ...conflictResponses, ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, groupNoteId } = c.req.valid('param');
      const proof = c.req.valid('json');
      const version = requiredVersion(c);
      const { db, now, config } = c.var.deps;
      const g = await auditingRefusedSignature(
        c,
        { entity: 'group_note', entityId: groupNoteId, siteId, patientId: null },
        () =>
          db.tx(async (tx) => {
            const loaded = await loadGroup(tx, siteId, groupNoteId);
            if (loaded.group.authorId !== c.var.principal!.userId) {
              throw AppError.forbidden("Only the note's author may sign it.", 'not_author');
            }
            transition(loaded.group.status, 'sign');
            if (loaded.group.version !== version) throw staleVersion(loaded.group.version);
            const problem = signingProblems(loaded);
            if (problem) throw problem;
            const signer = await reauthenticate(tx, c.var.principal!.userId, proof, now());
            const at = now();
            const status = transition(loaded.group.status, 'sign', signer.supervisorUserId !== null);
            const lifecycle = {
              status,
              supervisorId: signer.supervisorUserId,
              ...signatureColumns(signer, at),
              lateEntry: lateEntry(loaded.group.serviceAt, at, config.noteLateEntryHours),
            };
            const saved = await updateGroupNote(tx, groupNoteId, version, lifecycle, at);
            if (!saved) throw staleVersion(loaded.group.version);
            await setMembersLifecycle(tx, groupNoteId, lifecycle, at);
            await auditMembers(
              c,
              tx,
              loaded.group,
              loaded.members.map((m) => m.note.patientId),
              'group_note.sign',
              { status, method: signer.method, lateEntry: lifecycle.lateEntry },
            );
            return loadGroup(tx, siteId, groupNoteId);
          }),
      );
      c.header('ETag', etag(g.group.version));
      return c.json(groupJson(g), 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'group_note.cosign',
      route: createRoute({
        method: 'post',
        path: `${groupPath}/cosign`,
        tags,
        summary:
          "The author's supervisor co-signs a group note awaiting co-signature (password or authenticator code); it locks for every member. Needs If-Match. Anyone else → 403 not_supervisor.",
        request: { params: SiteGroupNote, body: jsonBody(SignRequest) },
        responses: { 200: jsonResponse(GroupNote, 'Co-signed'), ...conflictResponses, ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId, groupNoteId } = c.req.valid('param');
      const proof = c.req.valid('json');
      const version = requiredVersion(c);
      const { db, now } = c.var.deps;
      const g = await auditingRefusedSignature(
        c,
        { entity: 'group_note', entityId: groupNoteId, siteId, patientId: null },
        () =>
          db.tx(async (tx) => {
            const loaded = await loadGroup(tx, siteId, groupNoteId);
            const status = transition(loaded.group.status, 'cosign');
            if (loaded.group.supervisorId !== c.var.principal!.userId) {
              throw AppError.forbidden(
                "Only the author's supervisor may co-sign this note.",
                'not_supervisor',
              );
            }
            const signer = await reauthenticate(tx, c.var.principal!.userId, proof, now());
            const at = now();
            const lifecycle = { status, ...cosignatureColumns(signer, at) };
            const saved = await updateGroupNote(tx, groupNoteId, version, lifecycle, at);
            if (!saved) throw staleVersion(loaded.group.version);
            await setMembersLifecycle(tx, groupNoteId, lifecycle, at);
            await auditMembers(
              c,
              tx,
              loaded.group,
              loaded.members.map((m) => m.note.patientId),
              'group_note.cosign',
            );
            return loadGroup(tx, siteId, groupNoteId);
          }),
      );
      c.header('ETag', etag(g.group.version));
      return c.json(groupJson(g), 200);
    },
  );
}
