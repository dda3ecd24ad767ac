import type { z } from '@hono/zod-openapi';
import { noteCodeSuggestion } from '../../domain/documentation/note-types';
import { isPart2Program } from '../../domain/documentation/part2-label';
import {
  findGroupNote,
  groupMembers,
  lifecycleJson,
  part2Json,
  planObjectives,
  plansOfEpisodes,
} from '../notes';
import type { Tx } from '../platform/db/database';
import type { SiteContext } from '../platform/http/route-wrappers';
import { readPatientRecord } from '../platform/http/route-wrappers';
import type { GroupNote } from './group-notes.schema';

/** A group note with its member copies and, for each member, the objectives of their own plan. */
export async function loadGroup(tx: Tx, siteId: string, id: string) {
  const found = await readPatientRecord(findGroupNote(tx, siteId, id), 'The group note');
  const members = await groupMembers(tx, id);
  const plans = await plansOfEpisodes(
    tx,
    members.map((m) => m.note.episodeId),
  );
  const objectivesOf = new Map(plans.map((p) => [p.episodeId, planObjectives(p.document)]));
  return { ...found, members, objectivesOf };
}
export type LoadedGroup = Awaited<ReturnType<typeof loadGroup>>;

export const memberName = (m: LoadedGroup['members'][number]) => `${m.givenName} ${m.familyName}`;

export function groupJson(g: LoadedGroup): z.infer<typeof GroupNote> {
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
export async function auditMembers(
  ctx: Pick<SiteContext, 'auditEach'>,
  g: { siteId: string; id: string },
  patientIds: string[],
  action: string,
  detail?: Record<string, unknown>,
) {
  await ctx.auditEach(
    patientIds.map((patientId) => ({
      action,
      entity: 'group_note',
      entityId: g.id,
      patientId,
      siteId: g.siteId,
      detail,
    })),
  );
}

/** Every member of the group note, by patient. */
export const everyMember = (g: LoadedGroup) => g.members.map((m) => m.note.patientId);
