import type { FieldError } from '../schedule/schedule-input-error';

export type { FieldError };

/** Invalid input to a curriculum rule, every bad field at once; the server answers 422 with the same fields. */
export class CurriculumInputError extends Error {
  readonly code = 'invalid_curriculum_input';

  constructor(readonly fields: FieldError[]) {
    super(`Invalid curriculum input: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`);
    this.name = 'CurriculumInputError';
  }
}
