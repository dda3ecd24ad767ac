import type { NoteType } from '../../domain/documentation/note-types';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { NOTE_BODIES } from './note-bodies.schema';
import { attachObjectives, issuesToFields, planObjectives } from './note-rules';
import { plansOfEpisodes } from './notes.store';

/** Body validation for a draft (any subset) or for signing (every required field), as 422 under "body". */
export function checkBody(type: NoteType, body: unknown, complete: boolean) {
  const schema = NOTE_BODIES[type];
  const parsed = (complete ? schema : schema.partial()).safeParse(body);
  if (!parsed.success) throw AppError.validation(issuesToFields(parsed.error, 'body'));
  return parsed.data as Record<string, unknown>;
}

/** A draft's body, valid for its type, whose objective progress names objectives of this episode's own plan. */
export async function draftBody(tx: Tx, type: NoteType, episodeId: string, given: unknown) {
  const body = checkBody(type, given, false);
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
