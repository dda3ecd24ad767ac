import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { isLateEntry } from '../../domain/documentation/late-entry';
import {
  type NoteAction,
  type NoteStatus,
  NoteTransitionError,
  nextNoteStatus,
} from '../../domain/documentation/note-lifecycle';
import { AppError, type FieldError } from '../platform/errors';

/** The lifecycle's refusal as a 409 that names what may be done instead (a locked note: an addendum). */
export function transition(status: string, action: NoteAction, authorSupervised = false): NoteStatus {
  try {
    return nextNoteStatus(status as NoteStatus, action, { authorSupervised });
  } catch (e) {
    if (!(e instanceof NoteTransitionError)) throw e;
    const code =
      e.status === 'locked'
        ? 'note_locked'
        : e.status === 'awaiting_cosignature'
          ? 'note_awaiting_cosignature'
          : 'note_not_signed';
    const message =
      e.status === 'locked'
        ? 'This note is signed and locked; it cannot change. Add an addendum instead.'
        : e.status === 'awaiting_cosignature'
          ? 'This note is signed and waits for the supervisor’s co-signature; only co-signing is possible now.'
          : 'This note is still a draft: sign it first.';
    throw AppError.conflict(message, code, { allowedActions: e.allowed });
  }
}

export function lateEntry(serviceAt: Date, signedAt: Date, hours: number) {
  return isLateEntry(
    Temporal.Instant.fromEpochMilliseconds(serviceAt.getTime()),
    Temporal.Instant.fromEpochMilliseconds(signedAt.getTime()),
    hours,
  );
}

/** zod issues as the 422 field list, under a prefix ("body", "members.2.part"). */
export function issuesToFields(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((s) => s !== '').join('.'),
    message: i.message,
  }));
}

type PlanDoc = {
  problems?: { goals?: { objectives?: { description?: string; status?: string }[] }[] }[];
};

/** The objectives of a treatment plan with their position ids ("p1.g1.o1"), for pickers and validation. */
export function planObjectives(document: unknown): { id: string; description: string; status: string }[] {
  const doc = (document ?? {}) as PlanDoc;
  return (doc.problems ?? []).flatMap((p, pi) =>
    (p.goals ?? []).flatMap((g, gi) =>
      (g.objectives ?? []).map((o, oi) => ({
        id: `p${pi + 1}.g${gi + 1}.o${oi + 1}`,
        description: o.description ?? '',
        status: o.status ?? 'not_started',
      })),
    ),
  );
}

type Progress = { objectiveId: string; description?: string };

/**
 * Objective progress may only name objectives of THIS patient's plan; each keeps the objective's text as it
 * was, so the note still reads right after the plan changes. Returns the fields that name a foreign objective.
 */
export function attachObjectives(
  progress: Progress[] | undefined,
  objectives: { id: string; description: string }[],
  prefix: string,
): { progress: Progress[] | undefined; fields: FieldError[] } {
  if (!progress) return { progress, fields: [] };
  const fields: FieldError[] = [];
  const byId = new Map(objectives.map((o) => [o.id, o.description]));
  const out = progress.map((p, i) => {
    const description = byId.get(p.objectiveId);
    if (description === undefined) {
      fields.push({
        path: `${prefix}.${i}.objectiveId`,
        message:
          objectives.length === 0
            ? "This patient's episode has no treatment plan objectives to pick from."
            : "Is not an objective of this patient's treatment plan.",
      });
      return p;
    }
    return { ...p, description };
  });
  return { progress: out, fields };
}

/** The free text of a part, for the similarity and name-leak checks. */
export function partText(part: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string') {
      if (key !== 'objectiveId' && key !== 'progress' && key !== 'level' && key !== 'description')
        out.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x);
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(part);
  return out.join('\n');
}
