import { ApiError } from './api-client';

// Servers may name a field `email` or `body.email`; both belong next to the email input.
function pathMatches(fieldPath: string, inputName: string): boolean {
  return (
    fieldPath === inputName || fieldPath.endsWith(`.${inputName}`) || fieldPath.endsWith(`/${inputName}`)
  );
}

/** The server's message for one input, to show next to that input. */
export function fieldError(error: unknown, inputName: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((field) => pathMatches(field.path, inputName))?.message;
}

/** The message to show above the form: everything the form's own inputs cannot show. */
export function formError(error: unknown, inputNames: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  const shownByInputs = error.fields.some((field) =>
    inputNames.some((name) => pathMatches(field.path, name)),
  );
  if (!shownByInputs) return error.message;
  const others = error.fields.filter((field) => !inputNames.some((name) => pathMatches(field.path, name)));
  return others.length > 0 ? others.map((field) => `${field.path}: ${field.message}`).join(' ') : undefined;
}
