import { isPart2Program } from '../../domain/documentation/part2-label';
import { findGroupNoteOfSession, findSessionForNote, insertGroupNote, insertNotes } from '../notes';
import { AppError } from '../platform/errors';
import { readPatientRecord, type SiteContext } from '../platform/http/route-wrappers';
import { auditMembers, groupJson, loadGroup } from './group-note';
import { presentMembers } from './group-notes.store';

const alreadyDrafted = (groupNoteId?: string) =>
  AppError.conflict(
    'This session already has a group note.',
    'group_note_exists',
    groupNoteId ? { groupNoteId } : undefined,
  );

/**
 * Drafts a group therapy session's note from its attendance: the shared part prefilled from the session
 * (topic, curriculum item, duration) and one member copy, in each member's chart, for everyone present, late
 * or left early, with their minutes. One group note per session.
 */
export async function draftGroupNote(ctx: SiteContext, sessionId: string) {
  const { tx, actor, site, now } = ctx;
  const found = await readPatientRecord(findSessionForNote(tx, site.id, sessionId), 'The session');
  const s = found.session;
  if (s.cancelledAt) throw AppError.conflict('The session was cancelled.', 'session_cancelled');
  if (s.sessionType !== 'group_therapy') {
    throw AppError.validation([
      { path: 'sessionId', message: `Is a ${s.sessionType} session; group notes document group therapy.` },
    ]);
  }
  const existing = await findGroupNoteOfSession(tx, site.id, sessionId);
  if (existing) throw alreadyDrafted(existing.id);
  // A transfer on the session day can leave two enrolments: one member part per patient.
  const present = (await presentMembers(tx, s)).filter(
    (m, i, all) => all.findIndex((x) => x.patientId === m.patientId) === i,
  );
  if (present.length === 0) {
    throw AppError.conflict('No member is recorded as present: take attendance first.', 'no_members_present');
  }
  const group = await insertGroupNote(tx, {
    organizationId: actor.organizationId,
    siteId: site.id,
    programId: s.programId,
    sessionId,
    shared: {
      topic: found.topicTitle ?? s.topic ?? undefined,
      curriculumItem: found.topicTitle ?? null,
      interventions: [],
      durationMinutes: s.minutes,
    },
    authorId: actor.userId,
    serviceAt: s.endsAt,
    createdAt: now,
    updatedAt: now,
  });
  if (!group) throw alreadyDrafted();
  await insertNotes(
    tx,
    present.map((m) => ({
      organizationId: actor.organizationId,
      siteId: site.id,
      patientId: m.patientId,
      episodeId: m.episodeId,
      sessionId,
      groupNoteId: group.id,
      noteType: 'group_therapy',
      body: {},
      minutes: m.minutes,
      attendanceStatus: m.status,
      part2: isPart2Program(found.programKind),
      authorId: actor.userId,
      serviceAt: s.endsAt,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await auditMembers(
    ctx,
    group,
    present.map((m) => m.patientId),
    'group_note.create',
  );
  return groupJson(await loadGroup(tx, site.id, group.id));
}
