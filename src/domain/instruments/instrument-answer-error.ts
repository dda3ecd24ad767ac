export type FieldError = { path: string; message: string };

/**
 * Answers (or options) that cannot be scored. Carries every bad field at once, each named as the caller
 * would in a request body (`answers.item9`, `options.positiveCutoff`); the server turns it into a 422 with
 * the same `fields`, and the portal shows each message beside its question.
 */
export class InstrumentAnswerError extends Error {
  readonly code = 'invalid_instrument_answers';

  constructor(readonly fields: FieldError[]) {
    super(`Invalid instrument answers: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`);
    this.name = 'InstrumentAnswerError';
  }
}
