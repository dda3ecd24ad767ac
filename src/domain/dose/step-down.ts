import { type FieldError, InputError } from '../input-error';
import { bandFor, type HourBandOverrides, type Population } from './hour-bands';

/** Weeks `fromWeek`..`toWeek` (inclusive, week 1 = week of admission) at `hours` a week. */
export type TargetStep = { fromWeek: number; toWeek: number; hours: number };

/** ASAM 3rd edition level codes the weekly hours fall into (The ASAM Criteria, 3rd ed., 2013). */
export type DoseLevel = '1' | '2.1' | '2.5';

/**
 * A member's weekly hour target for a week of the episode, e.g. weeks 1–4 at 9 h then weeks 5–6 at 6 h.
 * Steps must start at week 1 and follow each other without gap or overlap. Past the last step the last target
 * holds: hours change only when someone plans the change, never by running off the end of the plan.
 *
 * @throws InputError when the steps are not a valid plan or `weekNumber` is not a whole number ≥ 1.
 */
export function targetForWeek(steps: readonly TargetStep[], weekNumber: number): number {
  const fields = stepFields(steps);
  if (!Number.isInteger(weekNumber) || weekNumber < 1) {
    fields.push({ path: 'weekNumber', message: 'must be a whole number, 1 or more' });
  }
  if (fields.length > 0) throw new InputError(fields);

  const step = steps.find((s) => weekNumber >= s.fromWeek && weekNumber <= s.toWeek) ?? steps.at(-1)!;
  return step.hours;
}

/**
 * The level of care a weekly target puts a member at: below the IOP floor (9 h adults, 6 h adolescents) is
 * outpatient, level 1; from the PHP floor (20 h) up is partial hospitalization, 2.5; between is IOP, 2.1.
 * Uses the same hour bands as the programs, so a configured override moves both together.
 *
 * @throws InputError when `hours` is negative or not a number.
 */
export function levelForTarget(
  hours: number,
  population: Population,
  overrides?: HourBandOverrides,
): DoseLevel {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new InputError([{ path: 'hours', message: 'must be 0 or more hours' }]);
  }
  // Compared in whole minutes, as the weekly dose is, so 8.99 h and 9 h land where the ledger puts them.
  const minutes = Math.round(hours * 60);
  if (minutes >= Math.round(bandFor('php', population, overrides).atLeastHours * 60)) return '2.5';
  if (minutes >= Math.round(bandFor('iop', population, overrides).atLeastHours * 60)) return '2.1';
  return '1';
}

function stepFields(steps: readonly TargetStep[]): FieldError[] {
  if (steps.length === 0) return [{ path: 'steps', message: 'must have at least one step' }];
  const fields: FieldError[] = [];
  let expectedFrom = 1;
  steps.forEach((step, i) => {
    if (step.fromWeek !== expectedFrom) {
      fields.push({
        path: `steps[${i}].fromWeek`,
        message: `must be ${expectedFrom} (steps start at week 1 and follow each other)`,
      });
    }
    if (!Number.isInteger(step.toWeek) || step.toWeek < step.fromWeek) {
      fields.push({ path: `steps[${i}].toWeek`, message: 'must be a whole week on or after fromWeek' });
    }
    if (!Number.isFinite(step.hours) || step.hours < 0) {
      fields.push({ path: `steps[${i}].hours`, message: 'must be 0 or more hours' });
    }
    expectedFrom = step.toWeek + 1;
  });
  return fields;
}

/** From `fromWeek` on, the plan keeps the member at `level`. */
export type PlannedLevel = { fromWeek: number; hours: number; level: DoseLevel };

/**
 * The levels of care a weekly-target plan moves a member through: week 1's level, then one entry for each
 * step whose hours land in another level (weeks 1–4 at 9 h then 5–6 at 6 h: 2.1 from week 1, 1 from week 5).
 * Steps that stay in the same level are folded in, so the episode's level history records only real moves.
 *
 * @throws InputError when the steps are not a valid plan.
 */
export function plannedLevels(
  steps: readonly TargetStep[],
  population: Population,
  overrides?: HourBandOverrides,
): PlannedLevel[] {
  const fields = stepFields(steps);
  if (fields.length > 0) throw new InputError(fields);
  const out: PlannedLevel[] = [];
  for (const step of steps) {
    const level = levelForTarget(step.hours, population, overrides);
    if (out.at(-1)?.level !== level) out.push({ fromWeek: step.fromWeek, hours: step.hours, level });
  }
  return out;
}
