import { ApiError } from '../shared/api/api-error';
import type { GroupMember, ObjectiveProgress } from './notes-api';

// The group note screen's form state and how it becomes the API's draft, kept pure so it is tested alone.

export interface SharedDraft {
  topic: string;
  curriculumItem: string;
  interventions: string[];
  narrative: string;
  durationMinutes: number | string;
}

export interface PartDraft {
  participation: string;
  presentation: string;
  objectives: { objectiveId: string; progress: string }[];
  riskLevel: string;
  riskNotes: string;
  planNextSession: string;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function sharedDraft(shared: Record<string, unknown>): SharedDraft {
  return {
    topic: str(shared.topic),
    curriculumItem: str(shared.curriculumItem),
    interventions: Array.isArray(shared.interventions) ? (shared.interventions as string[]) : [],
    narrative: str(shared.narrative),
    durationMinutes: typeof shared.durationMinutes === 'number' ? shared.durationMinutes : '',
  };
}

export function partDraft(part: Record<string, unknown>): PartDraft {
  const risk = (part.risk ?? {}) as { level?: string; notes?: string | null };
  return {
    participation: str(part.participation),
    presentation: str(part.presentation),
    objectives: ((part.objectives ?? []) as ObjectiveProgress[]).map((o) => ({
      objectiveId: o.objectiveId,
      progress: o.progress,
    })),
    // Most members show no risk in a given group: "none" is prefilled and one keystroke changes it.
    riskLevel: risk.level ?? 'none',
    riskNotes: str(risk.notes),
    planNextSession: str(part.planNextSession),
  };
}

/** A draft leaves empty fields out (the server refuses empty text); signing then names what is missing. */
const filled = (value: string) => (value.trim() === '' ? undefined : value.trim());

export function sharedBody(s: SharedDraft): Record<string, unknown> {
  const minutes = Number(s.durationMinutes);
  return {
    topic: filled(s.topic),
    curriculumItem: filled(s.curriculumItem) ?? null,
    // A draft may have none yet; the server wants at least one only when it is given (and at signing).
    interventions: s.interventions.length > 0 ? s.interventions : undefined,
    narrative: filled(s.narrative) ?? null,
    durationMinutes: s.durationMinutes === '' || !Number.isFinite(minutes) ? undefined : minutes,
  };
}

export function partBody(p: PartDraft): Record<string, unknown> {
  return {
    participation: filled(p.participation),
    presentation: filled(p.presentation),
    objectives: p.objectives,
    risk: { level: p.riskLevel, notes: filled(p.riskNotes) ?? null },
    planNextSession: filled(p.planNextSession),
  };
}

export const memberName = (m: GroupMember) => `${m.givenName} ${m.familyName}`;

/** Field errors of one member, by the member's index in the note (paths `members.N.part…`). */
export function memberProblems(error: unknown, index: number): { field: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  const prefix = `members.${index}.part`;
  return error.fields
    .filter((f) => f.path === prefix || f.path.startsWith(`${prefix}.`))
    .map((f) => ({ field: f.path.slice(prefix.length + 1), message: f.message }));
}

/** A 422 at signing that is about the note, not the credential: similar parts, a named member, a gap. */
export function blockingError(error: unknown): ApiError | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  if (error.fields.length > 0 && error.fields.every((f) => f.path === 'totpCode' || f.path === 'password')) {
    return null;
  }
  return error.code === 'reauthentication_failed' ? null : error;
}
