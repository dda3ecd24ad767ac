import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { lateEntryDeadline } from '../../domain/documentation/late-entry';
import { otherMemberNames } from '../../domain/documentation/name-leak';
import { mayAuthorNoteType, type NoteType } from '../../domain/documentation/note-types';
import { isPart2Program, PART2_NOTICE } from '../../domain/documentation/part2-label';
import { appendAudit } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { App, AppEnv } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { idempotent } from '../platform/http/idempotency';
import { auditPatient } from '../platform/http/patient-audit';
import { etag, requiredVersion, staleVersion } from '../platform/http/versioning';
import { siteDayStart } from '../sites';
import { noteJson } from './note-json';
import { attachObjectives, issuesToFields, lateEntry, planObjectives, transition } from './note-rules';
import {
  AddendumRequest,
  BillingNoteList,
  CreateNoteRequest,
  GroupSharedPart,
  NOTE_BODIES,
  Note,
  NoteExport,
  NoteList,
  NoteQueue,
  NotesQuery,
  SignRequest,
  UpdateNoteRequest,
} from './notes.schema';
import {
  addendaOf,
  attendanceOf,
  awaitingCosignatureBy,
  draftsOf,
  findEpisodeForNote,
  findNote,
  findSessionForNote,
  groupMemberNames,
  insertAddendum,
  insertNotes,
  listChartNotes,
  type NoteRow,
  plansOfEpisodes,
  updateNote,
} from './notes.store';
import { auditingRefusedSignature, cosignatureColumns, reauthenticate, signatureColumns } from './sign-note';

const tags = ['Notes'];
const conflictResponses = { 409: errorResponses[422], 428: errorResponses[422] };
/** Signed notes: awaiting the supervisor's co-signature or locked. */
const SIGNED = ['awaiting_cosignature', 'locked'];
const PatientParams = z.object({ patientId: UuidParam('patientId') });
const NoteParams = z.object({ patientId: UuidParam('patientId'), noteId: UuidParam('noteId') });

const pascal = (s: string) => s.replace(/(^|_)(\w)/g, (_m, _u, ch: string) => ch.toUpperCase());

/** The note of the patient the guard admitted, with its addenda; 404 when it is not theirs. */
async function loadNote(c: Context<AppEnv>, tx: Tx, noteId: string) {
  const row = await findNote(tx, c.var.patientAccess!.patientId, noteId);
  if (!row) throw AppError.notFound('The note');
  return row;
}

async function noteResponse(tx: Tx, row: Awaited<ReturnType<typeof loadNote>>, note: NoteRow = row.note) {
  return noteJson({ ...row, note }, await addendaOf(tx, [note.id]));
}

function onlyTheAuthor(c: Context<AppEnv>, note: NoteRow, what: string) {
  if (note.authorId !== c.var.principal!.userId) {
    throw AppError.forbidden(`Only the note's author may ${what} it.`, 'not_author');
  }
}

/** Body validation for a draft (any subset) or for signing (every required field), as 422 under "body". */
function checkBody(type: NoteType, body: unknown, complete: boolean) {
  const schema = NOTE_BODIES[type];
  const parsed = (complete ? schema : schema.partial()).safeParse(body);
  if (!parsed.success) throw AppError.validation(issuesToFields(parsed.error, 'body'));
  return parsed.data as Record<string, unknown>;
}

/** Objective progress in the body must name objectives of this episode's own plan. */
async function withObjectives(tx: Tx, episodeId: string, body: Record<string, unknown>) {
  if (!Array.isArray(body.objectives)) return body;
  const [plan] = await plansOfEpisodes(tx, [episodeId]);
  const { progress, fields } = attachObjectives(
    body.objectives as { objectiveId: string }[],
    planObjectives(plan?.document),
    'body.objectives',
  );
  if (fields.length > 0) throw AppError.validation(fields);
  return { ...body, objectives: progress };
}

/**
 * A note written without a session says when the service ended; the late-entry clock starts there, so the
 * author may not move it past now (the server's clock) or before the episode began (its admission day at the
 * site, or its creation when that came first, for intake work before admission).
 */
async function assertServiceWithinEpisode(
  tx: Tx,
  episode: { siteId: string; admittedOn: string | null; createdAt: Date },
  serviceAt: Date,
  now: Date,
) {
  if (serviceAt.getTime() > now.getTime()) {
    throw AppError.validation([{ path: 'serviceAt', message: 'Cannot be in the future.' }]);
  }
  let earliest = episode.createdAt.getTime();
  if (episode.admittedOn) {
    const admissionStart = await siteDayStart(tx, episode.siteId, episode.admittedOn);
    earliest = Math.min(earliest, admissionStart.getTime());
  }
  if (serviceAt.getTime() < earliest) {
    throw AppError.validation([{ path: 'serviceAt', message: 'Cannot be before the episode began.' }]);
  }
}

export function registerNoteRoutes(app: App) {
  // The full body of each note type (what signing requires), published for screens that build the forms.
  for (const [type, schema] of Object.entries(NOTE_BODIES)) {
    const name = type === 'group_therapy' ? 'GroupMemberPart' : `NoteBody${pascal(type)}`;
    app.openAPIRegistry.register(name, schema);
  }
  app.openAPIRegistry.register('GroupSharedPart', GroupSharedPart);
  const notesPath = '/api/patients/{patientId}/notes';
  const notePath = `${notesPath}/{noteId}`;

  defineRoute(
    app,
    {
      permission: 'note.write',
      route: createRoute({
        method: 'post',
        path: notesPath,
        tags,
        summary:
          'Start a draft note of one type (not group therapy: see POST /api/sites/{siteId}/sessions/{sessionId}/group-note). Your role must write that type (nurse → nursing, prescriber → medical_psychiatric, clinician/director → counseling types). Minutes default to the attendance (or session) minutes; serviceAt to the session end. Takes Idempotency-Key.',
        request: { params: PatientParams, body: jsonBody(CreateNoteRequest) },
        responses: { 201: jsonResponse(Note, 'The draft'), ...errorResponses },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const input = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      if (!mayAuthorNoteType(p.role, input.noteType)) {
        throw AppError.forbidden(
          `Your role (${p.role}) does not write ${input.noteType} notes.`,
          'note_type_forbidden',
        );
      }
      const answer = await db.tx((tx) =>
        idempotent(c, tx, input, async () => {
          const found = await findEpisodeForNote(tx, access.patientId, input.episodeId);
          if (!found) {
            throw AppError.validation([{ path: 'episodeId', message: 'Is not an episode of this patient.' }]);
          }
          const at = now();
          let serviceAt: Date;
          let minutes = input.minutes ?? null;
          if (input.sessionId) {
            const s = await findSessionForNote(tx, found.episode.siteId, input.sessionId);
            if (!s)
              throw AppError.validation([
                { path: 'sessionId', message: "Is not a session of this patient's site." },
              ]);
            // The late-entry clock starts when the session ended, not when the author says it did.
            if (input.serviceAt !== undefined && Date.parse(input.serviceAt) !== s.session.endsAt.getTime()) {
              throw AppError.validation([
                { path: 'serviceAt', message: "Comes from the session's end; leave it out." },
              ]);
            }
            serviceAt = s.session.endsAt;
            if (input.minutes === undefined) {
              const a = await attendanceOf(tx, s.session.id, access.patientId);
              minutes = a ? a.minutes : s.session.minutes;
            }
          } else {
            serviceAt = input.serviceAt ? new Date(input.serviceAt) : at;
            await assertServiceWithinEpisode(tx, found.episode, serviceAt, at);
          }
          const body = await withObjectives(
            tx,
            input.episodeId,
            checkBody(input.noteType, input.body, false),
          );
          const [note] = await insertNotes(tx, [
            {
              organizationId: p.organizationId,
              siteId: found.episode.siteId,
              patientId: access.patientId,
              episodeId: input.episodeId,
              sessionId: input.sessionId ?? null,
              noteType: input.noteType,
              body,
              minutes,
              part2: isPart2Program(found.programKind),
              authorId: p.userId,
              serviceAt,
              createdAt: at,
              updatedAt: at,
            },
          ]);
          await auditPatient(c, tx, {
            action: 'note.create',
            entity: 'note',
            entityId: note!.id,
            detail: { noteType: input.noteType },
          });
          const row = await loadNote(c, tx, note!.id);
          return { status: 201, body: await noteResponse(tx, row) };
        }),
      );
      c.header('ETag', etag((answer.body as { version: number }).version));
      return c.json(answer.body as z.infer<typeof Note>, 201);
    },
  );

  // Fixed paths before /notes/{noteId}, so 'billing' and 'export' are never read as a note id.
  defineRoute(
    app,
    {
      permission: 'note.codes',
      route: createRoute({
        method: 'get',
        path: `${notesPath}/billing`,
        tags,
        summary:
          "Billing's view of the patient's signed notes: type, service time, minutes, suggested code, signer's credential — never the text. Psychotherapy notes are not included.",
        request: { params: PatientParams, query: NotesQuery },
        responses: { 200: jsonResponse(BillingNoteList, 'Signed notes'), ...errorResponses },
      }),
    },
    async (c) => {
      const q = c.req.valid('query');
      const access = c.var.patientAccess!;
      const result = await c.var.deps.db.tx(async (tx) => {
        const { rows, total } = await listChartNotes(tx, access.patientId, { ...q, statuses: SIGNED });
        await auditPatient(c, tx, {
          action: 'note.codes',
          entity: 'note',
          entityId: null,
          detail: { noteIds: rows.map((r) => r.note.id) },
        });
        return {
          items: rows.map((r) => {
            const j = noteJson(r, []);
            return {
              id: j.id,
              episodeId: j.episodeId,
              sessionId: j.sessionId,
              noteType: j.noteType,
              serviceAt: j.serviceAt,
              minutes: j.minutes,
              codeSuggestion: j.codeSuggestion,
              status: j.status,
              signedAt: j.signature?.signedAt ?? null,
              signerCredential: j.signature?.credential ?? null,
              lateEntry: j.lateEntry,
              part2: j.part2.applies,
            };
          }),
          page: q.page,
          pageSize: q.pageSize,
          total,
        };
      });
      return c.json(result, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'note.export',
      route: createRoute({
        method: 'get',
        path: `${notesPath}/export`,
        tags,
        summary:
          "Export of the patient's signed chart notes (awaiting co-signature or locked) with addenda and the Part 2 redisclosure notice, for a disclosure the patient consented to. Drafts and psychotherapy notes are never exported.",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(NoteExport, 'Export'), ...errorResponses },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const { db, now } = c.var.deps;
      const result = await db.tx(async (tx) => {
        const { rows, addenda } = await listChartNotes(tx, access.patientId, {
          statuses: SIGNED,
          page: 1,
          pageSize: 1000,
        });
        const items = rows.map((r) => noteJson(r, addenda));
        await auditPatient(c, tx, {
          action: 'note.export',
          entity: 'note',
          entityId: null,
          detail: { noteIds: items.map((n) => n.id) },
        });
        return {
          patientId: access.patientId,
          exportedAt: now().toISOString(),
          part2Notice: items.some((n) => n.part2.applies) ? PART2_NOTICE : null,
          notes: items,
          excluded: 'Psychotherapy notes and unsigned drafts are never exported.',
        };
      });
      return c.json(result, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'note.read',
      route: createRoute({
        method: 'get',
        path: notesPath,
        tags,
        summary:
          "The patient's chart notes, newest first (paginated; optional episodeId). A group note appears as this patient's own copy: shared part + their part. Psychotherapy notes never appear here. Each note carries its 42 CFR Part 2 label.",
        request: { params: PatientParams, query: NotesQuery },
        responses: { 200: jsonResponse(NoteList, 'Notes'), ...errorResponses },
      }),
    },
    async (c) => {
      const q = c.req.valid('query');
      const access = c.var.patientAccess!;
      const result = await c.var.deps.db.tx(async (tx) => {
        const { rows, total, addenda } = await listChartNotes(tx, access.patientId, q);
        await auditPatient(c, tx, {
          action: 'note.list',
          entity: 'note',
          entityId: null,
          detail: { noteIds: rows.map((r) => r.note.id) },
        });
        return { items: rows.map((r) => noteJson(r, addenda)), page: q.page, pageSize: q.pageSize, total };
      });
      return c.json(result, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'note.read',
      route: createRoute({
        method: 'get',
        path: notePath,
        tags,
        summary: 'One chart note with its addenda (ETag carries the version)',
        request: { params: NoteParams },
        responses: { 200: jsonResponse(Note, 'The note'), ...errorResponses },
      }),
    },
    async (c) => {
      const { noteId } = c.req.valid('param');
      const note = await c.var.deps.db.tx(async (tx) => {
        const row = await loadNote(c, tx, noteId);
        await auditPatient(c, tx, { action: 'note.read', entity: 'note', entityId: noteId });
        return noteResponse(tx, row);
      });
      c.header('ETag', etag(note.version));
      return c.json(note, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'note.write',
      route: createRoute({
        method: 'put',
        path: notePath,
        tags,
        summary:
          "Save the author's draft (body replaced whole, validated as a draft of its type); needs If-Match. A stale version → 409 version_conflict (nothing saved); a signed note → 409 note_locked / note_awaiting_cosignature with details.allowedActions. A group member's copy is edited through its group note.",
        request: { params: NoteParams, body: jsonBody(UpdateNoteRequest) },
        responses: { 200: jsonResponse(Note, 'Saved'), ...conflictResponses, ...errorResponses },
      }),
    },
    async (c) => {
      const { noteId } = c.req.valid('param');
      const input = c.req.valid('json');
      const version = requiredVersion(c);
      const { db, now } = c.var.deps;
      const note = await db.tx(async (tx) => {
        const row = await loadNote(c, tx, noteId);
        const n = row.note;
        transition(n.status, 'edit');
        if (n.groupNoteId) {
          throw AppError.conflict(
            'This is a member copy of a group note: edit it through the group note.',
            'edit_through_group_note',
            { groupNoteId: n.groupNoteId, siteId: n.siteId },
          );
        }
        onlyTheAuthor(c, n, 'edit');
        const body = await withObjectives(
          tx,
          n.episodeId,
          checkBody(n.noteType as NoteType, input.body, false),
        );
        const saved = await updateNote(
          tx,
          n.id,
          version,
          { body, ...(input.minutes !== undefined ? { minutes: input.minutes } : {}) },
          now(),
        );
        if (!saved) throw staleVersion(n.version);
        await auditPatient(c, tx, { action: 'note.update', entity: 'note', entityId: n.id });
        return noteResponse(tx, row, saved);
      });
      c.header('ETag', etag(note.version));
      return c.json(note, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'note.write',
      route: createRoute({
        method: 'post',
        path: `${notePath}/sign`,
        tags,
        summary:
          'The author signs the draft with their password or a current authenticator code (exactly one); needs If-Match. Every required field of the type must be filled (422 naming body.* fields). Records user, credential and time; an author with a supervisor → awaiting_cosignature, else locked. Signed more than NOTE_LATE_ENTRY_HOURS (72) after the service → lateEntry. Someone else’s note → 403 not_author.',
        request: { params: NoteParams, body: jsonBody(SignRequest) },
        responses: { 200: jsonResponse(Note, 'Signed'), ...conflictResponses, ...errorResponses },
      }),
    },
    async (c) => {
      const { noteId } = c.req.valid('param');
      const proof = c.req.valid('json');
      const version = requiredVersion(c);
      const { db, now, config } = c.var.deps;
      const note = await auditingRefusedSignature(
        c,
        {
          entity: 'note',
          entityId: noteId,
          siteId: c.var.patientAccess!.siteId,
          patientId: c.var.patientAccess!.patientId,
        },
        () =>
          db.tx(async (tx) => {
            const row = await loadNote(c, tx, noteId);
            const n = row.note;
            if (n.groupNoteId) {
              throw AppError.conflict(
                'Sign the group note: its members are signed together.',
                'sign_through_group_note',
                {
                  groupNoteId: n.groupNoteId,
                  siteId: n.siteId,
                },
              );
            }
            onlyTheAuthor(c, n, 'sign');
            transition(n.status, 'sign');
            checkBody(n.noteType as NoteType, n.body, true);
            const signer = await reauthenticate(tx, c.var.principal!.userId, proof, now());
            const at = now();
            const status = transition(n.status, 'sign', signer.supervisorUserId !== null);
            const saved = await updateNote(
              tx,
              n.id,
              version,
              {
                status,
                supervisorId: signer.supervisorUserId,
                ...signatureColumns(signer, at),
                lateEntry: lateEntry(n.serviceAt, at, config.noteLateEntryHours),
              },
              at,
            );
            if (!saved) throw staleVersion(n.version);
            await auditPatient(c, tx, {
              action: 'note.sign',
              entity: 'note',
              entityId: n.id,
              detail: { status, method: signer.method, lateEntry: saved.lateEntry },
            });
            return noteResponse(tx, row, saved);
          }),
      );
      c.header('ETag', etag(note.version));
      return c.json(note, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'note.cosign',
      route: createRoute({
        method: 'post',
        path: `${notePath}/cosign`,
        tags,
        summary:
          "The author's supervisor co-signs a note awaiting co-signature (password or authenticator code); the note locks. Needs If-Match. Anyone but that supervisor → 403 not_supervisor.",
        request: { params: NoteParams, body: jsonBody(SignRequest) },
        responses: {
          200: jsonResponse(Note, 'Co-signed and locked'),
          ...conflictResponses,
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const { noteId } = c.req.valid('param');
      const proof = c.req.valid('json');
      const version = requiredVersion(c);
      const { db, now } = c.var.deps;
      const note = await auditingRefusedSignature(
        c,
        {
          entity: 'note',
          entityId: noteId,
          siteId: c.var.patientAccess!.siteId,
          patientId: c.var.patientAccess!.patientId,
        },
        () =>
          db.tx(async (tx) => {
            const row = await loadNote(c, tx, noteId);
            const n = row.note;
            if (n.groupNoteId) {
              throw AppError.conflict('Co-sign the group note.', 'sign_through_group_note', {
                groupNoteId: n.groupNoteId,
                siteId: n.siteId,
              });
            }
            const status = transition(n.status, 'cosign');
            if (n.supervisorId !== c.var.principal!.userId) {
              throw AppError.forbidden(
                "Only the author's supervisor may co-sign this note.",
                'not_supervisor',
              );
            }
            const signer = await reauthenticate(tx, c.var.principal!.userId, proof, now());
            const at = now();
            const saved = await updateNote(
              tx,
              n.id,
              version,
              { status, ...cosignatureColumns(signer, at) },
              at,
            );
            if (!saved) throw staleVersion(n.version);
            await auditPatient(c, tx, { action: 'note.cosign', entity: 'note', entityId: n.id });
            return noteResponse(tx, row, saved);
          }),
      );
      c.header('ETag', etag(note.version));
      return c.json(note, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'note.write',
      route: createRoute({
        method: 'post',
        path: `${notePath}/addenda`,
        tags,
        summary:
          'Add a signed addendum to a locked note (password or authenticator code); the original stays as it was and the addenda show in order. On a group member copy the addendum may not name another member (422).',
        request: { params: NoteParams, body: jsonBody(AddendumRequest) },
        responses: {
          201: jsonResponse(Note, 'The note with its addenda'),
          ...conflictResponses,
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const { noteId } = c.req.valid('param');
      const { text, ...proof } = c.req.valid('json');
      const { db, now } = c.var.deps;
      const p = c.var.principal!;
      const note = await auditingRefusedSignature(
        c,
        {
          entity: 'note',
          entityId: noteId,
          siteId: c.var.patientAccess!.siteId,
          patientId: c.var.patientAccess!.patientId,
        },
        () =>
          db.tx(async (tx) => {
            const row = await loadNote(c, tx, noteId);
            const n = row.note;
            transition(n.status, 'addendum');
            if (n.groupNoteId) {
              const everyone = await groupMemberNames(tx, n.groupNoteId);
              const leaks = otherMemberNames(
                everyone.map((m) => ({ ...m, memberId: m.patientId })),
                [{ memberId: n.patientId, text }],
              );
              if (leaks.length > 0) {
                throw new AppError(
                  422,
                  'other_member_named',
                  'The addendum names another member of the group.',
                  [
                    {
                      path: 'text',
                      message: `Names another group member ("${leaks[0]!.name}"); this copy goes to this patient's chart only.`,
                    },
                  ],
                );
              }
            }
            const signer = await reauthenticate(tx, p.userId, proof, now());
            const at = now();
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
              signedAt: at,
            });
            await auditPatient(c, tx, { action: 'note.addendum', entity: 'note', entityId: n.id });
            return noteResponse(tx, row);
          }),
      );
      c.header('ETag', etag(note.version));
      return c.json(note, 201);
    },
  );

  defineRoute(
    app,
    {
      permission: 'note.queue',
      route: createRoute({
        method: 'get',
        path: '/api/notes/queue',
        tags,
        summary:
          "The signed-in clinician's note queue at their sites: unsigned drafts, overdue drafts (past the late-entry threshold, 72 h by default), and notes awaiting my co-signature",
        responses: { 200: jsonResponse(NoteQueue, 'Queue'), ...errorResponses },
      }),
    },
    async (c) => {
      const p = c.var.principal!;
      const { db, now, config } = c.var.deps;
      const result = await db.tx(async (tx) => {
        const at = now();
        const hours = config.noteLateEntryHours;
        const drafts = await draftsOf(tx, p.userId, p.siteIds);
        const waiting = await awaitingCosignatureBy(tx, p.userId, p.siteIds);
        type Item = z.infer<typeof NoteQueue>['unsigned'][number];
        const deadline = (d: Date) =>
          new Date(
            lateEntryDeadline(Temporal.Instant.fromEpochMilliseconds(d.getTime()), hours).epochMilliseconds,
          );
        const single = (r: (typeof drafts.notes)[number]): Item => ({
          kind: 'note',
          id: r.note.id,
          noteType: r.note.noteType as NoteType,
          patientId: r.note.patientId,
          siteId: r.note.siteId,
          givenName: r.givenName,
          familyName: r.familyName,
          members: null,
          serviceAt: r.note.serviceAt.toISOString(),
          lateAfter: deadline(r.note.serviceAt).toISOString(),
          status: r.note.status as Item['status'],
        });
        const group = (r: (typeof drafts.groups)[number]): Item => ({
          kind: 'group_note',
          id: r.group.id,
          noteType: 'group_therapy',
          patientId: null,
          siteId: r.group.siteId,
          givenName: null,
          familyName: null,
          members: r.members,
          serviceAt: r.group.serviceAt.toISOString(),
          lateAfter: deadline(r.group.serviceAt).toISOString(),
          status: r.group.status as Item['status'],
        });
        const mine = [...drafts.notes.map(single), ...drafts.groups.map(group)].sort((a, b) =>
          a.serviceAt.localeCompare(b.serviceAt),
        );
        const isOverdue = (i: Item) => new Date(i.lateAfter) < at;
        const awaiting = [...waiting.notes.map(single), ...waiting.groups.map(group)];
        // Every patient named in the queue is a disclosure to this user: one audit row each.
        const shown = [...drafts.notes, ...waiting.notes];
        await appendAudit(
          tx,
          auditActor(c),
          shown.map((r) => ({
            action: 'note.queue',
            entity: 'note',
            entityId: r.note.id,
            patientId: r.note.patientId,
            siteId: r.note.siteId,
          })),
          at,
        );
        return {
          unsigned: mine.filter((i) => !isOverdue(i)),
          overdue: mine.filter(isOverdue),
          awaitingMyCosignature: awaiting,
          lateEntryHours: hours,
        };
      });
      return c.json(result, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'portal.self',
      route: createRoute({
        method: 'get',
        path: '/api/portal/notes',
        tags: ['Portal'],
        summary:
          "The patient's own signed notes (locked), each group note as their own copy, with the Part 2 label. Drafts and psychotherapy notes are never shown (HIPAA right of access excludes psychotherapy notes).",
        request: { query: NotesQuery },
        responses: { 200: jsonResponse(NoteList, 'My notes'), ...errorResponses },
      }),
    },
    async (c) => {
      const q = c.req.valid('query');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const result = await db.tx(async (tx) => {
        if (!p.patientId) throw AppError.notFound('Your record');
        const { rows, total, addenda } = await listChartNotes(tx, p.patientId, {
          ...q,
          statuses: ['locked'],
        });
        const items = rows.map((r) => noteJson(r, addenda));
        await appendAudit(
          tx,
          auditActor(c),
          items.map((n) => ({
            action: 'note.read',
            entity: 'note',
            entityId: n.id,
            patientId: p.patientId,
            siteId: rows.find((r) => r.note.id === n.id)!.note.siteId,
            detail: { via: 'portal' },
          })),
          now(),
        );
        return { items, page: q.page, pageSize: q.pageSize, total };
      });
      return c.json(result, 200);
    },
  );
}
