/**
 * The domain's one "bad input" outcome. The server turns it into a 422 naming each field; the web app shows
 * the same messages beside the same fields. A path names the field as the caller would in a request body
 * (`ratings.D3`, `reason`, `guardianContact.phone`); the caller may prefix it with where the value sits.
 */
export type FieldError = { path: string; message: string };

export class InvalidInputError extends Error {
  readonly code = 'validation_failed';

  constructor(
    readonly fields: FieldError[],
    message = 'The input has invalid fields.',
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

export function throwIfInvalid(fields: FieldError[]): void {
  if (fields.length > 0) throw new InvalidInputError(fields);
}
