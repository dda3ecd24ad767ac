import type { FieldError } from '../schedule/schedule-input-error';

export type { FieldError };

/**
 * Invalid input to a dose rule. Carries every bad field at once; the server turns it into a 422 with the
 * same `fields`.
 */
export class DoseInputError extends Error {
  readonly code = 'invalid_dose_input';

  constructor(readonly fields: FieldError[]) {
    super(`Invalid dose input: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`);
    this.name = 'DoseInputError';
  }
}
