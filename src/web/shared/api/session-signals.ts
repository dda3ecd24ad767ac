import type { ApiError } from './api-error';

// What the contract client (shared/api/client) keeps beside its calls: the CSRF token it sends, the moment of
// the last answered call (for the idle timer), and who to tell when the session is gone.

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

/** A 401 that means the session is gone tells the shell (session-gone-redirect), which sends the user to sign in. */
export function reportSessionGone(error: ApiError): void {
  if (error.status === 401 && SESSION_GONE_CODES.has(error.code)) sessionGoneListener?.(error.code);
}

// The server slides its idle deadline on every authenticated call, so the idle timer counts from the last
// successful call. It is shared through localStorage so that a second tab keeps this one's count honest.
const LAST_CALL_STORAGE_KEY = 'openiop.lastApiCallAt';
let lastCallAt = 0;

/** Called by the contract client for every answered call. */
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
