/** One invalid field: `path` names it the way the caller spelled it (`weekdays[2]`, `endTime`). */
export type FieldError = { path: string; message: string };

/**
 * Invalid input to a schedule rule. Carries every bad field at once so a form can mark them all; the server
 * turns it into a 422 with the same `fields`.
 */
export class ScheduleInputError extends Error {
  readonly code = 'invalid_schedule_input';

  constructor(readonly fields: FieldError[]) {
    super(`Invalid schedule input: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`);
    this.name = 'ScheduleInputError';
  }
}
