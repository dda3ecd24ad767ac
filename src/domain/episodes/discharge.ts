import { Temporal } from 'temporal-polyfill';
import { type FieldError, throwIfInvalid } from '../input-error';
import { intensityRank, isLevelCode, type LevelCode } from '../placement/levels-of-care';

/** TEDS discharge reason codes 1–7 (SAMHSA); the labels are OpenIOP's own words. */
export const DISCHARGE_REASONS = [
  { code: 1, key: 'completed', label: 'Completed treatment' },
  { code: 2, key: 'dropped_out', label: 'Left treatment before completing it' },
  { code: 3, key: 'terminated_by_facility', label: 'Discharged by the program' },
  { code: 4, key: 'transferred', label: 'Transferred to another program or facility' },
  { code: 5, key: 'incarcerated', label: 'Jailed or imprisoned' },
  { code: 6, key: 'died', label: 'Died' },
  { code: 7, key: 'other', label: 'Other reason' },
] as const;
export type DischargeReasonCode = (typeof DISCHARGE_REASONS)[number]['code'];
export type DischargeReasonKey = (typeof DISCHARGE_REASONS)[number]['key'];

export function isDischargeReasonCode(value: unknown): value is DischargeReasonCode {
  return DISCHARGE_REASONS.some((reason) => reason.code === value);
}

export interface DischargeInput {
  reason?: number | null;
  dischargedOn?: Temporal.PlainDate | null;
  /** The admission date, when the episode was admitted; a discharge cannot come before it. */
  admittedOn?: Temporal.PlainDate | null;
}

/** A discharge needs a TEDS reason and a date that is neither in the future nor before admission. */
export function dischargeFieldErrors(input: DischargeInput, today: Temporal.PlainDate): FieldError[] {
  const fields: FieldError[] = [];
  if (input.reason === undefined || input.reason === null) {
    fields.push({ path: 'reason', message: 'Give the reason for discharge.' });
  } else if (!isDischargeReasonCode(input.reason)) {
    fields.push({ path: 'reason', message: 'The discharge reason is a TEDS code from 1 to 7.' });
  }
  const { dischargedOn, admittedOn } = input;
  if (!dischargedOn) {
    fields.push({ path: 'dischargedOn', message: 'Give the discharge date.' });
  } else if (Temporal.PlainDate.compare(dischargedOn, today) > 0) {
    fields.push({ path: 'dischargedOn', message: 'The discharge date cannot be in the future.' });
  } else if (admittedOn && Temporal.PlainDate.compare(dischargedOn, admittedOn) < 0) {
    fields.push({ path: 'dischargedOn', message: 'The discharge date cannot be before the admission date.' });
  }
  return fields;
}

export type StepDirection = 'step-up' | 'step-down' | 'lateral';

/** A change of level of care: up to a more intensive level, down to a less intensive one, or lateral. */
export function stepDirection(from: LevelCode, to: LevelCode): StepDirection {
  const fields: FieldError[] = [];
  if (!isLevelCode(from)) fields.push({ path: 'from', message: `${String(from)} is not a level of care.` });
  if (!isLevelCode(to)) fields.push({ path: 'to', message: `${String(to)} is not a level of care.` });
  throwIfInvalid(fields);
  const difference = intensityRank(to) - intensityRank(from);
  if (difference > 0) return 'step-up';
  if (difference < 0) return 'step-down';
  return 'lateral';
}
