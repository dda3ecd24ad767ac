import { ApiError, type FieldError } from './api/api-error';

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

/** The part of a @mantine/form form the server's errors go onto. */
export interface FormWithErrors {
  getValues(): unknown;
  setErrors(errors: Record<string, string>): void;
}

function hasPath(values: unknown, path: string): boolean {
  let at: unknown = values;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || !(part in at)) return false;
    at = (at as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * The form's path for a server path: `steps[1].hours` is `steps.1.hours`, and a path the form does not
 * hold whole may end in one it does (`targetSteps.steps.0.fromWeek`, `body.email`).
 */
function inputPath(values: unknown, serverPath: string): string | undefined {
  const parts = serverPath.replace(/\[(\d+)\]/g, '.$1').split('.');
  for (let from = 0; from < parts.length; from++) {
    const path = parts.slice(from).join('.');
    if (hasPath(values, path)) return path;
  }
  return undefined;
}

/**
 * Puts a refused submit on a @mantine/form form: each `error.fields[].path` the form has a value for
 * (`topics.2.title` is the same path in both; see inputPath) shows under its input. Answers the message for the alert
 * above the form: the fields no input shows, or the error's own message when none is shown by an input.
 * `rename` maps a server path onto the form's name for it when they differ (`{ facilitatorId: 'leader' }`).
 */
export function applyServerErrors(
  form: FormWithErrors,
  error: unknown,
  rename: Record<string, string> = {},
): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  const values = form.getValues();
  const onInputs: Record<string, string> = {};
  const elsewhere: FieldError[] = [];
  for (const field of error.fields) {
    const name = inputPath(values, rename[field.path] ?? field.path);
    if (name !== undefined) onInputs[name] = field.message;
    else elsewhere.push(field);
  }
  form.setErrors(onInputs);
  if (Object.keys(onInputs).length === 0) return error.message;
  return elsewhere.length > 0
    ? elsewhere.map((field) => `${field.path}: ${field.message}`).join(' ')
    : undefined;
}
