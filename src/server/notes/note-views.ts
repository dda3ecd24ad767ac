import type { z } from '@hono/zod-openapi';
import { PART2_NOTICE } from '../../domain/documentation/part2-label';
import { AppError } from '../platform/errors';
import type { PatientContext, UserContext } from '../platform/http/route-wrappers';
import { noteJson } from './note-json';
import type { BillingNoteList, NoteExport, NoteList, NotesQuery } from './notes.schema';
import { listChartNotes } from './notes.store';

/** Signed notes: awaiting the supervisor's co-signature or locked. */
const SIGNED = ['awaiting_cosignature', 'locked'];
type Query = z.infer<typeof NotesQuery>;

/** The patient's chart notes, newest first; a group note appears as this patient's own copy. */
export async function chartNotes(ctx: PatientContext, q: Query): Promise<z.infer<typeof NoteList>> {
  const { rows, total, addenda } = await listChartNotes(ctx.tx, ctx.patient.id, q);
  await ctx.audit('note.list', 'note', null, { noteIds: rows.map((r) => r.note.id) });
  return { items: rows.map((r) => noteJson(r, addenda)), page: q.page, pageSize: q.pageSize, total };
}

/** What billing sees of signed notes: type, service time, minutes, code and signer's credential, never text. */
export async function billingView(ctx: PatientContext, q: Query): Promise<z.infer<typeof BillingNoteList>> {
  const { rows, total } = await listChartNotes(ctx.tx, ctx.patient.id, { ...q, statuses: SIGNED });
  await ctx.audit('note.codes', 'note', null, { noteIds: rows.map((r) => r.note.id) });
  const items = rows.map((r) => {
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
  });
  return { items, page: q.page, pageSize: q.pageSize, total };
}

/**
 * The signed chart notes for a disclosure the patient consented to, with the 42 CFR Part 2 redisclosure
 * notice (42 CFR 2.32) when any is a Part 2 record. Drafts and psychotherapy notes are never exported.
 */
export async function exportNotes(ctx: PatientContext): Promise<z.infer<typeof NoteExport>> {
  const { rows, addenda } = await listChartNotes(ctx.tx, ctx.patient.id, {
    statuses: SIGNED,
    page: 1,
    pageSize: 1000,
  });
  const items = rows.map((r) => noteJson(r, addenda));
  await ctx.audit('note.export', 'note', null, { noteIds: items.map((n) => n.id) });
  return {
    patientId: ctx.patient.id,
    exportedAt: ctx.now.toISOString(),
    part2Notice: items.some((n) => n.part2.applies) ? PART2_NOTICE : null,
    notes: items,
    excluded: 'Psychotherapy notes and unsigned drafts are never exported.',
  };
}

/**
 * The patient's own locked notes in the portal (HIPAA right of access, 45 CFR 164.524, which excludes
 * psychotherapy notes); each shown note is a read of their record.
 */
export async function portalNotes(ctx: UserContext, q: Query): Promise<z.infer<typeof NoteList>> {
  const patientId = ctx.actor.patientId;
  if (!patientId) throw AppError.notFound('Your record');
  const { rows, total, addenda } = await listChartNotes(ctx.tx, patientId, { ...q, statuses: ['locked'] });
  await ctx.auditEach(
    rows.map((r) => ({
      action: 'note.read',
      entity: 'note',
      entityId: r.note.id,
      patientId,
      siteId: r.note.siteId,
      detail: { via: 'portal' },
    })),
  );
  return { items: rows.map((r) => noteJson(r, addenda)), page: q.page, pageSize: q.pageSize, total };
}
