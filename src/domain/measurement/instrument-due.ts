import { Temporal } from 'temporal-polyfill';

/** One line of a program's measurement schedule: given at intake, then every N days. */
export type InstrumentScheduleRule = {
  /** Due on the day of admission (or as soon as possible after it). */
  atIntake: boolean;
  /** Repeat interval in days after the last administration; null when given only at intake. */
  everyDays: number | null;
};

export type DueState = 'due' | 'overdue' | 'not-due';

export type InstrumentDue = {
  state: DueState;
  /** The day it falls due; null when it never falls due again (intake only, already given). */
  dueOn: Temporal.PlainDate | null;
};

/**
 * Days after the due day an instrument is still only "due"; later it is "overdue". Our own default: a
 * few days lets a score wait for the patient's next group day without hiding one that was missed.
 */
export const OVERDUE_AFTER_DAYS = 3;

/**
 * When an instrument is next due for an episode, and whether it is due or overdue today. The next one is due
 * `everyDays` after the last administration; before any, on admission when given at intake, otherwise
 * `everyDays` after admission.
 */
export function instrumentDue(
  rule: InstrumentScheduleRule,
  episode: { admittedOn: Temporal.PlainDate; lastGivenOn: Temporal.PlainDate | null },
  today: Temporal.PlainDate,
): InstrumentDue {
  const dueOn = nextDueOn(rule, episode);
  if (!dueOn || Temporal.PlainDate.compare(today, dueOn) < 0) return { state: 'not-due', dueOn };
  const late = dueOn.until(today, { largestUnit: 'days' }).days;
  return { state: late > OVERDUE_AFTER_DAYS ? 'overdue' : 'due', dueOn };
}

function nextDueOn(
  rule: InstrumentScheduleRule,
  episode: { admittedOn: Temporal.PlainDate; lastGivenOn: Temporal.PlainDate | null },
): Temporal.PlainDate | null {
  const every = rule.everyDays !== null && rule.everyDays > 0 ? rule.everyDays : null;
  if (episode.lastGivenOn) return every ? episode.lastGivenOn.add({ days: every }) : null;
  if (rule.atIntake) return episode.admittedOn;
  return every ? episode.admittedOn.add({ days: every }) : null;
}
