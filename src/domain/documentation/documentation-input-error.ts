export type FieldError = { path: string; message: string };

/** Invalid input to a documentation rule; carries every bad field, and the server answers 422 with them. */
export class DocumentationInputError extends Error {
  readonly code = 'invalid_documentation_input';

  constructor(readonly fields: FieldError[]) {
    super(`Invalid documentation input: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`);
    this.name = 'DocumentationInputError';
  }
}
