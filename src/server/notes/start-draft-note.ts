import type { z } from '@hono/zod-openapi';
import { mayAuthorNoteType } from '../../domain/documentation/note-types';
import { isPart2Program } from '../../domain/documentation/part2-label';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { PatientContext } from '../platform/http/route-wrappers';
import { siteDayStart } from '../sites';
import { noteAnswer, readNote } from './chart-note';
import { documentedService } from './documented-service';
import { draftBody } from './draft-body';
import type { CreateNoteRequest } from './notes.schema';
import { attendanceOf, insertNote } from './notes.store';

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

/**
 * Starts a draft of one note type the author's discipline writes. With a session, the service time is the
 * session's end (the late-entry clock starts there) and the minutes default to the patient's attendance.
 */
export async function startDraftNote(ctx: PatientContext, input: z.infer<typeof CreateNoteRequest>) {
  const { tx, actor, patient, now } = ctx;
  if (!mayAuthorNoteType(actor.role, input.noteType)) {
    throw AppError.forbidden(
      `Your role (${actor.role}) does not write ${input.noteType} notes.`,
      'note_type_forbidden',
    );
  }
  const found = await documentedService(tx, actor.organizationId, patient.id, input);
  let serviceAt: Date;
  let minutes = input.minutes ?? null;
  if (found.session) {
    const session = found.session;
    // The late-entry clock starts when the session ended, not when the author says it did.
    if (input.serviceAt !== undefined && Date.parse(input.serviceAt) !== session.endsAt.getTime()) {
      throw AppError.validation([
        { path: 'serviceAt', message: "Comes from the session's end; leave it out." },
      ]);
    }
    serviceAt = session.endsAt;
    if (input.minutes === undefined) {
      const a = await attendanceOf(tx, session.id, patient.id);
      minutes = a ? a.minutes : session.minutes;
    }
  } else {
    serviceAt = input.serviceAt ? new Date(input.serviceAt) : now;
    await assertServiceWithinEpisode(tx, found.episode, serviceAt, now);
  }
  const body = await draftBody(tx, input.noteType, input.episodeId, input.body);
  const note = await insertNote(tx, {
    ...found.recordColumns,
    noteType: input.noteType,
    body,
    minutes,
    part2: isPart2Program(found.programKind),
    authorId: actor.userId,
    serviceAt,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit('note.create', 'note', note.id, { noteType: input.noteType });
  return noteAnswer(tx, await readNote(tx, patient.id, note.id));
}
