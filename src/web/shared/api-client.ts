import { closeAction, idempotencyKeyFor } from './idempotency';
// The only place the web app talks HTTP. Every failure becomes an ApiError with the server's one error
// shape, so screens can show `fields` next to their inputs and `message` otherwise.

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

/** 401 codes that mean "this browser no longer has a session" (as opposed to a wrong password or code). */
const SESSION_GONE_CODES = new Set(['unauthenticated', 'session_expired', 'session_ended']);

let csrfToken: string | null = null;

/** The token comes from the login answer and from GET /api/auth/me; every state-changing call sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export const currentCsrfToken = (): string | null => csrfToken;

type SessionGoneListener = (code: string) => void;
let sessionGoneListener: SessionGoneListener | null = null;

export function onSessionGone(listener: SessionGoneListener): () => void {
  sessionGoneListener = listener;
  return () => {
    if (sessionGoneListener === listener) sessionGoneListener = null;
  };
}

// The server slides its idle deadline on every authenticated call, so the idle timer counts from the last
// successful call. It is shared through localStorage so that a second tab keeps this one's count honest.
const LAST_CALL_STORAGE_KEY = 'openiop.lastApiCallAt';
let lastCallAt = 0;

/** Called for every answered call, by this module and by the contract client (shared/api/client). */
export function recordSuccessfulCall(startedAt: number): void {
  if (startedAt <= lastCallAt) return;
  lastCallAt = startedAt;
  try {
    localStorage.setItem(LAST_CALL_STORAGE_KEY, String(startedAt));
  } catch {
    // Storage can be unavailable (private mode, quota); this tab's own count still works.
  }
}

export function lastSuccessfulCallAt(): number {
  let shared = 0;
  try {
    shared = Number(localStorage.getItem(LAST_CALL_STORAGE_KEY)) || 0;
  } catch {
    shared = 0;
  }
  return Math.max(lastCallAt, shared);
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Set for sign-in steps and sign-out, where a 401 is an answer to show rather than a lost session. */
  keepOnUnauthorized?: boolean;
  /** Extra request headers: `If-Match` for versioned updates, `Idempotency-Key` for retry-safe creates. */
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const startedAt = Date.now();
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError();
  }

  if (response.ok) {
    recordSuccessfulCall(startedAt);
    const text = response.status === 204 ? '' : await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const error = await readError(response);
  if (!options.keepOnUnauthorized) reportSessionGone(error);
  throw error;
}

/** A 401 that means the session is gone tells the shell (session-gone-redirect), which sends the user to sign in. */
export function reportSessionGone(error: ApiError): void {
  if (error.status === 401 && SESSION_GONE_CODES.has(error.code)) sessionGoneListener?.(error.code);
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

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  /**
   * A POST that makes a record, with the action's Idempotency-Key (shared/idempotency): a retry of the same
   * create reuses the key, so a double submit or a retry after a lost answer never makes two.
   */
  create: async <T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> => {
    const key = idempotencyKeyFor(path, body);
    try {
      const made = await apiRequest<T>('POST', path, {
        ...options,
        body,
        headers: { ...options.headers, 'Idempotency-Key': key },
      });
      closeAction(path, body);
      return made;
    } catch (error) {
      if (error instanceof ApiError && refusedForGood(error.status)) closeAction(path, body);
      throw error;
    }
  },
};

/** `If-Match` for an update of a record read at `version`; the server answers 409 if someone changed it since. */
export const ifMatch = (version: number): RequestOptions => ({ headers: { 'If-Match': `"${version}"` } });

/** Builds `path?a=1&b=x`, leaving out empty values so the server applies its defaults. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** Every list endpoint answers one page at a time in this shape. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
