// Every failed call becomes an ApiError with the server's one error shape, so screens can show `fields` next
// to their inputs and `message` otherwise (the contract client's middleware throws it: shared/api/client).

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    /** What the server added beside code, message and fields (a 409's `existingPatient`, `allowed` …). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const networkError = () =>
  new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.');

/** The server's one error shape as an ApiError; anything else (a proxy's page) as a generic one. */
export async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: unknown; message?: unknown; fields?: unknown; [detail: string]: unknown };
    };
    const { code, message, fields, ...details } = body.error ?? {};
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(
        response.status,
        code,
        message,
        Array.isArray(fields) ? (fields as FieldError[]) : [],
        details,
      );
    }
  } catch {
    // Not our JSON (a proxy page, say): fall through to a generic error.
  }
  return new ApiError(response.status, `http_${response.status}`, `The server answered ${response.status}.`);
}

/** Whether a failed create was refused for good, so its next try is a new action (shared/idempotency). */
export function refusedForGood(status: number): boolean {
  // A network error or a 5xx keeps the key, so the retry is recognised if the first attempt did reach the
  // server; a lost session (401) keeps it too, for the retry after signing in again.
  return status >= 400 && status < 500 && status !== 401;
}
