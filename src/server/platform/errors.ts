/**
 * The one typed error of the server. Nothing else decides a status code: the error handler turns an
 * AppError into `{"error":{"code","message","fields"}}` and anything else into a bare 500 with no detail.
 */
export type FieldError = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 428 | 429 | 500 | 503,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(message: string, fields: FieldError[] = []) {
    return new AppError(400, 'bad_request', message, fields);
  }
  static validation(fields: FieldError[], message = 'The request has invalid fields.') {
    return new AppError(422, 'validation_failed', message, fields);
  }
  static unauthenticated(message = 'Sign in to continue.', code = 'unauthenticated') {
    return new AppError(401, code, message);
  }
  static forbidden(message = 'You do not have access to this.', code = 'forbidden') {
    return new AppError(403, code, message);
  }
  static notFound(what = 'The record', fields: FieldError[] = []) {
    return new AppError(404, 'not_found', `${what} was not found.`, fields);
  }
  static conflict(message: string, code = 'conflict', details: Record<string, unknown> = {}) {
    return new AppError(409, code, message, [], details);
  }
}
