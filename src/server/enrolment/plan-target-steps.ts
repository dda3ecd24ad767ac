import { Temporal } from 'temporal-polyfill';
import { type DoseLevel, plannedLevels, targetForWeek } from '../../domain/dose/step-down';
import { InputError } from '../../domain/input-error';
import { programWeekOf } from '../../domain/schedule/program-week';
import { changeLevelOfCare, type episodes, planLevelChanges } from '../episodes';
import { AppError } from '../platform/errors';
import { type PatientContext, readPatientRecord, versionedUpdate } from '../platform/http/route-wrappers';
import { loadProgram, type ProgramConfig, programToday } from '../programs';
import { findEnrolment, findEpisodeOfPatient, updateEnrolmentSteps } from './enrolment.store';

export type TargetStep = { fromWeek: number; toWeek: number; hours: number };
type StepContext = Pick<PatientContext, 'tx' | 'actor' | 'now' | 'audit'>;

/** The reason written on level changes that come from a weekly-target plan (a new plan replaces planned ones). */
const STEP_PLAN_REASON = 'Weekly hour target step';

/** A step rule's field errors, named as the request names them (`targetSteps.0.hours`). */
function stepRule<T>(rule: () => T): T {
  try {
    return rule();
  } catch (e) {
    throw e instanceof InputError ? e.prefixed('targetSteps.') : e;
  }
}

/** Steps must start at week 1 and follow each other (targetForWeek's own check). */
export function checkTargetSteps(steps: TargetStep[]) {
  stepRule(() => targetForWeek(steps, 1));
}

/** ASAM 4th edition calls outpatient 1.0; the dose rule speaks 3rd-edition codes. */
function levelCode(level: DoseLevel, edition: number): string {
  return edition === 4 && level === '1' ? '1.0' : level;
}

/**
 * A weekly-target plan moves the episode between levels of care (below the IOP floor is outpatient, 1; from
 * the PHP floor up, 2.5). In the same transaction: the level in effect this week becomes the episode's level
 * (a history row effective from that step's first week), and the plan's later moves are written to the
 * history as planned rows with their own dates; a new plan replaces the planned rows of the old one.
 */
export async function recordPlannedLevels(
  ctx: StepContext,
  episode: typeof episodes.$inferSelect,
  program: ProgramConfig,
  steps: TargetStep[],
) {
  const { tx, now } = ctx;
  const today = programToday(program, now);
  const admitted = episode.admittedOn ?? today;
  const plan = stepRule(() => plannedLevels(steps, program.population));
  const firstWeek = programWeekOf(Temporal.PlainDate.from(admitted), program.weekStartsOn, program.timeZone);
  const dated = plan.map((p) => {
    const start = firstWeek.start.add({ weeks: p.fromWeek - 1 }).toString();
    // Never before the admission (ISO dates compare as strings).
    return { level: levelCode(p.level, episode.edition), effectiveOn: [start, admitted].sort()[1]! };
  });
  const inEffect = dated.filter((d) => d.effectiveOn <= today).at(-1) ?? dated[0]!;
  const planned = dated.filter((d) => d.effectiveOn > today && d !== inEffect);
  // Later moves are planned rows of the history (they replace the old plan's); the episodes feature applies
  // each on its day.
  const later = await planLevelChanges(tx, {
    episode,
    fromLevel: inEffect.level,
    after: today,
    reason: STEP_PLAN_REASON,
    planned: planned.map((p) => ({ toLevel: p.level, effectiveOn: p.effectiveOn })),
    changedBy: ctx.actor.userId,
    now,
  });
  if (inEffect.level === episode.level) return { episodeLevel: episode.level, levelChanges: later };
  // The move in effect now changes the episode itself, through the episodes feature's one use case.
  await changeLevelOfCare(tx, {
    episode,
    toLevel: inEffect.level,
    effectiveOn: inEffect.effectiveOn,
    reason: STEP_PLAN_REASON,
    changedBy: ctx.actor.userId,
    now,
  });
  await ctx.audit('episode.level_change', 'episode', episode.id, {
    from: episode.level,
    to: inEffect.level,
    reason: STEP_PLAN_REASON,
  });
  const current = { fromLevel: episode.level, toLevel: inEffect.level, effectiveOn: inEffect.effectiveOn };
  return { episodeLevel: inEffect.level, levelChanges: [current, ...later] };
}

/**
 * Changes the member's weekly hour targets by week (step-down) at the version the client read, and writes
 * the moves between levels of care the new plan makes to the episode's level history.
 */
export async function planTargetSteps(
  ctx: StepContext & { patient: { id: string }; version: number },
  enrolmentId: string,
  targetSteps: TargetStep[],
) {
  const { tx } = ctx;
  const found = await readPatientRecord(findEnrolment(tx, ctx.patient.id, enrolmentId), 'The enrolment');
  const episode = await findEpisodeOfPatient(tx, ctx.patient.id, found.enrolment.episodeId);
  if (!episode || episode.status === 'discharged') {
    throw AppError.conflict('The episode is discharged.', 'episode_discharged');
  }
  if (found.enrolment.endsOn !== null) {
    throw AppError.conflict('This enrolment has ended (a transfer or discharge).', 'enrolment_ended');
  }
  const program = await loadProgram(tx, episode.siteId, episode.programId);
  checkTargetSteps(targetSteps);
  const saved = await versionedUpdate(
    updateEnrolmentSteps(tx, enrolmentId, ctx.version, targetSteps),
    found.enrolment,
  );
  await ctx.audit('update', 'enrolment', enrolmentId, { targetSteps });
  const levels = await recordPlannedLevels(ctx, episode, program, targetSteps);
  return { enrolment: saved, trackName: found.trackName, ...levels };
}
