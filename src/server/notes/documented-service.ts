import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { findEpisodeForNote, findSessionForNote } from './notes.store';

/**
 * The episode a note documents (of this patient) and, when named, the session (at the episode's site): what
 * every note of a patient's record starts from, chart note or psychotherapy note. Bad references are 422s
 * naming the field.
 */
export async function documentedService(
  tx: Tx,
  organizationId: string,
  patientId: string,
  input: { episodeId: string; sessionId?: string | null },
) {
  const found = await findEpisodeForNote(tx, patientId, input.episodeId);
  if (!found) {
    throw AppError.validation([{ path: 'episodeId', message: 'Is not an episode of this patient.' }]);
  }
  const session = input.sessionId
    ? await findSessionForNote(tx, found.episode.siteId, input.sessionId)
    : null;
  if (input.sessionId && !session) {
    throw AppError.validation([{ path: 'sessionId', message: "Is not a session of this patient's site." }]);
  }
  return {
    ...found,
    session: session?.session ?? null,
    /** Where the new note belongs: the patient's record at the episode's site. */
    recordColumns: {
      organizationId,
      siteId: found.episode.siteId,
      patientId,
      episodeId: input.episodeId,
      sessionId: input.sessionId ?? null,
    },
  };
}
