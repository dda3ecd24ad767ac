import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { lateEntryDeadline } from '../../domain/documentation/late-entry';
import type { NoteType } from '../../domain/documentation/note-types';
import type { UserContext } from '../platform/http/route-wrappers';
import type { NoteQueue } from './notes.schema';
import { awaitingCosignatureBy, draftsOf } from './notes.store';

type Item = z.infer<typeof NoteQueue>['unsigned'][number];
type Found = Awaited<ReturnType<typeof draftsOf>>;

/**
 * The clinician's note queue at their sites: their drafts (overdue once past the late-entry threshold, when
 * signing marks them late) and the notes of staff they supervise that wait for their co-signature.
 */
export async function noteQueue(ctx: UserContext): Promise<z.infer<typeof NoteQueue>> {
  const { tx, actor, now } = ctx;
  const hours = ctx.deps.config.noteLateEntryHours;
  const drafts = await draftsOf(tx, actor.userId, actor.siteIds);
  const waiting = await awaitingCosignatureBy(tx, actor.userId, actor.siteIds);
  const deadline = (d: Date) =>
    new Date(lateEntryDeadline(Temporal.Instant.fromEpochMilliseconds(d.getTime()), hours).epochMilliseconds);
  const single = (r: Found['notes'][number]): Item => ({
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
  const group = (r: Found['groups'][number]): Item => ({
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
  const isOverdue = (i: Item) => new Date(i.lateAfter) < now;
  // Every patient named in the queue is a disclosure to this user: one audit row each.
  await ctx.auditEach(
    [...drafts.notes, ...waiting.notes].map((r) => ({
      action: 'note.queue',
      entity: 'note',
      entityId: r.note.id,
      patientId: r.note.patientId,
      siteId: r.note.siteId,
    })),
  );
  return {
    unsigned: mine.filter((i) => !isOverdue(i)),
    overdue: mine.filter(isOverdue),
    awaitingMyCosignature: [...waiting.notes.map(single), ...waiting.groups.map(group)],
    lateEntryHours: hours,
  };
}
