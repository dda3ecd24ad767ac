/**
 * The domain's one "bad input" outcome: every bad field at once, each named as the caller would in a request
 * body (`ratings.D3`, `answers.item9`, `weekdays.2`, `targetSteps.0.hours`). The server's error handler turns it
 * into a 422 `validation_failed` with the same `fields`, and the web app shows each message beside its field.
 */
export type FieldError = { path: string; message: string };

export class InputError extends Error {
  constructor(
    readonly fields: FieldError[],
    /** Which rule refused, for logs and tests (the API answers `validation_failed` whatever it is). */
    readonly code = 'invalid_input',
    message = `Invalid input: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** The same fields, named from further out (a rule's `0.hours` is the request's `targetSteps.0.hours`). */
  prefixed(prefix: string): InputError {
    return new InputError(
      this.fields.map((f) => ({ path: prefix + f.path, message: f.message })),
      this.code,
    );
  }
}

export function throwIfInvalid(fields: FieldError[], code?: string): void {
  if (fields.length > 0) throw new InputError(fields, code);
}
